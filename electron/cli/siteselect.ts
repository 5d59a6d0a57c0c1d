/**
 * The `siteselect` command line. Same handlers as the app; JSON on stdout, errors on stderr with
 * a non-zero exit. Every command accepts `--data-dir DIR` (default: the app's user data folder).
 */
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../backend.ts';
import { dispatch } from '../handlers/index.ts';
import { appPaths, appRootFrom, defaultDataDir, packageVersion } from '../node/paths.ts';
import { runWeb } from '../server/web.ts';

const USAGE = `usage: siteselect <command> [--data-dir DIR]

commands:
  --version        print the version
  layers           every layer (reference and user-made) as JSON: id, name, feature count
  web [--port N]   start the browser edition on 127.0.0.1 and print its URL
  help             this text`;

/** A failure the user caused (bad command or option): message on stderr, exit code 2. */
export class UsageError extends Error {}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

function withBackend<T>(dataDir: string, fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend({ paths: appPaths(appRootFrom(import.meta.url)), dataDir, edition: 'cli' });
  return fn(backend).finally(() => backend.close());
}

/** Runs one command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      io.out(packageVersion(appRootFrom(import.meta.url)));
      return 0;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      (command === undefined ? io.err : io.out)(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'web') {
      await runWeb(rest);
      return -1; // keeps running until interrupted
    }
    if (command === 'layers') {
      const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } }, strict: true, allowPositionals: false });
      const envelope = await withBackend(values['data-dir'] ?? defaultDataDir(), (b) => dispatch(b.api, 'listLayers', {}));
      if (!envelope.ok) throw new Error(envelope.error.message);
      io.out(JSON.stringify(envelope.result, null, 2));
      return 0;
    }
    throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`siteselect: ${error instanceof Error ? error.message : String(error)}`);
    return usage ? 2 : 1;
  }
}
