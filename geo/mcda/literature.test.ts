/**
 * Published worked examples (fixtures/*.json record each source and how it was read):
 * - AHP: Saaty, T.L. (2008) "Decision making with the analytic hierarchy process", Int. J.
 *   Services Sciences 1(1) 83–98, "which drink is consumed more in the U.S." (7×7), and the
 *   "leader" criteria matrix of Wikipedia's AHP article (4×4).
 * - TOPSIS: Tzeng, G.-H. & Huang, J.-J. (2011) Multiple Attribute Decision Making: Methods and
 *   Applications, CRC Press, TOPSIS numerical example (4 alternatives × 3 benefit criteria).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ahp, SAATY_RI } from './ahp.ts';
import { topsis } from './topsis.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;

interface AhpExample {
  id: string;
  matrix: number[][];
  published: { weights: number[] };
}
interface TopsisExample {
  id: string;
  matrix: number[][];
  weights: number[];
  types: number[];
  published: { closeness: number[]; ranking: number[] };
}

describe('AHP against published examples', () => {
  const examples = load<AhpExample[]>('ahp-examples.json');
  it.each(examples.map((e) => [e.id, e] as const))('%s: weights match the published ones', (id, example) => {
    const r = ahp(example.matrix);
    // Published to 3 decimals; the Wikipedia figures are known to be off by one in the last
    // digit (0.547 printed, 0.5476 exact), so allow 0.0011.
    const tolerance = id.startsWith('wikipedia') ? 0.0011 : 0.0006;
    r.weights.forEach((w, i) => expect(Math.abs(w - (example.published.weights[i] as number))).toBeLessThanOrEqual(tolerance));
    expect(r.consistent).toBe(true);
  });

  it("uses Saaty's random index for n = 3…9", () => {
    const ri = load<{ ri: Record<string, number> }>('saaty-ri.json').ri;
    // n = 10 is printed as 1.51 in one reproduction and 1.49 in most; we keep Saaty's 1.49.
    for (let n = 1; n <= 9; n++) expect(SAATY_RI[n - 1]).toBe(ri[String(n)]);
  });
});

describe('TOPSIS against published examples', () => {
  const example = load<TopsisExample[]>('topsis-examples.json').find((e) => e.id === 'tzeng-huang-2011');
  it('Tzeng & Huang (2011): closeness to 4 decimals and the ranking A3 > A2 > A1 > A4', () => {
    if (!example) throw new Error('fixture missing');
    const r = topsis(example.matrix, example.weights, example.types);
    r.closeness.forEach((c, i) => expect(c).toBeCloseTo(example.published.closeness[i] as number, 4));
    // Published as the rank of each alternative (1 = best); ours lists alternatives best first.
    expect(r.ranking.map((i) => example.published.ranking[i])).toEqual([1, 2, 3, 4]);
  });
});
