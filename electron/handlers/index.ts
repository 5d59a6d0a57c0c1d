/**
 * The handler module both transports share. `createHandlers` builds the services once and binds
 * every handler group to them into one object that implements the contract; `dispatch` is the
 * single entry point for a call from outside: it rejects unknown methods, validates the argument,
 * runs the handler, checks the result, and turns every failure into a typed error without a
 * stack trace. This boundary is the only place where the rooms' domain errors become API codes.
 */
import type { z } from 'zod';
import { CONTRACT, WRITE_METHODS, type Api, type Envelope, type ErrorCode, type MethodName } from '../contract/api.ts';
import { isMethodName } from '../contract/methods.ts';
import { correctionStore } from '../db/correction-store.ts';
import { matchDecisionStore } from '../db/osm-match-store.ts';
import { criteriaStore } from '../db/criteria-store.ts';
import { basemapStore } from '../db/basemap-store.ts';
import { layerStore } from '../db/layer-store.ts';
import { rangeStore } from '../db/range-store.ts';
import { removeStaleExports } from '../db/project-file.ts';
import { scenarioStore } from '../db/scenario-store.ts';
import { settingsStore } from '../db/settings-store.ts';
import { siteStore } from '../db/site-store.ts';
import { teamStore } from '../db/team-store.ts';
import { tourStore } from '../db/tour-store.ts';
import { BusyError, ForbiddenError, NotFoundError, UnavailableError, UserInputError } from '../errors.ts';
import { DEFAULT_LIMITS, ImportJobs } from '../imports/jobs.ts';
import { ParseCache } from '../imports/reader.ts';
import { Uploads } from '../imports/uploads.ts';
import { roadNetworks } from '../network/roads.ts';
import { NETWORK_YEAR_SETTING, storedYear, zoneNetworkService } from '../network/service.ts';
import { correctedLayers } from '../reference/corrected.ts';
import { siteFacts } from '../scoring/site-facts.ts';
import { TeamService } from '../team/service.ts';
import { appHandlers } from './app.ts';
import { basemapHandlers } from './basemaps.ts';
import { correctionHandlers } from './corrections.ts';
import { criteriaHandlers } from './criteria.ts';
import type { Context, HandlerDeps, Handlers } from './context.ts';
import { ApiError } from './errors.ts';
import { CheckedResult, OFF_THREAD_LIMITS, OFF_THREAD_METHODS, OffThread, type OffThreadMethod, type WorkerInit } from './off-thread.ts';
import { importHandlers } from './imports.ts';
import { layerHandlers } from './layers.ts';
import { networkHandlers } from './network.ts';
import { osmHandlers } from './osm.ts';
import { scenarioHandlers } from './scenarios.ts';
import { scoringHandlers } from './scoring.ts';
import { settingsHandlers } from './settings.ts';
import { teamHandlers } from './team.ts';
import { tourHandlers } from './tours.ts';
import { uncertaintyHandlers } from './uncertainty.ts';
import { verifyHandlers } from './verify.ts';
import { yearHandlers } from './years.ts';

export type { Context, HandlerDeps } from './context.ts';
export { ApiError } from './errors.ts';
export { OFF_THREAD_LIMITS, OFF_THREAD_METHODS, setOffThreadScript } from './off-thread.ts';

/** Every method's handler, one group per domain. */
const HANDLERS = {
  ...appHandlers,
  ...layerHandlers,
  ...correctionHandlers,
  ...settingsHandlers,
  ...tourHandlers,
  ...networkHandlers,
  ...osmHandlers,
  ...scoringHandlers,
  ...criteriaHandlers,
  ...scenarioHandlers,
  ...importHandlers,
  ...basemapHandlers,
  ...teamHandlers,
  ...uncertaintyHandlers,
  ...verifyHandlers,
  ...yearHandlers,
} satisfies Handlers<MethodName>;

/** What the off-thread worker starts from: the loaded reference data (values only), the database file, the app's description. */
export function workerInit(deps: HandlerDeps): WorkerInit {
  const { basemap, layers, zone, plan, places, search, sources, methodExamples } = deps.reference;
  return {
    reference: {
      basemap: { meta: basemap.meta, minzoom: basemap.minzoom, maxzoom: basemap.maxzoom },
      layers,
      zone,
      plan,
      places,
      search,
      sources,
      methodExamples,
    },
    dbFile: deps.userDb.name,
    info: deps.info,
    ...(deps.importLimits ? { importLimits: deps.importLimits } : {}),
  };
}

