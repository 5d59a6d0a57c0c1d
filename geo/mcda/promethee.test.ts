/** PROMETHEE II: preference functions at their thresholds, flow identities, and data/method-examples/promethee-examples.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePreference } from '../selftest.ts';
import { preferenceDegree, preferenceFunctionProblem, promethee, type PreferenceFunction } from './promethee.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

/** The fixtures write functions as the CLI does (the self-test reads them with the same parser). */
const parse = parsePreference;

describe('preference functions', () => {
  it('take their defined values at and around the thresholds', () => {
    const at = (f: PreferenceFunction, ds: number[]) => ds.map((d) => preferenceDegree(f, d));
    expect(at({ type: 'usual' }, [-1, 0, 1e-9, 5])).toEqual([0, 0, 1, 1]);
    expect(at({ type: 'u-shape', q: 10 }, [0, 10, 10.5])).toEqual([0, 0, 1]);
    expect(at({ type: 'v-shape', p: 30 }, [-5, 0, 15, 30, 45])).toEqual([0, 0, 0.5, 1, 1]);
    expect(at({ type: 'level', q: 1, p: 6 }, [1, 1.5, 6, 6.1])).toEqual([0, 0.5, 0.5, 1]);
    expect(at({ type: 'linear', q: 0.5, p: 5 }, [0.5, 2.75, 5, 9])).toEqual([0, 0.5, 1, 1]);
    expect(preferenceDegree({ type: 'gaussian', s: 5 }, 5)).toBeCloseTo(1 - Math.exp(-0.5), 15);
    expect(preferenceDegree({ type: 'gaussian', s: 5 }, -5)).toBe(0);
  });

  it('are non-decreasing in d and stay in [0, 1]', () => {
    const fnArb: fc.Arbitrary<PreferenceFunction> = fc.oneof(
      fc.constant({ type: 'usual' } as PreferenceFunction),
      fc.double({ min: 0, max: 50, noNaN: true }).map((q) => ({ type: 'u-shape', q }) as PreferenceFunction),
      fc.double({ min: 0.01, max: 50, noNaN: true }).map((p) => ({ type: 'v-shape', p }) as PreferenceFunction),
      fc
        .tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }))
        .map(([q, dp]) => ({ type: 'level', q, p: q + dp }) as PreferenceFunction),
      fc
        .tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }))
        .map(([q, dp]) => ({ type: 'linear', q, p: q + dp }) as PreferenceFunction),
      fc.double({ min: 0.01, max: 50, noNaN: true }).map((s) => ({ type: 'gaussian', s }) as PreferenceFunction),
    );
    fc.assert(
      fc.property(fnArb, fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (f, d, step) => {
        const a = preferenceDegree(f, d);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(preferenceDegree(f, d + step)).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it.each([
    [{ type: 'u-shape', q: -1 }, /q ≥ 0/],
    [{ type: 'v-shape', p: 0 }, /p > 0/],
    [{ type: 'level', q: 3, p: 3 }, /p > q/],
    [{ type: 'linear', q: 1, p: Number.NaN }, /p > q/],
    [{ type: 'gaussian', s: 0 }, /s > 0/],
    [{ type: 'step' }, /unknown preference function "step"/],
  ])('refuses bad thresholds %#', (f, message) => {
    expect(preferenceFunctionProblem(f as PreferenceFunction)).toMatch(message);
    expect(() => promethee([[1], [2]], [1], [1], [f as PreferenceFunction])).toThrow(message);
  });
});

describe('PROMETHEE II flows', () => {
  const caseArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.tuple(
      fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 7 }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom(1, -1), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom('usual', 'u-shape:5', 'v-shape:20', 'level:2:10', 'linear:2:30', 'gaussian:15'), {
        minLength: n,
        maxLength: n,
      }),
    ),
  );

  it('net flows sum to 0, lie in [−1, 1], equal φ⁺ − φ⁻, and the ranking follows φ', () => {
    fc.assert(
      fc.property(caseArb, ([matrix, w, t, f]) => {
        const r = promethee(matrix, w, t, f.map(parse));
        expect(r.phi.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 9);
        r.phi.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
          expect(v).toBeCloseTo((r.phiPlus[i] as number) - (r.phiMinus[i] as number), 12);
        });
        r.pi.forEach((row, a) => row.forEach((v, b) => expect(v + ((r.pi[b] as number[])[a] as number)).toBeLessThanOrEqual(1 + 1e-12)));
        for (let k = 1; k < r.ranking.length; k++)
          expect(r.phi[r.ranking[k - 1] as number]).toBeGreaterThanOrEqual(r.phi[r.ranking[k] as number] as number);
      }),
    );
  });

  it('returns finite zero flows on constant columns and for a single alternative (no division by zero)', () => {
    const r = promethee(
      [
        [5, 5],
        [5, 5],
        [5, 5],
      ],
      [1, 1],
      [1, -1],
      [{ type: 'usual' }, { type: 'gaussian', s: 2 }],
    );
    expect(r.phi).toEqual([0, 0, 0]);
    expect(promethee([[3, 4]], [1, 1], [1, 1], [{ type: 'usual' }, { type: 'usual' }]).phi).toEqual([0]);
  });

  it('a cost criterion is the mirror of a benefit criterion', () => {
    const m = [[1], [4], [2]];
    const cost = promethee(m, [1], [-1], [{ type: 'v-shape', p: 2 }]);
    const benefit = promethee(
      m.map((r) => [-(r[0] as number)]),
      [1],
      [1],
      [{ type: 'v-shape', p: 2 }],
    );
    expect(cost.phi).toEqual(benefit.phi);
    expect(cost.ranking).toEqual([0, 2, 1]);
  });
});

interface PrometheeExample {
  id: string;
  matrix: number[][];
  weights: number[];
  types: number[];
  functions: string[];
  published: { phi?: number[]; pi?: number[][] };
}

describe('PROMETHEE II against published examples', () => {
  const examples = load<PrometheeExample[]>('promethee-examples.json');
  const byId = (id: string) => {
    const e = examples.find((x) => x.id === id);
    if (!e) throw new Error(`fixture ${id} missing`);
    return e;
  };

  it('Zhao, Peng & Li (2013): net flows 0.1, −0.3, 0.2 (2 decimals)', () => {
    const e = byId('zhao-peng-li-2013');
    const r = promethee(e.matrix, e.weights, e.types, e.functions.map(parse));
    r.phi.forEach((v, i) => expect(v).toBeCloseTo(e.published.phi?.[i] as number, 2));
    expect(r.ranking).toEqual([2, 0, 1]);
  });

  it('Brans & Mareschal six-criterion example (all six functions): π within 0.0011 of the transcribed 3 decimals', () => {
    const e = byId('brans-mareschal-six-criteria');
    const r = promethee(e.matrix, e.weights, e.types, e.functions.map(parse));
    r.pi.forEach((row, a) =>
      row.forEach((v, b) => expect(Math.abs(v - ((e.published.pi?.[a] as number[])[b] as number))).toBeLessThanOrEqual(0.0011)),
    );
  });
});
