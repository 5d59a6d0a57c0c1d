/**
 * The rank ranges and the gap analysis through the API, on the zone's real data: reproducible
 * with the seed, every approximate park's position-based values spread over its county, the
 * Assumptions panel's ranges stored per project and refused when malformed (changing nothing),
 * and a gap answer per plan industry that ranking again confirms.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type Profile } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);
const profileOf = async (id: string) =>
  (await ok<{ id: string; profile: Profile }[]>('profilePresets', {})).find((p) => p.id === id)?.profile;

describe('rank ranges (rankUncertainty)', () => {
  it('gives each ranked park a 5th–95th percentile rank range, the same for the same seed', async () => {
    const profile = await profileOf('equipment');
    const args = { profile, samples: 1000, seed: 7, assumptionSets: 4, positionCells: 4 };
    const a = CONTRACT.rankUncertainty.result.parse(await ok('rankUncertainty', args));
    const b = CONTRACT.rankUncertainty.result.parse(await ok('rankUncertainty', args));
    expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
    expect(a.samples).toBe(1000);
    expect(a.seed).toBe(7);
    expect(a.scenarios).toBe(4);
    const n = a.candidates.length;
    expect(n).toBeGreaterThan(20);
    for (const c of a.candidates) {
      expect(c.p5).toBeLessThanOrEqual(c.p95);
      expect(c.acceptability.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      expect(c.acceptability).toHaveLength(n);
    }
    // Every rank is taken exactly once per sample.
    for (let r = 0; r < n; r++) expect(a.candidates.reduce((s, c) => s + (c.acceptability[r] as number), 0)).toBeCloseTo(1, 9);
    const other = CONTRACT.rankUncertainty.result.parse(await ok('rankUncertainty', { ...args, seed: 8 }));
    expect(other.candidates.map((c) => c.acceptability)).not.toEqual(a.candidates.map((c) => c.acceptability));
  });

  it('spreads the position-based values of a park on its county seat, and the times of every park over the assumptions', async () => {
    const profile = await profileOf('equipment');
    const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile, monteCarloSamples: 0 }));
    const r = CONTRACT.rankUncertainty.result.parse(
      await ok('rankUncertainty', { profile, samples: 200, assumptionSets: 4, positionCells: 4 }),
    );
    const approximate = ranking.candidates.find((c) => c.approximate && c.rank !== null);
    const exact = ranking.candidates.find((c) => !c.approximate && c.rank !== null);
    const spreadOf = (id: string | undefined, criterion: string) =>
      r.candidates.find((c) => c.id === id)?.ranges.find((x) => x.criterion === criterion);
    expect(spreadOf(approximate?.id, 't-interchange')?.sources).toEqual(expect.arrayContaining(['position', 'assumptions']));
    expect(spreadOf(approximate?.id, 'labour')?.sources).toContain('position');
    expect(spreadOf(exact?.id, 't-interchange')?.sources).toEqual(['assumptions']);
    expect(r.counts.position).toBeGreaterThan(0);
    expect(r.assumptionRanges.detourFactor).toEqual({ lo: 1.2, hi: 1.45 });
  });

  it('keeps the Assumptions panel ranges per project and refuses a malformed one without changing anything', async () => {
    const before = CONTRACT.getDataRanges.result.parse(await ok('getDataRanges', {}));
    expect(before.assumptions.detourFactor).toEqual({ lo: 1.2, hi: 1.45, isDefault: true });
    const set = CONTRACT.setDataRanges.result.parse(await ok('setDataRanges', { assumptions: { detourFactor: { lo: 1.2, hi: 1.34 } } }));
    expect(set.assumptions.detourFactor).toEqual({ lo: 1.2, hi: 1.34, isDefault: false });
    const bad = await dispatch(backend.api, 'setDataRanges', { assumptions: { detourFactor: { lo: 0.5, hi: 1.3 } } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/detourFactor must be at least 1/) },
    });
    const reversed = await dispatch(backend.api, 'setDataRanges', { assumptions: { ordinaryRoadKmh: { lo: 60, hi: 30 } } });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(CONTRACT.getDataRanges.result.parse(await ok('getDataRanges', {})).assumptions.detourFactor.hi).toBe(1.34);
    const reset = CONTRACT.setDataRanges.result.parse(await ok('setDataRanges', { assumptions: { detourFactor: null } }));
    expect(reset.assumptions.detourFactor.isDefault).toBe(true);
    const missing = await dispatch(backend.api, 'setDataRanges', { custom: { 'custom-nothing': { spread: 0.1, source: 'x' } } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('takes a custom criterion’s typed ranges', async () => {
    const profile = await profileOf('equipment');
    const parks = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile, monteCarloSamples: 0 })).candidates.slice(0, 3);
    const saved = await ok<{ id: string }>('saveCustomCriterion', {
      name_zh: '地价',
      unit: '万元/亩',
      type: 'cost',
      source: 'test',
      values: Object.fromEntries(parks.map((p, i) => [p.id, 10 + i])),
    });
    await ok('setDataRanges', { custom: { [saved.id]: { spread: 0.2, source: '园区报价 ±20 %' } } });
    const r = CONTRACT.rankUncertainty.result.parse(
      await ok('rankUncertainty', { profile, weights: { [saved.id]: 10 }, samples: 200, assumptionSets: 2, positionCells: 2 }),
    );
    const first = r.candidates.find((c) => c.id === parks[0]?.id)?.ranges.find((x) => x.criterion === saved.id);
    expect(first).toEqual({ criterion: saved.id, lo: 8, hi: 12, sources: ['custom'] });
    expect(Object.keys(CONTRACT.getDataRanges.result.parse(await ok('getDataRanges', {})).custom)).toEqual([saved.id]);
    await ok('deleteCustomCriterion', { id: saved.id });
    expect(CONTRACT.getDataRanges.result.parse(await ok('getDataRanges', {})).custom).toEqual({});
  });
});

describe('combined gap analysis (gapAnalysis)', () => {
  it('answers for each of the ten plan industries, each answer confirmed by ranking again', async () => {
    const profile = await profileOf('equipment');
    const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile, monteCarloSamples: 0 }));
    const park = ranking.candidates.filter((c) => c.kind === 'park' && c.rank !== null).at(-1);
    const r = CONTRACT.gapAnalysis.result.parse(await ok('gapAnalysis', { park: park?.id, target: 3 }));
    expect(r.industries).toHaveLength(10);
    for (const i of r.industries) {
      expect(i.fixed).toContain('prefecture-focus');
      if (i.status === 'found') {
        expect(i.confirmedRank as number).toBeLessThanOrEqual(3);
        expect(i.changes.length).toBeGreaterThan(0);
        expect(i.changes.every((c) => c.criterion !== 'prefecture-focus')).toBe(true);
      }
      if (i.status === 'done') expect(i.rank as number).toBeLessThanOrEqual(3);
    }
    expect(r.industries.some((i) => i.status === 'found')).toBe(true);
    const unknown = await dispatch(backend.api, 'gapAnalysis', { park: 'no-such-park', target: 1 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
