import { afterAll, describe, expect, it } from 'vitest';
import type { AgreementResult, CustomCriterionRecord, JoinReport, Profile, RankingResult } from '../contract/api.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

async function importCsv(name: string, csv: string): Promise<string> {
  const { jobId } = await ok<{ jobId: string }>('startImport', {
    name,
    dataBase64: Buffer.from(csv).toString('base64'),
    layerName: name,
    role: 'reference',
    crs: 'wgs84',
  });
  for (let i = 0; i < 200; i++) {
    const job = await ok<{ status: string; summary: { layerId: string } | null; error: string | null }>('importStatus', { jobId });
    if (job.status === 'done') return job.summary?.layerId as string;
    if (job.status !== 'running') throw new Error(job.error ?? job.status);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

// Land prices (万元/亩) for three parks, one row with a name no park has, one with text in the value.
const CSV = [
  '名称,经度,纬度,代码,地价',
  '湖南怀化经济开发区,109.9488,27.5470,S437065,12',
  '怀化高新技术产业开发区,109.9279,27.3661,S438064,8',
  '沅陵工业集中区,110.4262,28.4001,S439105,5.5 万元/亩',
  '不存在的园区,111.0,27.0,S000000,30',
].join('\n');

describe('custom criteria', () => {
  let layerId = '';
  let profile: Profile;

  it('joins a layer column by name, by catalogue code and by the nearest park, with a report', async () => {
    layerId = await importCsv('地价.csv', CSV);
    profile = (await ok<{ profile: Profile }[]>('profilePresets', {}))[0]?.profile as Profile;
    const def = {
      name_zh: '工业用地价格',
      unit: '万元/亩',
      type: 'cost',
      source: '园区招商手册 2026（测试数据）',
      as_of: '2026-11',
      layerId,
      column: '地价',
      dryRun: true,
    };
    for (const join of [{ by: 'name' }, { by: 'catalogue-code' }, { by: 'nearest', radiusKm: 2 }]) {
      const { criterion, report } = await ok<{ criterion: null; report: JoinReport }>('criterionFromLayer', { ...def, join });
      expect(criterion).toBeNull();
      expect(report.rows).toBe(4);
      expect(report.matched.map((m) => [m.candidate, m.value])).toEqual([
        ['park-huaihua-etdz', 12],
        ['park-huaihua-htz', 8],
        ['park-huaihua-yuanling', 5.5],
      ]);
      expect(report.unmatched.map((u) => u.row)).toEqual(['不存在的园区']);
      // The reason as a kind the UI translates, one per join rule.
      expect(report.unmatched.map((u) => u.kind)).toEqual([
        join.by === 'name' ? 'no-such-name' : join.by === 'catalogue-code' ? 'no-such-code' : 'none-within',
      ]);
    }
    expect(await ok('listCustomCriteria', {})).toEqual([]);
  });

  it('saves the criterion; with its weight it moves the ranking (cheapest land first)', async () => {
    const before = await ok<RankingResult>('scoreSites', { profile, monteCarloSamples: 0 });
    const { criterion } = await ok<{ criterion: CustomCriterionRecord }>('criterionFromLayer', {
      name_zh: '工业用地价格',
      name_en: 'Industrial land price',
      unit: '万元/亩',
      type: 'cost',
      source: '园区招商手册 2026（测试数据）',
      layerId,
      column: '地价',
      join: { by: 'catalogue-code' },
    });
    expect(criterion.id).toMatch(/^custom-/);
    expect(criterion.origin).toMatchObject({ kind: 'layer', column: '地价', join: { by: 'catalogue-code' } });
    // Saved but not weighted: the ranking is as before (the criterion is listed with weight 0).
    const unweighted = await ok<RankingResult>('scoreSites', { profile, monteCarloSamples: 0 });
    expect(unweighted.candidates.map((c) => c.id)).toEqual(before.candidates.map((c) => c.id));
    expect(unweighted.candidates[0]?.criteria.find((x) => x.id === criterion.id)).toMatchObject({ weight: 0, unit: '万元/亩' });
    const priced = await ok<RankingResult>('scoreSites', { profile, weights: { [criterion.id]: 100 }, monteCarloSamples: 0 });
    const top = priced.candidates.slice(0, 3).map((c) => c.id);
    expect(top[0]).toBe('park-huaihua-yuanling');
    expect(top.slice(0, 2)).toEqual(['park-huaihua-yuanling', 'park-huaihua-htz']);
    // The dearest known price scores 0, as unknown prices do (unknown counts as the worst).
    const score = (id: string) => priced.candidates.find((c) => c.id === id)?.criteria.find((x) => x.id === criterion.id)?.score;
    expect(score('park-huaihua-etdz')).toBe(0);
    expect(score('park-huaihua-htz')).toBeCloseTo((12 - 8) / (12 - 5.5), 9);
    expect(priced.candidates.map((c) => c.id)).not.toEqual(before.candidates.map((c) => c.id));

    // Percent of the whole: built-in weights totalling 80 beside a custom 20 keep those shares
    // (the sliders show every criterion on one 100 %), and the built-in ones may all be 0.
    const builtIn = Object.fromEntries(Object.entries(before.defaultWeights).map(([id, w]) => [id, w * 0.8]));
    const shared = await ok<RankingResult>('scoreSites', { profile, weights: { ...builtIn, [criterion.id]: 20 }, monteCarloSamples: 0 });
    expect(shared.weights[criterion.id]).toBeCloseTo(20, 9);
    expect(shared.weights['labour']).toBeCloseTo((before.defaultWeights['labour'] as number) * 0.8, 9);
    const zeros = Object.fromEntries(Object.keys(before.defaultWeights).map((id) => [id, 0]));
    const only = await ok<RankingResult>('scoreSites', { profile, weights: { ...zeros, [criterion.id]: 100 }, monteCarloSamples: 0 });
    expect(only.weights[criterion.id]).toBe(100);
    expect(only.candidates[0]?.id).toBe('park-huaihua-yuanling');
  });

  it('types values per park in a grid, refuses unknown candidates, and deletes', async () => {
    const saved = await ok<CustomCriterionRecord>('saveCustomCriterion', {
      name_zh: '电价',
      unit: '元/千瓦时',
      type: 'cost',
      source: '湖南省发改委 电价表（测试数据）',
      values: { 'park-huaihua-etdz': 0.62, 'park-huaihua-htz': null },
    });
    expect(saved).toMatchObject({
      name_en: '电价',
      origin: { kind: 'typed' },
      values: { 'park-huaihua-etdz': 0.62, 'park-huaihua-htz': null },
    });
    const bad = await dispatch(backend.api, 'saveCustomCriterion', {
      name_zh: saved.name_zh,
      unit: saved.unit,
      type: saved.type,
      source: saved.source,
      values: { 'park-nowhere': 1 },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/not in this project: park-nowhere/) },
    });
    expect(await ok('deleteCustomCriterion', { id: saved.id })).toEqual({ deleted: true });
    expect((await ok<CustomCriterionRecord[]>('listCustomCriteria', {})).map((c) => c.id)).not.toContain(saved.id);
  });

  it('refuses a definition without a source, and a bad value function, naming the problem', async () => {
    expect(
      await dispatch(backend.api, 'saveCustomCriterion', { name_zh: 'x', unit: '', type: 'cost', source: ' ', values: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/source/) },
    });
    const bad = await dispatch(backend.api, 'saveCustomCriterion', {
      name_zh: 'x',
      unit: '',
      type: 'cost',
      source: 's',
      valueFunction: { kind: 'trapezoid', a: 3, b: 2, c: 1, d: 0 },
      values: {},
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/a ≤ b ≤ c ≤ d/) } });
  });
});

