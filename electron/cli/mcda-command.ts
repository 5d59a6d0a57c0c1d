/**
 * `siteselect mcda <method> …`: the decision methods of geo/mcda on a matrix CSV, JSON on stdout.
 * Pure computation on files the user names; no backend or data folder is opened.
 *
 * `runMcda(args, io)` takes the arguments after `mcda` (the method first). It returns the exit code
 * (0, or 1 when the input files or values are wrong, with the message on stderr) and throws
 * {@link UsageError} for a wrong command line, which the caller turns into exit code 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { ahp, AHP_METHODS, electreIv, owa, promethee, topsis, vikor, type AhpMethod, type PreferenceFunction } from '../../geo/index.ts';

/** A failure the user caused (bad command or option): the caller prints it and exits with code 2. */
export class UsageError extends Error {}

export interface McdaIo {
  out(text: string): void;
  err(text: string): void;
}

export const MCDA_USAGE = `  mcda ahp --pairwise FILE.csv [--method eigen|geomean]
                                             AHP weights, λmax, CI, CR of a pairwise matrix (header row of names)
  mcda topsis --matrix FILE.csv --weights w1,w2,… --types 1,-1,…
                                             TOPSIS closeness and ranking (rows alternatives, columns criteria)
  mcda owa --matrix FILE.csv [--weights w1,…] (--order-weights o1,… | --orness X) [--normalise]
                                             OWA scores (order weights largest value first), orness, tradeoff
  mcda promethee --matrix FILE.csv --weights w1,… --types 1,-1,… --functions F1,F2,…
                                             PROMETHEE II flows phi_plus, phi_minus, phi and ranking; one function per
                                             criterion: usual, u-shape:q, v-shape:p, level:q:p, linear:q:p, gaussian:s
  mcda vikor --matrix FILE.csv --weights w1,… --types 1,-1,… [--v 0.5]
                                             VIKOR S, R, Q, ranking, conditions and compromise set
  mcda electre --matrix FILE.csv --weights w1,… --types 1,-1,… --concordance C --veto v1,…
                                             ELECTRE Iv: outranks and kernel (0-based row indices); a veto of
                                             "none" disables it on that criterion`;

const METHODS = ['owa', 'promethee', 'vikor', 'electre', 'ahp', 'topsis'] as const;

type Options = Record<string, { type: 'string' | 'boolean' }>;

const OPTIONS: Record<(typeof METHODS)[number], Options> = {
  ahp: { pairwise: { type: 'string' }, method: { type: 'string' } },
  topsis: { matrix: { type: 'string' }, weights: { type: 'string' }, types: { type: 'string' } },
  owa: {
    matrix: { type: 'string' },
    weights: { type: 'string' },
    'order-weights': { type: 'string' },
    orness: { type: 'string' },
    normalise: { type: 'boolean' },
  },
  promethee: { matrix: { type: 'string' }, weights: { type: 'string' }, types: { type: 'string' }, functions: { type: 'string' } },
  vikor: { matrix: { type: 'string' }, weights: { type: 'string' }, types: { type: 'string' }, v: { type: 'string' } },
  electre: {
    matrix: { type: 'string' },
    weights: { type: 'string' },
    types: { type: 'string' },
    concordance: { type: 'string' },
    veto: { type: 'string' },
  },
};

/**
 * node's parseArgs reads a value that starts with "-" (`--types -1,1`) as an option. Joining such a
 * value to its option (`--types=-1,1`) lets users write negative first values either way.
 */
export function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Numbers separated by commas, for a list option (`--weights 0.3,0.7`). @throws UsageError naming the option */
export function parseNumberList(text: string, option: string): number[] {
  const values = text.split(',').map((p) => p.trim());
  const numbers = values.map(Number);
  if (values.some((v) => v === '') || numbers.some((n) => !Number.isFinite(n)))
    throw new UsageError(`${option} must be numbers separated by commas, got "${text}"`);
  return numbers;
}

/** A number or a fraction such as 1/3 (pairwise judgements are often written that way). */
function parseCell(text: string): number {
  const t = text.trim();
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return t === '' ? Number.NaN : Number(t);
}

/**
 * Reads a CSV table of numbers with a header row of names; a first column of labels is allowed
 * (detected when its cells are not numbers). Names the file, row and column of any bad cell.
 */
