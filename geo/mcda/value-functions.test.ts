import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveValueFunction, scoreColumn, valueFunctionProblem, valueOf, type ValueFunction } from './value-functions.ts';
import { normaliseColumn, weightedSum } from './wsm.ts';

const one = (f: ValueFunction, x: number) => valueOf(resolveValueFunction(f), x);

describe('value functions at their defining points', () => {
  it('linear with fixed bounds: benefit and cost, clamped outside the bounds', () => {
    const benefit: ValueFunction = { kind: 'linear', direction: 'benefit', bounds: { min: 10, max: 30 } };
    const cost: ValueFunction = { kind: 'linear', direction: 'cost', bounds: { min: 10, max: 30 } };
    expect([5, 10, 20, 25, 30, 40].map((x) => one(benefit, x))).toEqual([0, 0, 0.5, 0.75, 1, 1]);
    expect([5, 10, 20, 25, 30, 40].map((x) => one(cost, x))).toEqual([1, 1, 0.5, 0.25, 0, 0]);
  });

  it('linear with candidate bounds is min–max normalisation (the same numbers as normaliseColumn)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('benefit' as const, 'cost' as const),
        (values, direction) => {
          const ours = scoreColumn(values, { kind: 'linear', direction, bounds: 'candidates' });
          const theirs = normaliseColumn(values, direction);
          // normaliseColumn scores unknowns 0; value functions leave them null for the caller.
          ours.forEach((v, i) => (v === null ? expect(values[i]).toBeNull() : expect(v).toBeCloseTo(theirs[i] as number, 12)));
        },
      ),
    );
  });

  it('trapezoid and ideal value', () => {
    const t: ValueFunction = { kind: 'trapezoid', a: 0, b: 10, c: 20, d: 40 };
    expect([-5, 0, 5, 10, 15, 20, 30, 40, 45].map((x) => one(t, x))).toEqual([0, 0, 0.5, 1, 1, 1, 0.5, 0, 0]);
    const openLeft: ValueFunction = { kind: 'trapezoid', a: -Infinity, b: 10, c: 20, d: 40 };
    expect([-1e9, 5, 30].map((x) => one(openLeft, x))).toEqual([1, 1, 0.5]);
    const ideal: ValueFunction = { kind: 'ideal', ideal: 100, tolerance: 20 };
    expect([70, 80, 90, 100, 110, 120, 130].map((x) => one(ideal, x))).toEqual([0, 0, 0.5, 1, 0.5, 0, 0]);
  });

  it('threshold step, above and below', () => {
    expect([29, 30, 31].map((x) => one({ kind: 'step', threshold: 30, pass: 'below' }, x))).toEqual([1, 1, 0]);
    expect([29, 30, 31].map((x) => one({ kind: 'step', threshold: 30, pass: 'above' }, x))).toEqual([0, 1, 1]);
  });

  it('logistic: 1/2 at the midpoint, 1/(1 + e^−1) one unit of 1/slope beyond, decreasing for a negative slope', () => {
    const up: ValueFunction = { kind: 'logistic', midpoint: 60, slope: 0.1 };
    expect(one(up, 60)).toBe(0.5);
    expect(one(up, 70)).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(one(up, 50)).toBeCloseTo(1 / (1 + Math.E), 15);
    const down: ValueFunction = { kind: 'logistic', midpoint: 60, slope: -0.1 };
    expect(one(down, 70)).toBeCloseTo(1 / (1 + Math.E), 15);
  });

  it('Gaussian: 1 at the target, e^(−1/2) one spread away, symmetric', () => {
    const g: ValueFunction = { kind: 'gaussian', target: 500, spread: 100 };
    expect(one(g, 500)).toBe(1);
    expect(one(g, 600)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(one(g, 400)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(one(g, 800)).toBeCloseTo(Math.exp(-4.5), 15);
  });

  it('piecewise-linear through points, constant beyond the ends', () => {
    const p: ValueFunction = {
      kind: 'piecewise',
      points: [
        [0, 1],
        [30, 1],
        [60, 0.4],
        [120, 0],
      ],
    };
    expect([-10, 0, 15, 30, 45, 60, 90, 120, 200].map((x) => one(p, x))).toEqual([1, 1, 1, 1, 0.7, 0.4, 0.2, 0, 0]);
  });

  it('levels for discrete criteria; a value that is not a level is refused by name', () => {
    const l: ValueFunction = {
      kind: 'levels',
      levels: [
        { value: 0, score: 0 },
        { value: 0.6, score: 0.5 },
        { value: 1, score: 1 },
      ],
    };
    expect([0, 0.6, 1].map((x) => one(l, x))).toEqual([0, 0.5, 1]);
    expect(() => one(l, 0.7)).toThrow(/0.7 is not one of the levels 0, 0.6, 1/);
  });

  it('unknown raw values stay unknown', () => {
    expect(scoreColumn([null, 5, Number.NaN], { kind: 'gaussian', target: 5, spread: 1 })).toEqual([null, 1, null]);
  });
});

