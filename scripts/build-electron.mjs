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
await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' });
// The sandboxed preload may only require('electron'); everything else must be bundled in.
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('electron: dist/electron/main.cjs, dist/electron/preload.cjs');