function readNumberTable(path: string, _options: { rowLabels: 'optional' }): { header: string[]; rows: number[][]; labels: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]?.message} (row ${(parsed.errors[0]?.row ?? 0) + 1})`);
  const [head, ...body] = parsed.data;
  if (!head || body.length === 0) throw new Error(`${path}: needs a header row of names and at least one row of numbers`);
  const labelled = body.every((row) => Number.isNaN(parseCell(row[0] ?? '')));
  const header = (labelled ? head.slice(1) : head).map((h) => h.trim());
  const labels: string[] = [];
  const rows = body.map((row, r) => {
    if (labelled) labels.push((row[0] ?? '').trim());
    const cells = labelled ? row.slice(1) : row;
    if (cells.length !== header.length)
      throw new Error(`${path}: row ${r + 2} has ${cells.length} values, the header names ${header.length}`);
    return cells.map((c, k) => {
      const v = parseCell(c);
      if (!Number.isFinite(v)) throw new Error(`${path}: row ${r + 2}, column "${header[k]}": "${c}" is not a number`);
      return v;
    });
  });
  if (!labelled) body.forEach((_, i) => labels.push(String(i + 1)));
  return { header, rows, labels };
}

function parseNumber(text: string, option: string): number {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${option} must be a number, got "${text}"`);
  return n;
}

/** `usual`, `u-shape:q`, `v-shape:p`, `level:q:p`, `linear:q:p`, `gaussian:s`, comma-separated. */
function parseFunctions(text: string): PreferenceFunction[] {
  return text.split(',').map((item) => {
    const [type, ...params] = item.trim().split(':');
    const arity: Record<string, number> = { usual: 0, 'u-shape': 1, 'v-shape': 1, level: 2, linear: 2, gaussian: 1 };
    const want = type === undefined ? undefined : arity[type];
    if (want === undefined)
      throw new UsageError(`--functions: "${item}" is not one of usual, u-shape:q, v-shape:p, level:q:p, linear:q:p, gaussian:s`);
    if (params.length !== want)
      throw new UsageError(
        `--functions: "${item}" needs ${want} parameter${want === 1 ? '' : 's'} after "${type}", e.g. ${type}${':1'.repeat(want)}`,
      );
    const [a, b] = params.map((p) => parseNumber(p, `--functions "${item}"`));
    switch (type) {
      case 'u-shape':
        return { type, q: a as number };
      case 'v-shape':
        return { type, p: a as number };
      case 'level':
      case 'linear':
        return { type, q: a as number, p: b as number };
      case 'gaussian':
        return { type, s: a as number };
      default:
        return { type: 'usual' };
    }
  });
}

/** Veto thresholds: numbers, or "none" for a criterion without one. */
function parseVetoes(text: string): (number | null)[] {
  return text.split(',').map((item) => {
    const t = item.trim();
    if (t.toLowerCase() === 'none') return null;
    const n = Number(t);
    if (t === '' || !Number.isFinite(n)) throw new UsageError(`--veto must be numbers or "none" separated by commas, got "${text}"`);
    return n;
  });
}

const json = (io: McdaIo, value: unknown) => io.out(JSON.stringify(value, null, 2));

function need(values: Record<string, unknown>, names: readonly string[], usage: string): void {
  const missing = names.filter((n) => values[n] === undefined);
  if (missing.length > 0) throw new UsageError(`${usage} (missing ${missing.map((m) => `--${m}`).join(', ')})`);
}

/** The matrix, weights and types common to topsis, promethee, vikor and electre. */
function decisionInputs(values: Record<string, string | boolean | undefined>) {
  const table = readNumberTable(values.matrix as string, { rowLabels: 'optional' });
  return {
    ...table,
    weights: parseNumberList(values.weights as string, '--weights'),
    types: parseNumberList(values.types as string, '--types'),
  };
}

