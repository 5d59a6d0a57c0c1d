/**
 * The method self-test: the published worked examples the unit tests check (data/method-examples/,
 * shipped with the app) run again by the app's own code, each number shown with the expected value,
 * the computed one and the tolerance the tests use. About → 方法自检 and `siteselect selftest` run
 * it offline; a failure means the installed code no longer reproduces the literature.
 *
 * The examples' sources are in each file (`source`, `url`); geo/mcda/README.md lists them.
 */
import { ahp } from './mcda/ahp.ts';
import { borda, copeland, kendallTauB, ranksFromOrder } from './mcda/agreement.ts';
import { electreIv } from './mcda/electre.ts';
import { maxEntropyOrderWeights } from './mcda/owa.ts';
import { promethee, type PreferenceFunction } from './mcda/promethee.ts';
import { topsis } from './mcda/topsis.ts';
import { vikor } from './mcda/vikor.ts';
import { rankWeights, type RankWeighting } from './mcda/weighting.ts';
import { ROAD_GRAPH_ARRAYS, type RoadGraph } from './roads/graph.ts';
import { RoadRouter } from './roads/route.ts';

/** The version of the self-test's rules (bump when a check or tolerance changes). */
export const SELFTEST_VERSION = 'selftest/1';

/** One number (or yes/no) checked: pass when |computed − expected| ≤ tolerance (or equal). */
export interface SelfTestCheck {
  label: string;
  expected: number | boolean | string;
  computed: number | boolean | string | null;
  tolerance: number;
  pass: boolean;
}

export interface SelfTestCase {
  method: 'ahp' | 'topsis' | 'owa' | 'promethee' | 'vikor' | 'electre' | 'weighting' | 'agreement' | 'network';
  id: string;
  source: string;
  checks: SelfTestCheck[];
  pass: boolean;
  /** Set when the example could not be run at all (a malformed file, a method that threw). */
  error: string | null;
}

export interface SelfTestReport {
  version: string;
  cases: SelfTestCase[];
  checks: number;
  failed: number;
  pass: boolean;
}

/** A road graph in JSON (non-finite minutes as null) and node-to-node minutes to check against. */
export interface NetworkExample {
  id: string;
  source: string;
  /** Largest relative difference accepted. */
  tolerance: number;
  graph: { nodeCount: number; edgeCount: number; strings: string[]; arrays: Record<string, (number | null)[]> };
  /** OSM node ids and the other implementation's minutes. */
  pairs: { from: number; to: number; minutes: number }[];
}

/** What the self-test reads: the contents of the shipped example files, by file name without `.json`. */
export type MethodExamples = Readonly<Record<string, unknown>>;

type Row = number[];
interface Sourced {
  id: string;
  source: string;
}

const num = (label: string, expected: number, computed: number | null | undefined, tolerance: number): SelfTestCheck => ({
  label,
  expected,
  computed: computed ?? null,
  tolerance,
  pass: typeof computed === 'number' && Number.isFinite(computed) && Math.abs(computed - expected) <= tolerance,
});
const same = (label: string, expected: boolean | string, computed: boolean | string | null): SelfTestCheck => ({
  label,
  expected,
  computed,
  tolerance: 0,
  pass: computed === expected,
});
/** toBeCloseTo(x, d) as vitest defines it: |a − b| < 10^−d / 2. */
const decimals = (d: number) => 10 ** -d / 2;

/** The fixtures write PROMETHEE functions as the CLI does: usual, u-shape:q, v-shape:p, level:q:p, linear:q:p, gaussian:s. */
export function parsePreference(spec: string): PreferenceFunction {
  const [type, a, b] = spec.split(':');
  const x = Number(a);
  const y = Number(b);
  if (type === 'u-shape') return { type, q: x };
  if (type === 'v-shape') return { type, p: x };
  if (type === 'level' || type === 'linear') return { type, q: x, p: y };
  if (type === 'gaussian') return { type, s: x };
  return { type: 'usual' };
}

/** A RoadGraph from its JSON form (typed arrays again, null as Infinity). */
export function graphFromExample(e: NetworkExample): RoadGraph {
  const typed: Record<string, ArrayLike<number>> = {};
  for (const name of ROAD_GRAPH_ARRAYS) {
    const values = (e.graph.arrays[name] ?? []).map((v) => (v === null ? Infinity : v));
    typed[name] =
      name === 'edgeClass'
        ? Uint8Array.from(values)
        : ['edgeFrom', 'edgeTo', 'edgeName', 'edgeRef', 'geomStart', 'outStart', 'outHead', 'outEdge'].includes(name)
          ? Int32Array.from(values)
          : Float64Array.from(values);
  }
  return { ...(typed as unknown as RoadGraph), nodeCount: e.graph.nodeCount, edgeCount: e.graph.edgeCount, strings: e.graph.strings };
}

