import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, type Profile } from '../contract/api.ts';
import { callOk, tempBackend, tempDir } from '../testing/temp-backend.ts';

const backend = tempBackend();
const work = tempDir('siteselect-scenarios-');
afterAll(() => {
  backend.dispose();
  work.remove();
});
const ok = <T>(method: string, args: unknown, b = backend) => callOk<T>(b, method, args);

async function presets() {
  return ok<{ id: string; profile: Profile }[]>('profilePresets', {});
}

describe('Excel report', () => {
  it('holds the ranking, every raw value, the comparison, the assumptions and every source, in the chosen language', async () => {
    const [equipment] = await presets();
    const payload = {
      profile: equipment?.profile,
      compare: { ids: ['park-hengyang-htz', 'park-chenzhou-zixing', 'park-huaihua-htz'], own: 'park-chenzhou-zixing' },
    };
    const labels = {
      'sheet.ranking': 'Ranking',
      'sheet.criteria': 'Criteria',
      'sheet.comparison': 'Comparison',
      'sheet.agreement': 'Method agreement',
      'sheet.assumptions': 'Assumptions',
      'sheet.sources': 'Sources',
      'sheet.registry': 'Registry',
      'col.rank': 'Rank',
      'criteria.t-interchange': 'Time to an interchange',
    };
    const file = await ok<{ fileName: string; mime: string; dataBase64: string }>('exportReport', {
      payload,
      language: 'en',
      labels,
      fileName: 'equipment',
    });
    expect(file.fileName).toBe('equipment.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    // Issue 17 adds the method-agreement sheet with the verdict.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ranking',
      'Criteria',
      'Comparison',
      'Method agreement',
      'Assumptions',
      'Sources',
      'Registry',
      'sheet.verification',
      'siteselect-scenario',
    ]);
    const agreement = CONTRACT.methodAgreement.result.parse(await ok('methodAgreement', { profile: equipment?.profile }));
    expect((wb.getWorksheet('Method agreement') as ExcelJS.Worksheet).getRow(2).getCell(2).value).toBe(agreement.verdict.text_en);
    const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: equipment?.profile, monteCarloSamples: 0 }));
    const sheet = wb.getWorksheet('Ranking') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('Rank');
    const first = sheet.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value]).toEqual([
      1,
      ranking.candidates[0]?.name_en,
      Math.round((ranking.candidates[0]?.total as number) * 10) / 10,
    ]);
    expect(sheet.rowCount).toBe(ranking.candidates.length + 1);
    const criteria = wb.getWorksheet('Criteria') as ExcelJS.Worksheet;
    const interchange = criteria.getRows(2, criteria.rowCount - 1)?.find((r) => r.getCell(3).value === 'Time to an interchange');
    expect(interchange?.getCell(4).value).toBe(ranking.candidates[0]?.criteria.find((c) => c.id === 't-interchange')?.raw);
    const comparison = wb.getWorksheet('Comparison') as ExcelJS.Worksheet;
    const compared = CONTRACT.compareParks.result.parse(
      await ok('compareParks', { profile: equipment?.profile, ids: payload.compare.ids, own: payload.compare.own }),
    );
    expect([3, 4, 5].map((i) => comparison.getRow(1).getCell(i).value)).toEqual(compared.parks.map((p) => p.name_en));
    expect([3, 4, 5].map((i) => comparison.getRow(2).getCell(i).value)).toEqual(compared.parks.map((p) => `${p.rank} / ${compared.of}`));
    const sources = wb.getWorksheet('Sources') as ExcelJS.Worksheet;
    expect(sources.rowCount).toBeGreaterThan(150);
    const park = sources
      .getRows(2, sources.rowCount - 1)
      ?.find((r) => String(r.getCell(2).value).includes('Hengyang') && r.getCell(4).value);
    expect(String(park?.getCell(3).value)).toMatch(/http|\./);
    // The registry sheet lists every source the data cites by id, with the OSM notice.
    const info = CONTRACT.appInfo.result.parse(await ok('appInfo', {}));
    const registry = wb.getWorksheet('Registry') as ExcelJS.Worksheet;
    const rows = registry.getRows(2, registry.rowCount - 1) ?? [];
    expect(rows.map((r) => r.getCell(1).value)).toEqual(info.reference.registry.map((s) => s.id));
    expect(rows.some((r) => String(r.getCell(7).value).includes('OpenStreetMap'))).toBe(true);
  });

  it('names the network its times come from, with its as-of date and scenario year, on the assumptions sheet', async () => {
    const [equipment] = await presets();
    const labels = {
      'sheet.assumptions': 'Assumptions',
      'col.networkName': 'Road network',
      'col.networkAsOf': 'Network data as of',
      'col.networkYear': 'Scenario year',
      'network.asOfUnknown': 'unknown',
      'network.yearNow': 'as the data stands',
    };
    const file = await ok<{ dataBase64: string }>('exportReport', { payload: { profile: equipment?.profile }, language: 'zh', labels });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    const rows = ((wb.getWorksheet('Assumptions') as ExcelJS.Worksheet).getRows(2, 100) ?? []).map((r) => [
      r.getCell(1).value,
      r.getCell(2).value,
    ]);
    const ranking = CONTRACT.scoreSites.result.parse(await ok('scoreSites', { profile: equipment?.profile, monteCarloSamples: 0 }));
    expect(ranking.network.kind).toBe('schematic');
    expect(rows).toContainEqual(['Road network', ranking.network.name_zh]);
    expect(rows).toContainEqual(['Network data as of', ranking.network.asOf ?? 'unknown']);
    expect(rows).toContainEqual(['Scenario year', ranking.network.year ?? 'as the data stands']);
  });

  it('names an own criterion that took part in the criteria, weights and sources, with its source and date', async () => {
    const [equipment] = await presets();
    const own = CONTRACT.saveCustomCriterion.result.parse(
      await ok('saveCustomCriterion', {
        name_zh: '电价',
        name_en: 'Power tariff',
        unit: '元/千瓦时',
        type: 'cost',
        source: '园区电价表（测试数据）',
        as_of: '2026-10',
        values: { 'park-hengyang-htz': 0.62, 'park-huaihua-htz': 0.58 },
      }),
    );
    const file = await ok<{ dataBase64: string }>('exportReport', {
      payload: { profile: equipment?.profile, weights: { [own.id]: 20 } },
      language: 'en',
      labels: {
        'sheet.criteria': 'Criteria',
        'sheet.assumptions': 'Assumptions',
        'sheet.sources': 'Sources',
        'col.ownCriterion': 'Own criterion',
      },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    const cells = (sheet: string) =>
      ((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getRows(2, 100_000) ?? []).map((r) => [1, 2, 3, 4, 5].map((i) => r.getCell(i).value));
    expect(cells('Criteria').some((r) => r[2] === 'Power tariff' && r[3] === 0.62)).toBe(true);
    // Its weight as the ranking used it (the payload's 20 beside the built-in defaults, as a percent of the whole).
    const ranked = CONTRACT.scoreSites.result.parse(
      await ok('scoreSites', { profile: equipment?.profile, weights: { [own.id]: 20 }, monteCarloSamples: 0 }),
    );
    const share = `${Math.round((ranked.weights[own.id] as number) * 10) / 10} %`;
    expect(share).not.toBe('0 %');
    expect(cells('Assumptions')).toContainEqual(['col.weight: Power tariff', share, null, null, null]);
    expect(cells('Sources')).toContainEqual(['Own criterion', 'Power tariff (元/千瓦时)', '园区电价表（测试数据）', '2026-10', '']);
    // Not weighted, not listed: the sources are those of the ranking shown.
    const unweighted = await ok<{ dataBase64: string }>('exportReport', {
      payload: { profile: equipment?.profile },
      language: 'en',
      labels: {},
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(unweighted.dataBase64, 'base64') as never);
    const sources2 = (wb2.getWorksheet('sheet.sources') as ExcelJS.Worksheet).getRows(2, 100_000) ?? [];
    expect(sources2.some((r) => r.getCell(1).value === 'col.ownCriterion')).toBe(false);
  });
});