function run(method: (typeof METHODS)[number], values: Record<string, string | boolean | undefined>, io: McdaIo): void {
  switch (method) {
    case 'ahp': {
      need(values, ['pairwise'], 'mcda ahp needs --pairwise FILE.csv');
      const m = (values.method as string | undefined) ?? 'eigen';
      if (!AHP_METHODS.includes(m as AhpMethod)) throw new UsageError(`--method must be eigen or geomean, got "${m}"`);
      const { header, rows } = readNumberTable(values.pairwise as string, { rowLabels: 'optional' });
      if (rows.length !== header.length)
        throw new Error(`${values.pairwise}: ${header.length} names in the header but ${rows.length} rows; the matrix must be square`);
      const r = ahp(rows, { method: m as AhpMethod });
      json(io, {
        method: r.method,
        weights: Object.fromEntries(header.map((h, i) => [h, r.weights[i]])),
        lambdaMax: r.lambdaMax,
        ci: r.ci,
        cr: r.cr,
        consistent: r.consistent,
        mostInconsistent: r.mostInconsistent
          ? {
              a: header[r.mostInconsistent.i],
              b: header[r.mostInconsistent.j],
              given: r.mostInconsistent.given,
              implied: r.mostInconsistent.implied,
            }
          : null,
      });
      return;
    }
    case 'topsis': {
      need(values, ['matrix', 'weights', 'types'], 'mcda topsis needs --matrix FILE.csv --weights w1,w2,… --types 1,-1,…');
      const { header, labels, rows, weights, types } = decisionInputs(values);
      const r = topsis(rows, weights, types);
      json(io, { criteria: header, alternatives: labels, closeness: r.closeness, ranking: r.ranking.map((i) => labels[i] ?? i + 1) });
      return;
    }
    case 'owa': {
      need(values, ['matrix'], 'mcda owa needs --matrix FILE.csv and --order-weights o1,… or --orness X');
      if ((values['order-weights'] === undefined) === (values.orness === undefined))
        throw new UsageError('mcda owa needs exactly one of --order-weights o1,… (largest value first) or --orness X (0…1)');
      const { header, rows, labels } = readNumberTable(values.matrix as string, { rowLabels: 'optional' });
      const r = owa(rows, {
        ...(values['order-weights'] !== undefined
          ? { orderWeights: parseNumberList(values['order-weights'] as string, '--order-weights') }
          : {}),
        ...(values.orness !== undefined ? { orness: parseNumber(values.orness as string, '--orness') } : {}),
        ...(values.weights !== undefined ? { weights: parseNumberList(values.weights as string, '--weights') } : {}),
        normalise: values.normalise === true,
      });
      json(io, {
        criteria: header,
        alternatives: labels,
        scores: r.scores,
        ranking: r.ranking.map((i) => labels[i] ?? i + 1),
        orness: r.orness,
        tradeoff: r.tradeoff,
        dispersion: r.dispersion,
        order_weights: r.orderWeights,
        weights: r.weights,
      });
      return;
    }
    case 'promethee': {
      need(
        values,
        ['matrix', 'weights', 'types', 'functions'],
        'mcda promethee needs --matrix FILE.csv --weights w1,… --types 1,-1,… --functions usual,v-shape:p,…',
      );
      const { header, labels, rows, weights, types } = decisionInputs(values);
      const r = promethee(rows, weights, types, parseFunctions(values.functions as string));
      json(io, {
        criteria: header,
        alternatives: labels,
        phi_plus: r.phiPlus,
        phi_minus: r.phiMinus,
        phi: r.phi,
        ranking: r.ranking.map((i) => labels[i] ?? i + 1),
      });
      return;
    }
    case 'vikor': {
      need(values, ['matrix', 'weights', 'types'], 'mcda vikor needs --matrix FILE.csv --weights w1,… --types 1,-1,… [--v 0.5]');
      const { header, labels, rows, weights, types } = decisionInputs(values);
      const r = vikor(rows, weights, types, values.v !== undefined ? { v: parseNumber(values.v as string, '--v') } : {});
      json(io, {
        criteria: header,
        alternatives: labels,
        S: r.S,
        R: r.R,
        Q: r.Q,
        ranking: r.ranking.map((i) => labels[i] ?? i + 1),
        conditions: {
          acceptable_advantage: r.conditions.acceptableAdvantage,
          acceptable_stability: r.conditions.acceptableStability,
          dq: r.conditions.dq,
        },
        compromise: r.compromise.map((i) => labels[i] ?? i + 1),
        v: r.v,
      });
      return;
    }
    case 'electre': {
      need(
        values,
        ['matrix', 'weights', 'types', 'concordance', 'veto'],
        'mcda electre needs --matrix FILE.csv --weights w1,… --types 1,-1,… --concordance C --veto v1,… (a number or "none" per criterion)',
      );
      const { header, labels, rows, weights, types } = decisionInputs(values);
      const r = electreIv(rows, weights, types, {
        concordance: parseNumber(values.concordance as string, '--concordance'),
        veto: parseVetoes(values.veto as string),
      });
      json(io, {
        criteria: header,
        alternatives: labels,
        kernel: r.kernel,
        outranks: r.outranks.map((row) => row.flatMap((x, k) => (x ? [k] : []))),
        cycles: r.cycles,
        kernel_is_exact: r.kernelIsExact,
      });
      return;
    }
  }
}

/**
 * Runs one `mcda` subcommand.
 * @param args - the arguments after `mcda`, the method first (`['topsis', '--matrix', 'm.csv', …]`)
 * @returns 0 on success; 1 when a file or value is wrong (the message, prefixed "siteselect: ", on `io.err`)
 * @throws UsageError for an unknown method, unknown or missing options, or malformed option values
 */
export async function runMcda(args: readonly string[], io: McdaIo): Promise<number> {
  const [method, ...rest] = args;
  if (!METHODS.includes(method as (typeof METHODS)[number]))
    throw new UsageError(
      `mcda needs one of "owa", "promethee", "vikor", "electre", "ahp" or "topsis", got "${method ?? ''}"\n${MCDA_USAGE}`,
    );
  const options = OPTIONS[method as (typeof METHODS)[number]];
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: joinNegativeValues(rest, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
  try {
    run(method as (typeof METHODS)[number], values, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`siteselect: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