function list<T>(examples: MethodExamples, file: string): T[] {
  const v = examples[file];
  if (!Array.isArray(v)) throw new Error(`${file}.json is missing or not a list of examples`);
  return v as T[];
}

/** Runs one case, turning a throw into a failed case that says why. */
function run(method: SelfTestCase['method'], e: Sourced, body: () => SelfTestCheck[]): SelfTestCase {
  try {
    const checks = body();
    return { method, id: e.id, source: e.source, checks, pass: checks.length > 0 && checks.every((c) => c.pass), error: null };
  } catch (error) {
    return { method, id: e.id, source: e.source, checks: [], pass: false, error: (error as Error).message };
  }
}

const CASES: [SelfTestCase['method'], string, (x: MethodExamples) => SelfTestCase[]][] = [
  [
    'ahp',
    'ahp-examples',
    (x) =>
      list<Sourced & { matrix: Row[]; published: { weights: number[] } }>(x, 'ahp-examples').map((e) =>
        run('ahp', e, () => {
          const r = ahp(e.matrix);
          // Published to 3 decimals; the Wikipedia figures are off by one in the last digit (see ahp.test.ts).
          const tol = e.id.startsWith('wikipedia') ? 0.0011 : 0.0006;
          return [...e.published.weights.map((w, i) => num(`w${i + 1}`, w, r.weights[i], tol)), same('CR ≤ 0.10', true, r.consistent)];
        }),
      ),
  ],
  [
    'ahp',
    'ahp-geomean-examples',
    (x) =>
      list<Sourced & { matrix: Row[]; published: { weights: number[] } }>(x, 'ahp-geomean-examples').map((e) =>
        run('ahp', e, () => {
          const r = ahp(e.matrix, { method: 'geomean' });
          const d = e.published.weights.some((w) => String(w).split('.')[1]?.length === 4) ? 4 : 2;
          return e.published.weights.map((w, i) => num(`w${i + 1} (geometric mean)`, w, r.weights[i], decimals(d)));
        }),
      ),
  ],
  [
    'topsis',
    'topsis-examples',
    (x) =>
      list<Sourced & { matrix: Row[]; weights: number[]; types: number[]; published: { closeness: number[] } }>(x, 'topsis-examples')
        // The other TOPSIS example is a min–max normalisation variant the app does not use (its note says so).
        .filter((e) => e.id === 'tzeng-huang-2011')
        .map((e) =>
          run('topsis', e, () => {
            const r = topsis(e.matrix, e.weights, e.types);
            return e.published.closeness.map((c, i) => num(`C${i + 1}`, c, r.closeness[i], decimals(4)));
          }),
        ),
  ],
  [
    'owa',
    'owa-examples',
    (x) =>
      list<Sourced & { n: number; orness: number; published: { orderWeights: number[] } }>(x, 'owa-examples').map((e) =>
        run('owa', e, () => {
          const w = maxEntropyOrderWeights(e.n, e.orness);
          return e.published.orderWeights.map((p, k) => num(`order weight ${k + 1}`, p, w[k], decimals(5)));
        }),
      ),
  ],
  [
    'promethee',
    'promethee-examples',
    (x) =>
      list<Sourced & { matrix: Row[]; weights: number[]; types: number[]; functions: string[]; published: { phi?: number[]; pi?: Row[] } }>(
        x,
        'promethee-examples',
      ).map((e) =>
        run('promethee', e, () => {
          const r = promethee(e.matrix, e.weights, e.types, e.functions.map(parsePreference));
          const checks = (e.published.phi ?? []).map((p, i) => num(`φ${i + 1}`, p, r.phi[i], decimals(2)));
          e.published.pi?.forEach((row, a) =>
            row.forEach((p, b) => {
              if (a !== b) checks.push(num(`π(${a + 1},${b + 1})`, p, r.pi[a]?.[b], 0.0011));
            }),
          );
          return checks;
        }),
      ),
  ],
  [
    'vikor',
    'vikor-examples',
    (x) =>
      list<
        Sourced & {
          matrix: Row[];
          weights?: number[];
          types: number[];
          v: number;
          published?: { S: number[]; R: number[]; Q: number[]; acceptableAdvantage: boolean; acceptableStability: boolean };
          weightSets?: {
            id: string;
            weights: number[];
            published: { S: number[]; R: number[]; Q: number[]; acceptableAdvantage: boolean; acceptableStability: boolean };
          }[];
        }
      >(x, 'vikor-examples').flatMap((e) => {
        const sets = e.weightSets ?? (e.weights && e.published ? [{ id: '', weights: e.weights, published: e.published }] : []);
        return sets.map((set) =>
          run('vikor', { id: set.id ? `${e.id} ${set.id}` : e.id, source: e.source }, () => {
            const r = vikor(e.matrix, set.weights, e.types, { v: e.v });
            return [
              ...set.published.S.map((v, i) => num(`S${i + 1}`, v, r.S[i], decimals(3))),
              ...set.published.R.map((v, i) => num(`R${i + 1}`, v, r.R[i], decimals(3))),
              ...set.published.Q.map((v, i) => num(`Q${i + 1}`, v, r.Q[i], decimals(3))),
              same('C1 acceptable advantage', set.published.acceptableAdvantage, r.conditions.acceptableAdvantage),
              same('C2 acceptable stability', set.published.acceptableStability, r.conditions.acceptableStability),
            ];
          }),
        );
      }),
  ],
  [
    'electre',
    'electre-examples',
    (x) =>
      list<Sourced & { matrix: Row[]; weights: number[]; types: number[]; published: { concordance: (number | null)[][] } }>(
        x,
        'electre-examples',
      ).map((e) =>
        run('electre', e, () => {
          const r = electreIv(e.matrix, e.weights, e.types, { concordance: 0.7, veto: e.weights.map(() => null) });
          const checks: SelfTestCheck[] = [];
          e.published.concordance.forEach((row, a) =>
            row.forEach((p, b) => {
              if (p !== null && a !== b) checks.push(num(`c(a${a + 1}, a${b + 1})`, p, r.concordance[a]?.[b], decimals(4)));
            }),
          );
          return checks;
        }),
      ),
  ],
  [
    'weighting',
    'weighting-examples',
    (x) =>
      list<Sourced & { method: RankWeighting; ranks: number[]; published: { weights: number[] } }>(x, 'weighting-examples').map((e) =>
        run('weighting', e, () => {
          const w = rankWeights(e.ranks, e.method);
          return e.published.weights.map((p, i) => num(`w${i + 1}`, p, w[i], decimals(4)));
        }),
      ),
  ],
  [
    'agreement',
    'kendall-examples',
    (x) =>
      list<Sourced & { x?: number[]; y?: number[]; published?: { tau: number }; cases?: { x: number[]; y: number[]; tau: number }[] }>(
        x,
        'kendall-examples',
      ).map((e) =>
        run('agreement', e, () =>
          e.cases
            ? e.cases.map((c, k) => num(`τ-b case ${k + 1}`, c.tau, kendallTauB(c.x, c.y), decimals(12)))
            : [num('τ-b', e.published?.tau as number, kendallTauB(e.x as number[], e.y as number[]), decimals(14))],
        ),
      ),
  ],
  [
    'agreement',
    'consensus-examples',
    (x) =>
      list<Sourced & { ballots: { weight: number; order: number[] }[]; published: { borda: number[]; condorcetWinner: number } }>(
        x,
        'consensus-examples',
      ).map((e) =>
        run('agreement', e, () => {
          const rankings = e.ballots.map((b, k) => ({ method: `group ${k + 1}`, ranks: ranksFromOrder(b.order) }));
          const weights = e.ballots.map((b) => b.weight);
          const b = borda(rankings, weights);
          const c = copeland(rankings, weights);
          return [
            ...e.published.borda.map((p, i) => num(`Borda ${i + 1}`, p, b.scores[i], 0)),
            num('Condorcet winner first by Copeland', e.published.condorcetWinner, c.ranking[0], 0),
          ];
        }),
      ),
  ],
  [
    'network',
    'network-rules',
    (x) => {
      const e = x['network-rules'] as NetworkExample | undefined;
      if (!e) throw new Error('network-rules.json is missing');
      return [
        run('network', e, () => {
          const g = graphFromExample(e);
          const router = new RoadRouter(g);
          const index = new Map<number, number>();
          for (let v = 0; v < g.nodeCount; v++) index.set(g.nodeOsmId[v] as number, v);
          return e.pairs.map((p) => {
            const from = index.get(p.from);
            const to = index.get(p.to);
            const ours = from === undefined || to === undefined ? null : (router.routeNodes(from, to)?.minutes ?? null);
            return num(`${p.from} → ${p.to} (min)`, p.minutes, ours, e.tolerance * Math.max(p.minutes, 1e-9));
          });
        }),
      ];
    },
  ],
];

/**
 * Runs every shipped example. Never throws: a missing or malformed file fails its cases with the
 * reason, so the report always says what was checked.
 *
 * @param examples - the example files' contents by name (`ahp-examples`, …, `network-rules`)
 */
export function runSelfTest(examples: MethodExamples): SelfTestReport {
  const cases = CASES.flatMap(([method, file, f]): SelfTestCase[] => {
    try {
      return f(examples);
    } catch (error) {
      return [{ method, id: file, source: '', checks: [], pass: false, error: (error as Error).message }];
    }
  });
  const checks = cases.reduce((s, c) => s + c.checks.length, 0);
  const failed = cases.reduce((s, c) => s + c.checks.filter((k) => !k.pass).length + (c.error ? 1 : 0), 0);
  return { version: SELFTEST_VERSION, cases, checks, failed, pass: failed === 0 && cases.every((c) => c.pass) };
}
