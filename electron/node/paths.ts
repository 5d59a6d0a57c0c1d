/**
 * Where things live on disk. The browser edition and the CLI use the same default data folder as
 * Electron's `app.getPath('userData')` (for productName "XiangnanSiteSelect"), so all three
 * editions share one user database.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'XiangnanSiteSelect';

/** Electron's userData folder for this product, per platform (Electron docs, `app.getPath`). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** Repository (or unpacked app) root, from a module inside electron/. */
export function appRootFrom(moduleUrl: string, levelsUp = 2): string {
  return resolve(dirname(fileURLToPath(moduleUrl)), ...Array<string>(levelsUp).fill('..'));
}

export interface AppPaths {
  appRoot: string;
  rendererDir: string;
  referenceFile: string;
  migrationsDir: string;
  /** The team server's schema migrations (PostgreSQL, issue 20). */
  teamMigrationsDir: string;
  layersDir: string;
  zoneFile: string;
  countiesFile: string;
  marketsFile: string;
  planFile: string;
  presetsFile: string;
  /** The guided tour that ships with the app (data/tours/default-tour.json). */
  tourFile: string;
  /** The registry of every source the shipped data cites (data/sources.json). */
  sourcesFile: string;
  /** The published worked examples the method self-test runs (data/method-examples/). */
  methodExamplesDir: string;
}

/**
 * Files the app reads at run time, relative to its root. In a packaged Electron app the root is
 * the asar archive, and these files are unpacked next to it (electron-builder.yml `asarUnpack`).
 */
export function appPaths(appRoot: string, unpackedRoot = appRoot): AppPaths {
  return {
    appRoot,
    rendererDir: join(appRoot, 'dist', 'renderer'),
    referenceFile: join(unpackedRoot, 'data', 'generated', 'basemap.mbtiles'),
    migrationsDir: join(unpackedRoot, 'data', 'schema', 'migrations'),
    teamMigrationsDir: join(unpackedRoot, 'data', 'schema', 'team-migrations'),
    layersDir: join(unpackedRoot, 'data', 'layers'),
    zoneFile: join(unpackedRoot, 'data', 'generated', 'zone-counties.geojson'),
    countiesFile: join(unpackedRoot, 'data', 'counties.json'),
    marketsFile: join(unpackedRoot, 'data', 'markets.json'),
    planFile: join(unpackedRoot, 'data', 'plan.json'),
    presetsFile: join(unpackedRoot, 'data', 'profile-presets.json'),
    tourFile: join(unpackedRoot, 'data', 'tours', 'default-tour.json'),
    sourcesFile: join(unpackedRoot, 'data', 'sources.json'),
    methodExamplesDir: join(unpackedRoot, 'data', 'method-examples'),
  };
}

export function packageVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