describe('value function properties', () => {
  const num = fc.double({ min: -1e4, max: 1e4, noNaN: true });
  const fnArb: fc.Arbitrary<ValueFunction> = fc.oneof(
    fc
      .tuple(num, fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.constantFrom('benefit' as const, 'cost' as const))
      .map(([min, span, direction]) => ({ kind: 'linear', direction, bounds: { min, max: min + span } }) as ValueFunction),
    fc.array(num, { minLength: 4, maxLength: 4 }).map((v) => {
      const [a, b, c, d] = [...v].sort((x, y) => x - y) as [number, number, number, number];
      return { kind: 'trapezoid', a, b, c, d } as ValueFunction;
    }),
    fc
      .tuple(num, fc.double({ min: 1e-3, max: 1e4, noNaN: true }))
      .map(([ideal, tolerance]) => ({ kind: 'ideal', ideal, tolerance }) as ValueFunction),
    fc
      .tuple(num, fc.constantFrom('above' as const, 'below' as const))
      .map(([threshold, pass]) => ({ kind: 'step', threshold, pass }) as ValueFunction),
    fc
      .tuple(
        num,
        fc.double({ min: -10, max: 10, noNaN: true }).filter((s) => s !== 0),
      )
      .map(([midpoint, slope]) => ({ kind: 'logistic', midpoint, slope }) as ValueFunction),
    fc
      .tuple(num, fc.double({ min: 1e-3, max: 1e4, noNaN: true }))
      .map(([target, spread]) => ({ kind: 'gaussian', target, spread }) as ValueFunction),
    fc
      .uniqueArray(num, { minLength: 2, maxLength: 6 })
      .chain((xs) =>
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: xs.length, maxLength: xs.length }).map((ys) => [xs, ys] as const),
      )
      .map(
        ([xs, ys]) =>
          ({ kind: 'piecewise', points: [...xs].sort((a, b) => a - b).map((x, i) => [x, ys[i] as number] as const) }) as ValueFunction,
      ),
  );

  it('every function maps every finite value into [0, 1]', () => {
    fc.assert(
      fc.property(fnArb, num, (f, x) => {
        expect(valueFunctionProblem(f)).toBeNull();
        const v = one(f, x) as number;
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a piecewise line through points a hair apart stays in [0, 1] (fast-check found −1.1e-16 in CI)', () => {
    const f: ValueFunction = {
      kind: 'piecewise',
      points: [
        [-3.704125805081448e-102, 0],
        [-3.704125805081447e-102, 0.9989895480019375],
        [0, 0],
      ],
    };
    expect(one(f, -5e-324)).toBeGreaterThanOrEqual(0);
  });

  it('a constant column scores finite numbers (no division by zero): 1 for linear', () => {
    fc.assert(
      fc.property(num, fc.integer({ min: 1, max: 10 }), fc.constantFrom('benefit' as const, 'cost' as const), (x, m, direction) => {
        expect(scoreColumn(new Array<number>(m).fill(x), { kind: 'linear', direction, bounds: 'candidates' })).toEqual(
          new Array<number>(m).fill(1),
        );
      }),
    );
  });

  it.each([
    [{ kind: 'linear', direction: 'benefit', bounds: { min: 5, max: 5 } }, /max > min/],
    [{ kind: 'trapezoid', a: 0, b: 5, c: 4, d: 10 }, /a ≤ b ≤ c ≤ d/],
    [{ kind: 'ideal', ideal: 3, tolerance: 0 }, /tolerance .* positive/],
    [{ kind: 'logistic', midpoint: 3, slope: 0 }, /non-zero/],
    [{ kind: 'gaussian', target: 3, spread: -1 }, /spread must be positive/],
    [
      {
        kind: 'piecewise',
        points: [
          [0, 0],
          [0, 1],
        ],
      },
      /point 2 must lie to the right of point 1/,
    ],
    [
      {
        kind: 'piecewise',
        points: [
          [0, 0],
          [1, 2],
        ],
      },
      /score 2; scores must lie in 0…1/,
    ],
    [
      {
        kind: 'levels',
        levels: [
          { value: 1, score: 1 },
          { value: 1, score: 0 },
        ],
      },
      /listed twice/,
    ],
    [{ kind: 'spline' }, /unknown value function "spline"/],
  ])('refuses bad parameters %#, naming the problem', (f, message) => {
    expect(valueFunctionProblem(f as ValueFunction)).toMatch(message);
    expect(() => scoreColumn([1], f as ValueFunction)).toThrow(message);
  });
});

describe('normalisation against the candidates versus fixed bounds', () => {
  // Two benefit criteria, equal weights. E ranks below both A and B, yet adding it to the set
  // reverses A and B when the bounds come from the candidates: its very low value on criterion 2
  // stretches that criterion's range and shrinks B's lead there.
  const set = [
    [10, 4], // A
    [7, 10], // B
    [0, 0], // C
  ];
  const withE = [...set, [10, -20]];
  const rank = (rows: number[][], bounds: (j: number) => ValueFunction) => {
    const columns = [0, 1].map(
      (j) =>
        scoreColumn(
          rows.map((r) => r[j] as number),
          bounds(j),
        ) as number[],
    );
    return weightedSum(
      rows.map((_, i) => columns.map((c) => c[i] as number)),
      [1, 1],
    ).totals;
  };
  const candidates = () => ({ kind: 'linear', direction: 'benefit', bounds: 'candidates' }) as ValueFunction;
  const fixed = () => ({ kind: 'linear', direction: 'benefit', bounds: { min: 0, max: 10 } }) as ValueFunction;

  it('candidate bounds: adding a candidate reverses the order of two others (rank reversal)', () => {
    const before = rank(set, candidates);
    const after = rank(withE, candidates);
    expect(before[1]).toBeGreaterThan(before[0] as number); // B ahead of A
    expect(after[0]).toBeGreaterThan(after[1] as number); // A ahead of B once E is in the set
  });

  it('fixed bounds: each score depends on its candidate alone, so the order of A and B stays', () => {
    const before = rank(set, fixed);
    const after = rank(withE, fixed);
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[1]).toBeGreaterThan(after[0] as number);
  });
});
