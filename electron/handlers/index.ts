/**
 * The handler module both transports share. `createHandlers` merges the per-domain handlers into
 * one object that implements the contract; `dispatch` is the single entry point for a call from
 * outside: it rejects unknown methods, validates the argument, runs the handler, checks the
 * result, and turns every failure into a typed error without a stack trace.
 */
import { z } from 'zod';
import { CONTRACT, type Api, type Envelope, type ErrorCode } from '../contract/api.ts';
import { isMethodName } from '../contract/methods.ts';
import { appHandlers } from './app.ts';
import { ApiError } from './errors.ts';
import type { HandlerDeps } from './deps.ts';
import { layerHandlers } from './layers.ts';
import { basemapHandlers } from './basemaps.ts';
import { importHandlers } from './imports.ts';
import { ImportJobs } from '../imports/jobs.ts';
import { Uploads } from '../imports/uploads.ts';
import { scenarioHandlers } from './scenarios.ts';
import { tourHandlers } from './tours.ts';
import { networkHandlers, zoneNetworkService } from './network.ts';
import { scoringHandlers } from './scoring.ts';
import { settingsHandlers } from './settings.ts';

export type { HandlerDeps } from './deps.ts';
export { ApiError } from './errors.ts';

/**
 * Methods that write the user's database. An import writes its layer in one long transaction on a
 * connection of its own; meanwhile these are refused at once with a clear message, rather than
 * waiting on its lock (which would freeze the app) or joining its transaction (a cancel would then
 * drop them).
 */
const WRITE_METHODS = [
  'updateSettings',
  'addCandidateSite',
  'deleteCandidateSite',
  'renameLayer',
  'setLayerStyle',
  'deleteLayer',
  'addBasemap',
  'removeBasemap',
  'saveScenario',
  'openScenario',
  'duplicateScenario',
  'renameScenario',
  'deleteScenario',
  'importProject',
  'saveTour',
  'deleteTour',
] as const;

export function createHandlers(deps: HandlerDeps): Api {
  const network = zoneNetworkService(deps);
  const layers = layerHandlers(deps);
  const jobs = new ImportJobs(deps.userDb, deps.importLimits);
  const uploads = new Uploads(deps.info.dataDir);
  const scoring = scoringHandlers(deps, network);
  const api: Api = {
    ...appHandlers(deps),
    ...layers,
    ...settingsHandlers(deps),
    ...networkHandlers(deps, network),
    ...scoring,
    ...importHandlers(deps, layers.getLayer, jobs, uploads),
    ...basemapHandlers(deps),
    ...scenarioHandlers(deps, scoring, uploads),
    ...tourHandlers(deps),
  };
  for (const method of WRITE_METHODS) {
    const handler = api[method] as (args: unknown) => unknown;
    (api as Record<string, (args: unknown) => unknown>)[method] = (args) => {
      if (jobs.running)
        throw new ApiError('BAD_ARGUMENT', 'an import is being written to this project; try again when it has finished, or cancel it');
      return handler(args);
    };
  }
  return api;
}

function failure(code: ErrorCode, message: string, issues?: string[]): Envelope<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(argument)'}: ${i.message}`);
}

export async function dispatch(api: Api, method: string, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) return failure('UNKNOWN_METHOD', `unknown method "${method}"`);
  const schema = CONTRACT[method];
  const args = schema.args.safeParse(rawArgs ?? {});
  if (!args.success) {
    const issues = describeIssues(args.error);
    return failure('BAD_ARGUMENT', `bad argument for ${method}: ${issues.join('; ')}`, issues);
  }
  try {
    const handler = api[method] as (a: unknown) => unknown;
    const result = schema.result.safeParse(await handler(args.data));
    if (!result.success) {
      console.error(`[api] ${method} returned a result that breaks the contract`, result.error);
      return failure('INTERNAL', `${method} produced an invalid result`);
    }
    return { ok: true, result: result.data };
  } catch (error) {
    if (error instanceof ApiError) return failure(error.code, error.message);
    // Log the detail on our side; the caller gets a message, never the stack.
    console.error(`[api] ${method} failed`, error);
    return failure('INTERNAL', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
