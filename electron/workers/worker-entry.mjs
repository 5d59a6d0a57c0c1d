// Starts the off-thread worker from the TypeScript sources (tests, the CLI, the browser edition),
// as bin/siteselect.mjs starts the CLI: tsx compiles them on the fly. The desktop app runs the
// bundled dist/electron/heavy-worker.cjs instead (scripts/build-electron.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('./heavy-worker.ts', import.meta.url);
