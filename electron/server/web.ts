/**
 * `npm run web` (`siteselect web`): starts the browser edition and prints its URL.
 * Options: --data-dir DIR (default: the same folder Electron uses), --port N (default 5178; 0 picks
 * a free port).
 */
import { parseArgs } from 'node:util';
import { openBackend } from '../backend.ts';
import { appPaths, appRootFrom, defaultDataDir } from '../node/paths.ts';
import { startServer } from './index.ts';

export const DEFAULT_PORT = 5178;

export async function runWeb(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0…65535, got "${values.port}"`);
  const backend = openBackend({
    paths: appPaths(appRootFrom(import.meta.url)),
    dataDir: values['data-dir'] ?? defaultDataDir(),
    edition: 'web',
  });
  const running = await startServer(backend, { port });
  console.log(`Browser edition running at ${running.url}  (data folder: ${backend.dataDir}; Ctrl+C to stop)`);
  const stop = () => {
    void running.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
