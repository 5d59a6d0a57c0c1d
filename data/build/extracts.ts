/**
 * Where the data builds find the public extracts they start from, and how they read them.
 *
 * The extracts live outside the repository (the research share, `../shared/research/extracts`
 * beside the repository). Set `SITESELECT_EXTRACTS` to read them from elsewhere. The builds'
 * outputs in data/ are committed, so nothing but a rebuild needs the extracts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The extracts folder: `$SITESELECT_EXTRACTS`, else `../shared/research/extracts` beside the repository. */
export function extractsDir(): string {
  const dir = process.env['SITESELECT_EXTRACTS'] ?? resolve(REPO_ROOT, '../shared/research/extracts');
  if (!existsSync(dir)) {
    throw new Error(
      `extracts folder ${dir} not found: set SITESELECT_EXTRACTS to the folder holding catalogue-2018-six-prefectures.csv etc.`,
    );
  }
  return dir;
}

/** Rows of a CSV extract with a header line, as strings keyed by column name. */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(extractsDir(), file), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(extractsDir(), file), 'utf8')) as T;
}

/** Writes a JSON file of data/ with one feature or row per line group, as Prettier would leave it. */
export function dataPath(...parts: string[]): string {
  return join(REPO_ROOT, 'data', ...parts);
}