export function createContext(deps: HandlerDeps): Context {
  // A project copy a crash left behind (exportProject writes in the data folder) goes at start-up.
  if (!deps.inWorker) removeStaleExports(deps.info.dataDir);
  const stores = {
    layers: layerStore(deps.userDb),
    sites: siteStore(deps.userDb),
    scenarios: scenarioStore(deps.userDb),
    tours: tourStore(deps.userDb),
    settings: settingsStore(deps.userDb),
    criteria: criteriaStore(deps.userDb),
    corrections: correctionStore(deps.userDb),
    ranges: rangeStore(deps.userDb),
    matches: matchDecisionStore(deps.userDb),
    basemaps: basemapStore(deps.userDb),
  };
  let layersKey = '';
  let layers = deps.reference.layers;
  const currentLayers = () => {
    const key = stores.corrections.signature();
    if (key !== layersKey) {
      layersKey = key;
      layers = correctedLayers(deps.reference.layers, stores.corrections.list());
    }
    return layers;
  };
  const roads = roadNetworks({
    dataDir: deps.info.dataDir,
    setting: { read: () => stores.settings.all()['network'], write: (kind) => stores.settings.write({ network: kind }) },
    ...(deps.roadsWorkerUrl ? { workerUrl: deps.roadsWorkerUrl } : {}),
  });
  // Every travel time comes from the active network, in the scenario year stored in the settings.
  const network = zoneNetworkService(deps.reference, stores.layers, currentLayers, {
    roads,
    year: () => storedYear(stores.settings.all()[NETWORK_YEAR_SETTING]),
  });
  return {
    ...deps,
    stores,
    layers: currentLayers,
    network,
    roads,
    facts: siteFacts(deps.reference, network, stores, currentLayers),
    jobs: new ImportJobs(deps.userDb),
    uploads: new Uploads(deps.info.dataDir, Date.now, !deps.inWorker),
    importLimits: deps.importLimits ?? DEFAULT_LIMITS,
    parseCache: new ParseCache(),
    offThread: deps.inWorker || deps.userDb.memory ? null : new OffThread(() => workerInit(deps)),
    team: new TeamService({
      store: teamStore(deps.userDb),
      settings: stores.settings,
      migrations: deps.teamMigrations ?? [],
      secrets: deps.secrets ?? null,
    }),
  };
}

const OFF_THREAD = new Set<MethodName>(OFF_THREAD_METHODS);
/** Methods that rank, with the roles of imported layers whose points they rank besides the user's sites. */
const RANKING_ROLES: Partial<Record<OffThreadMethod, ('candidates' | 'competitors')[]>> = {
  scoreSites: ['candidates'],
  compareParks: ['candidates', 'competitors'],
  compareScenarios: ['candidates'],
  exportReport: ['candidates', 'competitors'],
  methodAgreement: ['candidates'],
  similarSites: ['candidates', 'competitors'],
  rankUncertainty: ['candidates'],
  gapAnalysis: ['candidates', 'competitors'],
};

/** @throws UserInputError when a ranking would take more candidates than OFF_THREAD_LIMITS allows */
function checkCandidates(ctx: Context, method: OffThreadMethod): void {
  const roles = RANKING_ROLES[method];
  if (!roles) return;
  const sites = ctx.stores.sites.list().length;
  const imported = roles.reduce((n, role) => n + ctx.stores.layers.countPointsWithRole(role), 0);
  if (sites + imported > OFF_THREAD_LIMITS.candidates)
    throw new UserInputError(
      `${method}: ${sites + imported} candidate sites (${sites} of your own, ${imported} imported as ${roles.join(' or ')}) are more than a ranking takes (${OFF_THREAD_LIMITS.candidates}); give fewer imported layers the role "candidates", or split them`,
    );
}

const WRITES = new Set<MethodName>(WRITE_METHODS);

/** Binds every handler to one context. While an import writes, the methods that write are refused with BUSY. */
export function bindHandlers(ctx: Context): Api {
  const api: Record<string, (args: unknown) => unknown> = {};
  const offThread = ctx.offThread;
  for (const name of Object.keys(HANDLERS) as MethodName[]) {
    const handler = HANDLERS[name] as (c: Context, args: unknown) => unknown;
    if (offThread && OFF_THREAD.has(name)) {
      api[name] = (args) => {
        checkCandidates(ctx, name as OffThreadMethod);
        return offThread.call(name as OffThreadMethod, args);
      };
      continue;
    }
    api[name] = WRITES.has(name)
      ? (args) => {
          if (ctx.jobs.running)
            throw new BusyError('an import is being written to this project; try again when it has finished, or cancel it');
          return handler(ctx, args);
        }
      : (args) => handler(ctx, args);
  }
  return api as Api;
}

export function createHandlers(deps: HandlerDeps): Api {
  return bindHandlers(createContext(deps));
}

function failure(code: ErrorCode, message: string, issues?: string[]): Envelope<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** One line per problem, naming the field; a missing field says so (zod's own words are "received undefined"). */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const field = i.path.length ? i.path.join('.') : '(argument)';
    const missing = i.code === 'invalid_type' && /received undefined$/.test(i.message);
    return `${field}: ${missing ? `missing (expected ${(i as { expected?: string }).expected ?? 'a value'})` : i.message}`;
  });
}

/** The API code of an error a room or handler threw on purpose; null for anything else (a bug). */
export function errorCode(error: unknown): ErrorCode | null {
  if (error instanceof ApiError) return error.code;
  if (error instanceof UserInputError) return 'BAD_ARGUMENT';
  if (error instanceof NotFoundError) return 'NOT_FOUND';
  if (error instanceof BusyError) return 'BUSY';
  if (error instanceof UnavailableError) return 'UNAVAILABLE';
  if (error instanceof ForbiddenError) return 'FORBIDDEN';
  return null;
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
    const out = await handler(args.data);
    // The worker checked its result against the contract already; a second parse would block this thread.
    const result = out instanceof CheckedResult ? { success: true as const, data: out.value } : schema.result.safeParse(out);
    if (!result.success) {
      console.error(`[api] ${method} returned a result that breaks the contract`, result.error);
      return failure('INTERNAL', `${method} produced an invalid result`);
    }
    return { ok: true, result: result.data };
  } catch (error) {
    const code = errorCode(error);
    if (code) return failure(code, (error as Error).message);
    // Log the detail on our side; the caller gets a message, never the stack.
    console.error(`[api] ${method} failed`, error);
    return failure('INTERNAL', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
