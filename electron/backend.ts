/**
 * Opens everything a transport needs: the user's database (migrated), the reference data and the
 * handlers. Electron main, the browser-edition server and the CLI all start here.
 */
import { join } from 'node:path';
import { PackRegistry } from './basemaps/registry.ts';
import type { Api } from './contract/api.ts';
import { loadMigrations, openUserDb, type Db } from './db/index.ts';
import type { HandlerDeps } from './handlers/deps.ts';
import { createHandlers } from './handlers/index.ts';
import { loadZone } from './handlers/network.ts';
import { loadReferenceLayers } from './handlers/reference-layers.ts';
import { openReference, type ReferenceData } from './handlers/reference.ts';
import { packageVersion, type AppPaths } from './node/paths.ts';

export const USER_DB_FILE = 'siteselect.db';

export interface Backend {
  api: Api;
  paths: AppPaths;
  userDb: Db;
  reference: ReferenceData;
  layers: ReturnType<typeof loadReferenceLayers>;
  packs: PackRegistry;
  dataDir: string;
  close(): void;
}

export function openBackend(options: {
  paths: AppPaths;
  dataDir: string;
  edition: HandlerDeps['info']['edition'];
  importLimits?: HandlerDeps['importLimits'];
}): Backend {
  const { paths, dataDir, edition } = options;
  const reference = openReference(paths.referenceFile);
  let userDb: Db;
  let layers: ReturnType<typeof loadReferenceLayers>;
  let zone: ReturnType<typeof loadZone>;
  try {
    layers = loadReferenceLayers(paths.layersDir);
    zone = loadZone(paths.zoneFile, paths.countiesFile, paths.marketsFile);
    userDb = openUserDb(join(dataDir, USER_DB_FILE), loadMigrations(paths.migrationsDir));
  } catch (error) {
    reference.close();
    throw error;
  }
  const packs = new PackRegistry(userDb);
  const info = { name: 'xiangnan-siteselect', version: packageVersion(paths.appRoot), edition, dataDir };
  return {
    api: createHandlers({
      userDb,
      reference,
      layers,
      zone,
      packs,
      info,
      files: { plan: paths.planFile, presets: paths.presetsFile, tour: paths.tourFile },
      ...(options.importLimits ? { importLimits: options.importLimits } : {}),
    }),
    paths,
    userDb,
    reference,
    layers,
    packs,
    dataDir,
    close() {
      packs.close();
      userDb.close();
      reference.close();
    },
  };
}
