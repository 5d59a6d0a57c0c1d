/** Writes whose failure is the caller's input: SQLite's constraint checks become domain errors naming what was refused. */
import { UserInputError } from '../errors.ts';

/**
 * Runs a write; a CHECK or NOT NULL constraint failing (a name that is empty to SQLite, e.g. one
 * that starts with a NUL character; a position outside the ranges) becomes a UserInputError naming
 * `what`, not an internal error. Other errors pass through.
 *
 * @param what - what was being written, for the message ("the site", "the scenario")
 */
export function userWrite<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL')) {
      const rule = (error as Error).message.replace(/^(CHECK|NOT NULL) constraint failed: /, '');
      const hint = /name/.test(rule)
        ? 'its name is empty to the database (blank, or starting with a control character such as NUL)'
        : `it breaks the rule "${rule}"`;
      throw new UserInputError(`${what} cannot be stored: ${hint}`, { cause: error });
    }
    throw error;
  }
}
