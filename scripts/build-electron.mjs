// Bundles Electron's main process and preload into dist/electron/ (CommonJS, as Electron loads
// them). better-sqlite3 stays external: it is a native module, unpacked from asar when packaged.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};
// Main runs the off-thread worker from the bundle below and passes the bundled road-import
// worker's URL to road imports (import.meta has no meaning in CommonJS, so the sources' default
// paths are left undefined here).
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
  define: { 'import.meta.url': 'undefined' },
});
await build({
  ...common,
  entryPoints: ['electron/workers/heavy-worker.ts'],
  outfile: 'dist/electron/heavy-worker.cjs',
  define: { 'import.meta.url': 'undefined' },
});
// The sandboxed preload may only require('electron'); everything else must be bundled in.
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
// The road-network import runs in a worker thread; it uses top-level await, so it is an ES module.
// Its CommonJS dependencies (unbzip2-stream, …) call require(), which an ES module gets from createRequire.
await build({
  ...common,
  format: 'esm',
  entryPoints: ['electron/roads/import-worker.ts'],
  outfile: 'dist/electron/roads-import-worker.mjs',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log(
  'electron: dist/electron/main.cjs, dist/electron/heavy-worker.cjs, dist/electron/preload.cjs, dist/electron/roads-import-worker.mjs',
);
