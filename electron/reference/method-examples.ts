/** The published worked examples shipped in data/method-examples/ (the unit tests read the same files), for the method self-test. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodExamples } from '../../geo/index.ts';

/**
 * Every `*.json` of the folder by file name without `.json`; their shape is checked by the
 * self-test itself, which reports a malformed file as a failed case rather than refusing to start.
 *
 * @throws naming the file when one is missing or not JSON
 */
export function loadMethodExamples(dir: string): MethodExamples {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (error) {
    throw new Error(`cannot read the method examples in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  return Object.fromEntries(
    files.map((f) => {
      try {
        return [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown];
      } catch (error) {
        throw new Error(`cannot read ${join(dir, f)}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
}
