/** ELECTRE Iv: concordance against data/method-examples/electre-examples.json, veto, and kernels with and without cycles. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { electreIv, isKernel, kernels, reducedKernel } from './electre.ts';

const load = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '../../data/method-examples', name), 'utf8')) as T;

/** A relation from a list of arcs [a, b] = "a outranks b". */
const relation = (m: number, arcs: [number, number][]) => {
  const r = Array.from({ length: m }, () => new Array<boolean>(m).fill(false));
  for (const [a, b] of arcs) (r[a] as boolean[])[b] = true;
  return r;
};

describe('ELECTRE Iv against a published example', () => {
  interface Example {
    matrix: number[][];
    weights: number[];
    types: number[];
    published: { concordance: (number | null)[][] };
  }
  const [e] = load<Example[]>('electre-examples.json');
  it('Cebrián & Porcar (2009): the concordance matrix to 4 decimals', () => {
    if (!e) throw new Error('fixture missing');
    const r = electreIv(e.matrix, e.weights, e.types, { concordance: 0.7, veto: [null, null, null, null, null] });
    r.concordance.forEach((row, a) =>
      row.forEach((c, b) => {
        const published = (e.published.concordance[a] as (number | null)[])[b];
        if (published !== null && published !== undefined) expect(c).toBeCloseTo(published, 4);
      }),
    );
    // With s = 0.7 and no veto, a5 outranks every other location and nothing outranks it.
    expect(r.outranks[4]).toEqual([true, true, true, true, false, true]);
    expect(r.kernel).toEqual([4]);
  });
});

describe('ELECTRE Iv definitions', () => {
  // Three criteria (benefit, benefit, cost), equal weights.
  const m = [
    [10, 10, 50], // a: better than b on the first two
    [8, 9, 10], // b: much cheaper
  ];
  it('a outranks b on concordance 2/3, unless b beats a by the veto threshold or more on some criterion', () => {
    const free = electreIv(m, [1, 1, 1], [1, 1, -1], { concordance: 0.6, veto: [null, null, null] });
    expect(free.concordance[0]?.[1]).toBeCloseTo(2 / 3, 15);
    expect(free.outranks[0]?.[1]).toBe(true);
    expect(free.outranks[1]?.[0]).toBe(false);
    // b is 40 cheaper: a veto of 40 (reached exactly: "by the threshold or more") stops a S b.
    const vetoed = electreIv(m, [1, 1, 1], [1, 1, -1], { concordance: 0.6, veto: [null, null, 40] });
    expect(vetoed.veto[0]?.[1]).toBe(true);
    expect(vetoed.outranks[0]?.[1]).toBe(false);
    expect(electreIv(m, [1, 1, 1], [1, 1, -1], { concordance: 0.6, veto: [null, null, 40.5] }).outranks[0]?.[1]).toBe(true);
    // Neither outranks the other now: both are in the kernel.
    expect(vetoed.kernel).toEqual([0, 1]);
  });

  it('a concordance threshold is reached with equality (ties count for a)', () => {
    const r = electreIv(
      [
        [1, 5],
        [1, 3],
      ],
      [1, 1],
      [1, 1],
      { concordance: 1, veto: [null, null] },
    );
    expect(r.concordance[0]?.[1]).toBe(1);
    expect(r.outranks[0]?.[1]).toBe(true);
    expect(r.concordance[1]?.[0]).toBe(0.5);
  });

  it('returns finite numbers on constant columns: everyone is equivalent and the kernel is everyone', () => {
    const r = electreIv(
      [
        [3, 3],
        [3, 3],
        [3, 3],
      ],
      [1, 2],
      [1, -1],
      { concordance: 0.8, veto: [1, 1] },
    );
    r.concordance.flat().forEach((c) => expect(c).toBe(1));
    expect(r.cycles).toEqual([[0, 1, 2]]);
    expect(r.kernel).toEqual([0, 1, 2]);
    expect(r.kernelIsExact).toBe(false);
  });

  it.each([
    [{ concordance: 0, veto: [null] }, /concordance threshold must lie in \(0, 1\]/],
    [{ concordance: 0.6, veto: [0] }, /veto threshold must be a positive number or none/],
    [{ concordance: 0.6, veto: [] }, /1 weights but 0 veto thresholds/],
  ])('refuses bad options %#', (options, message) => {
    expect(() => electreIv([[1], [2]], [1], [1], options)).toThrow(message);
  });
});

