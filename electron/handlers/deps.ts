import type { z } from 'zod';
import type { Edition } from '../contract/api.ts';
import type { Db } from '../db/index.ts';
import type { LayerId } from '../../data/schema/layers.ts';
import type { PackRegistry } from '../basemaps/registry.ts';
import type { ZoneData } from './network.ts';
import type { ReferenceLayer } from './reference-layers.ts';
import type { ReferenceData } from './reference.ts';
import type { ImportLimits } from '../imports/jobs.ts';

/** What the handlers need, passed in so tests can build them around a temporary database. */
export interface HandlerDeps {
  userDb: Db;
  reference: ReferenceData;
  /** The zone's reference layers (parks, airports, rail, …), keyed by layer id. */
  layers: ReadonlyMap<LayerId, ReferenceLayer>;
  /** The zone's county polygons, populations and markets. */
  zone: ZoneData;
  /** Offline basemap packs the user registered. */
  packs: PackRegistry;
  /** Data files the handlers read: the plan taxonomy, the profile presets, the default tour. */
  files: { plan: string; presets: string; tour: string };
  info: { name: string; version: string; edition: z.infer<typeof Edition>; dataDir: string };
  /** Overrides of the import limits (tests use a small streaming threshold). */
  importLimits?: ImportLimits;
}
