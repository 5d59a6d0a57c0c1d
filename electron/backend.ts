/**
 * Opens everything a transport needs: the reference data (loaded and validated once), the user's
 * database (migrated) and the handlers. Electron main, the browser-edition server and the CLI all
 * start here.
 */
import { join } from 'node:path';
import { PackRegistry } from './basemaps/registry.ts';
import type { Api } from './contract/api.ts';
import { loadMigrations, openUserDb, type Db } from './db/index.ts';
import { bindHandlers, createContext, type Context, type HandlerDeps } from './handlers/index.ts';
import { loadReference, type Reference } from './reference/index.ts';
import { packageVersion, type AppPaths } from './node/paths.ts';

export const USER_DB_FILE = 'siteselect.db';

export interface Backend {
  api: Api;
  /** The services behind the handlers (the CLI stages its files through `uploads` and waits on `jobs`). */
  context: Context;
  paths: AppPaths;
  userDb: Db;
  reference: Reference;
  packs: PackRegistry;
  dataDir: string;
  /** Stops the off-thread worker (if one started) and closes the databases. */
  close(): void;
}

export function openBackend(options: {
  paths: AppPaths;
  dataDir: string;
  edition: HandlerDeps['info']['edition'];
  importLimits?: HandlerDeps['importLimits'];
  roadsWorkerUrl?: URL;
  /** The OS keychain for the team server's password (Electron main passes safeStorage). */
  secrets?: HandlerDeps['secrets'];
}): Backend {
  const { paths, dataDir, edition } = options;
  const reference = loadReference(paths);
  let userDb: Db;
  try {
    userDb = openUserDb(join(dataDir, USER_DB_FILE), loadMigrations(paths.migrationsDir));
  } catch (error) {
    reference.close();
    throw error;
  }
  const packs = new PackRegistry(userDb);
  const info = { name: 'xiangnan-siteselect', version: packageVersion(paths.appRoot), edition, dataDir };
  const context = createContext({
    userDb,
    reference,
    packs,
    info,
    ...(options.importLimits ? { importLimits: options.importLimits } : {}),
    ...(options.roadsWorkerUrl ? { roadsWorkerUrl: options.roadsWorkerUrl } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    teamMigrations: loadMigrations(paths.teamMigrationsDir),
  });
  return {
    api: bindHandlers(context),
    context,
    paths,
    userDb,
    reference,
    packs,
    dataDir,
    close() {
      void context.offThread?.close();
      packs.close();
      userDb.close();
      reference.close();
    },
  };
}
