/**
 * The architecture's layer table, encoded once. docs/ARCHITECTURE.md shows it (a test checks the
 * document's table is exactly `renderTable()`), eslint.config.js takes its package bans from it,
 * and tests/architecture.test.ts checks every import of the code base against `mayImport` with
 * dependency-cruiser (and that there is no import cycle), proving the rules with failing fixtures.
 *
 * `path` is a folder (or one file) relative to the repository root; a module belongs to the
 * longest path that contains it. `mayImport` lists the other rooms its code may import (its own
 * room always); tests (`*.test.ts`, `*.bench.ts`, tests/, electron/testing/) may import anything.
 */

export const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'zlib',
  'worker_threads',
  'crypto',
  'stream',
];

/** The rooms of electron/ that run in Node, lowest first: a room imports only rooms before it in its list. */
export const ROOMS = [
  {
    path: 'geo',
    runsIn: 'anywhere',
    mayImport: [],
    packages: 'none of: electron, react, better-sqlite3, maplibre-gl, the DOM, `node:*`',
    bannedPackages: ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'better-sqlite3', 'maplibre-gl', ...NODE_BUILTINS],
    why: 'the pure core: routing, scoring, MCDA, surfaces',
  },
  {
    path: 'data/schema',
    runsIn: 'anywhere',
    mayImport: [],
    packages: 'zod',
    why: 'schemas of the shipped data files',
  },
  {
    path: 'electron/contract',
    runsIn: 'renderer and Node',
    mayImport: ['geo'],
    packages: 'zod',
    bannedPackages: ['electron', 'better-sqlite3', 'react', ...NODE_BUILTINS],
    why: "the API: methods, zod schemas, the `Api` type; ids come from geo's pure constants",
  },
  {
    path: 'electron/errors.ts',
    runsIn: 'Node',
    mayImport: [],
    packages: '—',
    why: 'domain errors the rooms throw; only the handler boundary maps them to API codes',
  },
  {
    path: 'electron/node',
    runsIn: 'Node',
    mayImport: [],
    packages: 'Node',
    why: 'where things live on disk',
  },
  {
    path: 'electron/db',
    runsIn: 'Node',
    mayImport: ['electron/contract', 'electron/errors.ts'],
    packages: 'better-sqlite3 (only here and in data/build), Node',
    why: 'opens SQLite; one store per table family; migrations; project files; MBTiles',
  },
  {
    path: 'electron/reference',
    runsIn: 'Node',
    mayImport: ['geo', 'data/schema', 'electron/contract', 'electron/db', 'electron/errors.ts', 'electron/node'],
    packages: 'zod, pinyin-pro, Node',
    why: 'loads and validates everything shipped with the app, once',
  },
  {
    path: 'electron/imports',
    runsIn: 'Node',
    mayImport: ['geo', 'electron/contract', 'electron/db', 'electron/errors.ts'],
    packages: 'file parsers, Node',
    why: "reading, staging, writing and exporting the user's files",
  },
  {
    path: 'electron/basemaps',
    runsIn: 'Node',
    mayImport: ['geo', 'electron/contract', 'electron/db', 'electron/errors.ts'],
    packages: 'pmtiles, Node',
    why: 'offline basemap packs',
  },
  {
    path: 'electron/roads',
    runsIn: 'Node (and a worker thread)',
    mayImport: ['geo'],
    packages: 'pbf, saxes, unbzip2-stream, Node',
    why: 'reading OpenStreetMap extracts into the road graph file, off the main thread',
  },
  {
    path: 'electron/network',
    runsIn: 'Node',
    mayImport: [
      'geo',
      'data/schema',
      'electron/contract',
      'electron/db',
      'electron/errors.ts',
      'electron/imports',
      'electron/reference',
      'electron/roads',
    ],
    packages: '@turf/turf',
    why: 'the network service: builds, caches and queries the active network',
  },
  {
    path: 'electron/scoring',
    runsIn: 'Node',
    mayImport: [
      'geo',
      'electron/contract',
      'electron/db',
      'electron/errors.ts',
      'electron/imports',
      'electron/network',
      'electron/reference',
    ],
    packages: '—',
    why: "each site's profile-independent facts, computed once",
  },
  {
    path: 'electron/reports',
    runsIn: 'Node',
    mayImport: ['geo', 'electron/contract', 'electron/imports', 'electron/reference'],
    packages: 'exceljs',
    why: 'report files built from handler results',
  },
  {
    path: 'electron/assets',
    runsIn: 'Node',
    mayImport: ['electron/basemaps', 'electron/reference'],
    packages: 'Node',
    why: 'serves the built renderer and tiles to both transports',
  },
  {
    path: 'electron/team',
    runsIn: 'Node',
    mayImport: ['geo', 'electron/contract', 'electron/db', 'electron/errors.ts'],
    packages: 'pg, pgpass, Node',
    why: 'the team server (PostgreSQL + PostGIS): its address, TLS and password, schema migrations, push, pull, conflicts, analysis',
  },
  {
    path: 'electron/handlers',
    runsIn: 'Node',
    mayImport: [
      'geo',
      'data/schema',
      'electron/contract',
      'electron/db',
      'electron/errors.ts',
      'electron/reference',
      'electron/imports',
      'electron/basemaps',
      'electron/network',
      'electron/roads',
      'electron/scoring',
      'electron/reports',
      'electron/team',
    ],
    packages: 'Node',
    why: 'one top-level function per method; `dispatch`, the one boundary',
  },
  {
    path: 'electron/workers',
    runsIn: 'Node (a worker thread)',
    mayImport: ['electron/contract', 'electron/db', 'electron/reference', 'electron/basemaps', 'electron/handlers'],
    packages: 'Node',
    why: 'the off-thread worker: the heavy read-only methods, run with the same handlers on a read-only connection',
  },
  {
    path: 'electron/backend.ts',
    runsIn: 'Node',
    mayImport: ['electron/contract', 'electron/db', 'electron/reference', 'electron/basemaps', 'electron/handlers', 'electron/node'],
    packages: 'Node',
    why: 'opens everything a transport needs',
  },
  {
    path: 'electron/server',
    runsIn: 'Node',
    mayImport: ['electron/contract', 'electron/assets', 'electron/handlers', 'electron/backend.ts', 'electron/node'],
    packages: 'Node',
    why: 'the browser edition: HTTP on 127.0.0.1',
  },
  {
    path: 'electron/cli',
    runsIn: 'Node',
    mayImport: [
      'geo',
      'electron/contract',
      'electron/handlers',
      'electron/imports',
      'electron/backend.ts',
      'electron/server',
      'electron/node',
    ],
    packages: 'Node',
    why: '`siteselect`, through `dispatch`',
  },
  {
    path: 'electron/main',
    runsIn: 'Electron',
    mayImport: ['electron/contract', 'electron/assets', 'electron/handlers', 'electron/backend.ts', 'electron/node', 'electron/team'],
    packages: '`electron`, Node',
    why: 'windows, IPC, the siteselect:// protocol',
  },
  {
    path: 'electron/preload',
    runsIn: 'Electron (sandboxed)',
    mayImport: ['electron/contract'],
    packages: '`electron`',
    why: 'named bridge functions, nothing else',
  },
  {
    path: 'renderer',
    runsIn: 'sandboxed page',
    mayImport: ['geo', 'electron/contract (types only)'],
    packages: 'react, maplibre-gl, i18next, TanStack Query, echarts',
    bannedPackages: ['electron', 'better-sqlite3', ...NODE_BUILTINS],
    why: 'the UI; reaches the backend only through renderer/src/api/',
  },
  {
    path: 'data/build',
    runsIn: 'build time (tsx)',
    mayImport: ['geo', 'data/schema', 'electron/db', 'electron/contract', 'electron/reference', 'electron/network'],
    packages: 'better-sqlite3 (to write MBTiles), Node',
    why: 'builds and validates the shipped data',
  },
];

/** Our own rooms a module may not import however the table reads: the UI and the Electron runtime stay apart. */
export const TYPE_ONLY = { 'electron/contract (types only)': 'electron/contract' };

/** The room's own path without a "(types only)" note. */
export const roomPath = (entry) => TYPE_ONLY[entry] ?? entry;

/** The table as docs/ARCHITECTURE.md shows it. */
export function renderTable() {
  const code = (p) => `\`${p}\``;
  const lines = ['| room | runs in | may import (besides itself) | packages | what it holds |', '| --- | --- | --- | --- | --- |'];
  for (const r of ROOMS) {
    const may = r.mayImport.length
      ? r.mayImport.map((m) => (TYPE_ONLY[m] ? `${code(TYPE_ONLY[m])} (types only)` : code(m))).join(', ')
      : '—';
    lines.push(`| ${code(r.path)} | ${r.runsIn} | ${may} | ${r.packages} | ${r.why} |`);
  }
  return lines.join('\n');
}