describe('kernels and cycles', () => {
  it('an acyclic relation has exactly one kernel, and the reduced kernel is it', () => {
    // a → b → c, d isolated: the kernel is {a, c, d}.
    const r = relation(4, [
      [0, 1],
      [1, 2],
    ]);
    expect(kernels(r)).toEqual([[0, 2, 3]]);
    expect(reducedKernel(r)).toMatchObject({ kernel: [0, 2, 3], cycles: [], kernelIsExact: true });
  });

  it('a 3-cycle has no kernel; reduced to one node, its three alternatives form the kernel', () => {
    const r = relation(3, [
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
    expect(kernels(r)).toEqual([]);
    expect(reducedKernel(r)).toEqual({ kernel: [0, 1, 2], kernelComponents: [[0, 1, 2]], cycles: [[0, 1, 2]], kernelIsExact: false });
  });

  it('a 2-cycle (mutual outranking) has two kernels; the reduction keeps both alternatives as one', () => {
    const r = relation(3, [
      [0, 1],
      [1, 0],
      [1, 2],
    ]);
    expect(kernels(r)).toEqual([[0, 2], [1]]);
    expect(reducedKernel(r)).toMatchObject({ kernel: [0, 1], kernelComponents: [[0, 1]], cycles: [[0, 1]], kernelIsExact: false });
  });

  it('a circuit outside the reduced kernel is absorbed as a whole, not member by member', () => {
    // b and c outrank each other; a outranks c only. Reduced: {a} → {b, c}, kernel {a}; but nothing
    // in the kernel outranks b, so {a} is not a kernel of the relation as given (that one is {a, b}).
    const r = relation(3, [
      [1, 2],
      [2, 1],
      [0, 2],
    ]);
    expect(reducedKernel(r)).toMatchObject({ kernel: [0], cycles: [[1, 2]], kernelIsExact: false });
    expect(kernels(r)).toEqual([[0, 1]]);
  });

  const relationArb = fc
    .integer({ min: 1, max: 7 })
    .chain((m) =>
      fc
        .array(fc.array(fc.boolean(), { minLength: m, maxLength: m }), { minLength: m, maxLength: m })
        .map((r) => r.map((row, i) => row.map((x, k) => x && i !== k))),
    );

  it('on any acyclic relation the reduced kernel is the unique kernel found by brute force', () => {
    fc.assert(
      fc.property(relationArb, (raw) => {
        // Keep only arcs a → b with a < b: acyclic by construction.
        const r = raw.map((row, i) => row.map((x, k) => x && i < k));
        const all = kernels(r);
        expect(all).toHaveLength(1);
        const red = reducedKernel(r);
        expect(red.kernel).toEqual(all[0]);
        expect(red.cycles).toEqual([]);
        expect(red.kernelIsExact).toBe(true);
      }),
    );
  });

  it('on any relation the reduced kernel is independent and absorbing between components, and kernelIsExact tells whether it is a kernel as given', () => {
    fc.assert(
      fc.property(relationArb, (r) => {
        const red = reducedKernel(r);
        const comps = red.kernelComponents;
        const arc = (x: number[], y: number[]) => x.some((a) => y.some((b) => (r[a] as boolean[])[b]));
        comps.forEach((x, i) => comps.forEach((y, k) => i !== k && expect(arc(x, y)).toBe(false)));
        const inKernel = new Set(red.kernel);
        const inCycle = new Set(red.cycles.flat());
        const allComponents = [...red.cycles, ...r.map((_, i) => [i]).filter(([i]) => !inCycle.has(i as number))];
        for (const c of allComponents) {
          if (c.some((a) => inKernel.has(a))) continue;
          expect(comps.some((x) => arc(x, c))).toBe(true);
        }
        expect(red.kernelIsExact).toBe(isKernel(r, red.kernel));
        if (red.cycles.length === 0) expect(red.kernelIsExact).toBe(true);
      }),
    );
  });
});
