/**
 * The one rule for formulas in exported CSV (CSV injection, OWASP): a spreadsheet opening a CSV
 * runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR) as a formula, so such a cell
 * is written with a leading `'`, unless it is a plain decimal number (`-5`, `+86`, `1e3`), which
 * is data, not a formula (so `+86 138 0000 0000`, with spaces, is escaped). A cell that already
 * starts with quotes before one of those characters gets one more, so the CSV importer undoes
 * exactly one (`csvUnescape`) and a round trip gives back what was exported. XLSX string cells
 * are never formulas, so nothing is escaped there.
 */

/** A cell's value for a spreadsheet: numbers as numbers, objects as JSON, everything else as text (as XLSX stores it). */
export function safeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A decimal number as a spreadsheet reads one: sign, digits, fraction, exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Quotes (possibly none) before a character that starts a formula. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A CSV cell's value, with a leading `'` when a spreadsheet would run it as a formula. */
export function csvCell(value: unknown): string | number | null {
  const v = safeCell(value);
  if (typeof v !== 'string') return v;
  return FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
}

/** Undoes `csvCell` on a CSV value read back: one leading `'` before quotes and a formula character is removed. */
export function csvUnescape(value: string): string {
  const rest = value.slice(1);
  return value.startsWith("'") && FORMULA_START.test(rest) && !PLAIN_NUMBER.test(rest) ? rest : value;
}
