/**
 * The one API contract. Every method has a zod schema for its argument and its result; the
 * handlers (electron/handlers) implement `Api`, and both transports (Electron IPC and the
 * browser edition's HTTP server) call them through `dispatch`, which validates every call.
 *
 * The contract is split by domain (app, layers, settings, tours, network, scoring, scenarios,
 * imports, basemaps) and merged here, the one place that knows every method. Lists of ids
 * (criteria, facility classes, coordinate systems, ranking methods) come from pure constants in
 * geo/, so each is defined once. The renderer imports types from here only (lint enforces it).
 */
import type { z } from 'zod';
import { APP_METHODS } from './app.ts';
import { BASEMAP_METHODS } from './basemaps.ts';
import { CORRECTION_METHODS } from './corrections.ts';
import { CRITERIA_METHODS } from './criteria.ts';
import type { Assert, Equals, MethodSpec } from './define.ts';
import type { Envelope } from './envelope.ts';
import { IMPORT_METHODS } from './imports.ts';
import { LAYER_METHODS } from './layers.ts';
import type { MethodName } from './methods.ts';
import { NETWORK_METHODS } from './network.ts';
import { OSM_METHODS } from './osm.ts';
import { SCENARIO_METHODS } from './scenarios.ts';
import { SCORING_METHODS } from './scoring.ts';
import { SETTINGS_METHODS } from './settings.ts';
import { TEAM_METHODS } from './team.ts';
import { TOUR_METHODS } from './tours.ts';
import { UNCERTAINTY_METHODS } from './uncertainty.ts';
import { VERIFY_METHODS } from './verify.ts';
import { YEAR_METHODS } from './years.ts';

export * from './app.ts';
export * from './basemaps.ts';
export * from './common.ts';
export * from './corrections.ts';
export * from './criteria.ts';
export * from './envelope.ts';
export * from './geometry.ts';
export * from './imports.ts';
export * from './layers.ts';
export * from './network.ts';
export * from './osm.ts';
export * from './scenarios.ts';
export * from './scoring.ts';
export * from './settings.ts';
export * from './team.ts';
export * from './tours.ts';
export * from './uncertainty.ts';
export * from './verify.ts';
export * from './years.ts';

/** Argument and result schema of every method, with its flags. */
export const CONTRACT = {
  ...APP_METHODS,
  ...LAYER_METHODS,
  ...CORRECTION_METHODS,
  ...SETTINGS_METHODS,
  ...TOUR_METHODS,
  ...NETWORK_METHODS,
  ...OSM_METHODS,
  ...SCORING_METHODS,
  ...CRITERIA_METHODS,
  ...SCENARIO_METHODS,
  ...IMPORT_METHODS,
  ...BASEMAP_METHODS,
  ...TEAM_METHODS,
  ...UNCERTAINTY_METHODS,
  ...VERIFY_METHODS,
  ...YEAR_METHODS,
} satisfies Record<MethodName, MethodSpec>;

/** The method list the preload builds channels from (methods.ts) names exactly the contract's methods. */
export type _MethodsMatchContract = Assert<Equals<keyof typeof CONTRACT, MethodName>>;

export type Contract = typeof CONTRACT;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** What the handlers implement: validated arguments in, a result out. */
export type Api = { [M in MethodName]: (args: z.output<Contract[M]['args']>) => ResultOf<M> | Promise<ResultOf<M>> };

const namesWith = (flag: 'writes' | 'carriesFile'): MethodName[] =>
  (Object.entries(CONTRACT) as [MethodName, MethodSpec][]).filter(([, spec]) => spec[flag] === true).map(([name]) => name);

/**
 * Methods that write the user's database (declared with `writes: true`). An import writes its
 * layer in one long transaction on a connection of its own; meanwhile these are refused at once
 * with BUSY, rather than waiting on its lock (which would freeze the app) or joining its
 * transaction (a cancel would then drop them).
 */
export const WRITE_METHODS: readonly MethodName[] = namesWith('writes');

/** The names of the methods declared `writes: true`, as a type (the renderer's invalidation table must cover each). */
export type WriteMethodName = { [M in MethodName]: Contract[M] extends { writes: true } ? M : never }[MethodName];

/** Methods whose argument carries file bytes (base64): the HTTP server allows larger bodies for them. */
export const FILE_METHODS: readonly MethodName[] = namesWith('carriesFile');

export type { MethodName } from './methods.ts';

/** What the transports expose to the renderer: every method returns an envelope, never throws. */
export type Bridge = { [M in MethodName]: (args?: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>> };