describe('method agreement and similar parks', () => {
  it('runs every method on one table and says in both languages who leads', async () => {
    const profile = (await ok<{ profile: Profile }[]>('profilePresets', {}))[0]?.profile as Profile;
    const a = await ok<AgreementResult>('methodAgreement', { profile });
    expect(a.methods.map((m) => m.method)).toEqual(['wsm', 'topsis', 'owa', 'promethee', 'vikor', 'electre']);
    for (const m of a.methods) expect(m.ranking).toHaveLength(a.candidates);
    expect(a.tau).toHaveLength(6);
    a.tau.forEach((row, i) => expect(row[i]).toBe(1));
    expect(a.verdict.text_en).toContain(a.verdict.leader.name_en);
    expect(a.verdict.text_en).toMatch(/is first under (\d of 6 methods|all 6 methods)/);
    expect(a.verdict.text_zh).toContain(a.verdict.leader.name_zh);
    const firstCount = a.methods.filter((m) => m.first.includes(a.verdict.leader.id)).length;
    expect(a.verdict.firstUnder).toHaveLength(firstCount);
  });

  it('finds the parks most like a chosen one, with the criteria that differ most', async () => {
    const profile = (await ok<{ profile: Profile }[]>('profilePresets', {}))[0]?.profile as Profile;
    const r = await ok<{
      target: { id: string };
      ranking: { id: string; distance: number | null; differences: { criterion: string }[] }[];
    }>('similarSites', { profile, target: 'park-huaihua-etdz', criteria: ['t-interchange', 't-gba', 'labour'] });
    expect(r.target.id).toBe('park-huaihua-etdz');
    expect(r.ranking.map((x) => x.id)).not.toContain('park-huaihua-etdz');
    const d = r.ranking.map((x) => x.distance ?? Infinity);
    expect([...d].sort((x, y) => x - y)).toEqual(d);
    expect(r.ranking[0]?.differences.length).toBeGreaterThan(0);
    expect(await dispatch(backend.api, 'similarSites', { profile, target: 'park-nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
