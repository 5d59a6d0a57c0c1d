import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Reads a JSON file shipped with the app and parses it with its schema.
 *
 * @throws naming the file and the first problems when it is missing, not JSON, or of another shape
 */
export function readJson<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`${file} does not have the expected shape: ${issues.join('; ')}`);
  }
  return parsed.data;
}
