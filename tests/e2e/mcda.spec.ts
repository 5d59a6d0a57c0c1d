/**
 * Issue 17 end to end: a criterion of the user's own from an imported CSV moves the ranking; each
 * new method shows its own outputs; the method agreement gives its verdict in both languages and
 * the PDF report carries it; the value-function editor changes the scores by mouse and keyboard.
 */
import { join } from 'node:path';
import { expect, RESULTS, ROOT, test } from './fixtures.ts';
import { ImportDialog } from './import-dialog.ts';
import { MapPage } from './map-page.ts';
import { McdaPanel } from './mcda-page.ts';
import { ReportPage } from './report-page.ts';
import { ScoringPanel } from './scoring-panel.ts';

// Invented land prices (元/亩) for five parks and one park that does not exist (tests/fixtures/mcda/README.md).
const LAND_PRICES = join(ROOT, 'tests/fixtures/mcda/land-prices-test.csv');
const CHEAPEST = 'park-shaoyang-etdz';
const LAND_COLUMN = '工业地价（元/亩）';

async function rankOf(scoring: ScoringPanel, id: string): Promise<number> {
  return Number(await scoring.table().locator(`tr[data-candidate="${id}"]`).getAttribute('data-rank'));
}

test.describe('decision analysis: own criteria, methods, agreement, value functions', () => {
  // The server (and its data folder) is shared by the specs that run after this one in the
  // worker: leave no own criterion or land-price layer behind (a 15th criterion in their rankings).
  test.afterAll(async ({ browser, appServer }) => {
    const page = await browser.newPage();
    await page.goto(appServer.url);
    const left = await page.evaluate(async () => {
      const api = async (method: string, args: unknown) => {
        const res = await fetch(`./api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args),
        });
        const envelope = (await res.json()) as { ok: boolean; result?: unknown };
        if (!envelope.ok) throw new Error(`${method} failed`);
        return envelope.result;
      };
      for (const c of (await api('listCustomCriteria', {})) as { id: string }[]) await api('deleteCustomCriterion', { id: c.id });
      const layers = (await api('listLayers', {})) as { id: string; kind: string; name_zh: string }[];
      for (const l of layers.filter((x) => x.kind === 'user' && x.name_zh.includes('land-prices'))) await api('deleteLayer', { id: l.id });
      return ((await api('listCustomCriteria', {})) as unknown[]).length;
    });
    expect(left).toBe(0);
    await page.close();
  });

  test('a land-price column from an imported CSV becomes a criterion and moves the cheapest park to first', async ({ page, appServer }) => {
    test.setTimeout(240_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const mcda = new McdaPanel(page, scoring);
    const imports = new ImportDialog(page);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.rankAndWait();
    await expect(scoring.rows().first()).toHaveAttribute('data-rank', '1');
    const before = await rankOf(scoring, CHEAPEST);
    expect(before).toBeGreaterThan(1);

    // The CSV through the import dialog, as a user brings it.
    await imports.open();
    await imports.chooseFile(LAND_PRICES);
    await expect(imports.preview()).toContainText('6');
    await imports.nameLayer('园区地价（测试数据）');
    // A price table, not places to rank: its rows must not join the candidates.
    await imports.chooseRole('reference');
    await imports.start();
    await expect(imports.dialog()).toBeHidden({ timeout: 20_000 });
    const layerId = (await imports.userLayers().last().getAttribute('data-layer-id')) ?? '';

    // A suggestion fills in the name, unit and direction, never values.
    await mcda.newCriterion();
    await mcda.suggest('land-price');
    await expect(page.getByTestId('custom-name-zh')).toHaveValue('工业用地价格');
    await expect(page.getByTestId('custom-name-en')).toHaveValue('Industrial land price');
    await expect(page.getByTestId('custom-unit')).toHaveValue('元/亩');
    await expect(page.getByTestId('custom-type')).toHaveValue('cost');
    await mcda.describeSource('园区地价表（e2e 测试数据，虚构）', '2026-11');
    await mcda.fromLayer(layerId, LAND_COLUMN, 'catalogue-code');
    await mcda.previewJoin();
    await expect(mcda.joinSummary()).toContainText('共 6 行：匹配 5，未匹配 1，多义 0');
    await expect(page.getByTestId('join-unmatched')).toContainText('示例新区（不存在）：没有该代码的园区或地块');
    await expect(page.getByTestId('join-matched')).toContainText('湖南邵阳经济开发区');
    await mcda.customForm().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'custom-criterion-zh.png') });
    // The matched parks in the reader's language.
    await app.languageSwitch().click();
    await expect(page.getByTestId('join-matched')).toContainText('Shaoyang Economic Development Zone');
    await app.languageSwitch().click();
    await expect(page.getByTestId('join-matched')).toContainText('湖南邵阳经济开发区');

    await mcda.saveCriterion();
    await expect(mcda.customRow('工业用地价格')).toBeVisible();
    await expect(mcda.customRow('工业用地价格')).toContainText('2026-11');
    const id = await mcda.criterionId('工业用地价格');
    expect(id).toMatch(/^custom-/);
    // Saved with weight 0: it takes part once weighted, on the same sliders as the built-in criteria.
    await mcda.weighCriterion(id, '50');
    await scoring.inputs('weights');
    await expect(page.getByTestId(`weight-${id}`)).toHaveValue('50');
    await expect(scoring.weightsTotal()).toContainText('100.0%');
    await scoring.rankAndWait();
    await scoring.results('ranking');
    await expect(scoring.table().locator(`tr[data-candidate="${CHEAPEST}"]`)).toHaveAttribute('data-rank', '1');

    // Its name labels it in the explanation, in its own unit.
    await scoring.table().locator(`tr[data-candidate="${CHEAPEST}"] button.link`).click();
    const row = scoring.explanation().locator(`tr[data-criterion="${id}"]`);
    await expect(row).toContainText('工业用地价格');
    await expect(row).toContainText('96,000 元/亩');
    // A cost: the cheapest matched park scores 1 on it and the dearest (300,000 元/亩) 0.
    await expect(row.locator('td').nth(2)).toHaveText('1.00');
    await scoring.table().locator('tr[data-candidate="park-hengyang-htz"] button.link').click();
    const dearest = scoring.explanation().locator(`tr[data-criterion="${id}"]`);
    await expect(dearest).toContainText('300,000 元/亩');
    await expect(dearest.locator('td').nth(2)).toHaveText('0.00');
    // … and in the comparison, and in "what would move us up".
    await scoring.pickForComparison(CHEAPEST);
    await scoring.pickForComparison('park-hengyang-htz');
    await scoring.openComparison();
    await scoring.chooseOwnPark('park-hengyang-htz');
    await expect(scoring.comparison().getByTestId('compare-table').locator(`tr[data-criterion="${id}"]`)).toContainText('工业用地价格');
    await expect(scoring.comparison().getByTestId('compare-method')).toContainText('加权求和');
    await expect(scoring.moveUp()).toContainText('工业用地价格');

    // The report lists the own criterion with its unit and source.
    const reports = new ReportPage(page);
    await reports.open();
    const own = reports.report().getByTestId('report-custom');
    await expect(own).toContainText('工业用地价格');
    await expect(own).toContainText('元/亩');
    await expect(own).toContainText('园区地价表（e2e 测试数据，虚构）');
    await reports.close();
  });

  test('each new method shows its own outputs', async ({ page, appServer }) => {
    test.setTimeout(240_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const mcda = new McdaPanel(page, scoring);
    await app.open(appServer.url);
    await scoring.open();

    // OWA: the convention is stated and the order weights from the orness are shown before ranking.
    await scoring.chooseMethod('owa');
    await expect(page.getByTestId('owa-convention')).toContainText('最大值在前');
    await page.getByTestId('owa-orness').fill('0.3');
    await expect(page.getByTestId('owa-effective')).toContainText('乐观度 0.30');
    await scoring.rankAndWait();
    await expect(mcda.detail('owa')).toContainText('orness = 0.300');
    await expect(mcda.methodUsed()).toContainText('有序加权平均 OWA');
    await expect(page.getByTestId('owa-effective-weights').locator('tbody tr').first()).toBeVisible();
    await page.screenshot({ path: join(RESULTS, 'method-owa-zh.png') });

    // PROMETHEE II: a V-shape on one criterion; the flows φ⁺, φ⁻, φ.
    await scoring.chooseMethod('promethee');
    await page.getByTestId('promethee-fn-industry-match').selectOption('v-shape');
    await page.getByTestId('promethee-p-industry-match').fill('0.4');
    await scoring.rankAndWait();
    const flows = mcda.detail('promethee').getByTestId('promethee-flows');
    await expect(flows.locator('thead')).toContainText('φ⁺');
    await expect(flows.locator('tbody tr')).toHaveCount(12);
    // φ = φ⁺ − φ⁻ on every row shown.
    const table = await flows
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    for (const cells of table) {
      const [plus, minus, phi] = cells.slice(2).map(Number) as [number, number, number];
      expect(Math.abs(plus - minus - phi)).toBeLessThan(0.0015);
    }
    await mcda.detail('promethee').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'method-promethee-zh.png') });

    // VIKOR: S, R, Q, the two conditions and the compromise set.
    await scoring.chooseMethod('vikor');
    await page.getByTestId('vikor-v').fill('0.7');
    await scoring.rankAndWait();
    await expect(mcda.detail('vikor')).toContainText('v = 0.70');
    await expect(page.getByTestId('vikor-conditions').locator('li')).toHaveCount(2);
    await expect(page.getByTestId('vikor-compromise')).toContainText('折衷解集');
    await expect(page.getByTestId('vikor-table').locator('thead')).toContainText('Q');
    await mcda.detail('vikor').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'method-vikor-zh.png') });

    // ELECTRE Iv: the definition, the kernel and the outranking relation.
    await scoring.chooseMethod('electre');
    await page.getByTestId('electre-concordance').fill('0.65');
    await page.getByTestId('electre-veto-t-interchange').fill('0.5');
    await scoring.rankAndWait();
    await expect(mcda.detail('electre')).toContainText('a 超越 b');
    await expect(page.getByTestId('electre-kernel')).toContainText('核');
    await expect(page.getByTestId('electre-relation').locator('tbody tr')).toHaveCount(10);
    // The kernel ranks first.
    const kernel = (await page.getByTestId('electre-kernel').textContent()) ?? '';
    const first = (await scoring.rankedRows().first().locator('button.link').textContent()) ?? '';
    expect(kernel).toContain(first);
    await mcda.detail('electre').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'method-electre-zh.png') });

    // AHP by the row geometric mean: the choice is shown with the result.
    await scoring.chooseMethod('ahp');
    await page.getByTestId('ahp-method-geomean').check();
    await scoring.judge('industry-match', 't-interchange', '3');
    await scoring.rankAndWait();
    await expect(page.getByTestId('ahp-method-used')).toContainText('行几何平均法');

    // Rank-order weights put on the sliders.
    await scoring.chooseMethod('wsm');
    await mcda.weighting('rank');
    await page.getByTestId('rank-method').selectOption('rank-order-centroid');
    for (const id of ['industry-match', 't-interchange', 'labour', 't-gba'])
      await page.getByTestId(`rank-${id}`).fill(String(['industry-match', 't-interchange', 'labour', 't-gba'].indexOf(id) + 1));
    for (const id of [
      'prefecture-focus',
      'cluster',
      't-freight',
      't-intl-rail',
      't-airport',
      't-bonded',
      't-port',
      't-changsha',
      't-hsr',
      'park-level',
    ])
      await page.getByTestId(`rank-${id}`).fill('');
    // ROC for four: 52.08 %, 27.08 %, 14.58 %, 6.25 % (Barron & Barrett 1996), to 0.1 % totalling 100; the rest 0.
    await expect(page.getByTestId('produced-industry-match')).toHaveText('52.1%');
    await expect(page.getByTestId('produced-t-gba')).toHaveText('6.2%');
    await page.getByTestId('weighting-apply').click();
    await mcda.weighting('sliders');
    // (A range input snaps its own value to its 0.5 step; the figure beside it is the weight.)
    await expect(page.locator('label:has([data-testid="weight-industry-match"]) output')).toHaveText('52.1%');
    await expect(scoring.weightsTotal()).toContainText('100.0%');
  });

  test('every method on one table: Kendall τ, consensus and the verdict in both languages, carried by the PDF', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(240_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const mcda = new McdaPanel(page, scoring);
    const reports = new ReportPage(page);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.choosePreset('equipment');
    await scoring.rankAndWait();
    await expect(scoring.rows().first()).toHaveAttribute('data-rank', '1');
    await mcda.runAgreement();
    const verdict = mcda.agreementVerdict();
    await expect(verdict).toHaveText(/.+(在 6 种方法中有 \d 种排名第一|在全部 6 种方法中均排名第一)/);
    const zh = (await verdict.textContent()) ?? '';
    await expect(mcda.tauMatrix().locator('tbody tr')).toHaveCount(6);
    await expect(mcda.tauMatrix().locator('tbody tr').first().locator('td').first()).toHaveText('1.00');
    await expect(mcda.agreementTable().locator('thead th')).toHaveCount(9);
    await page.screenshot({ path: join(RESULTS, 'agreement-panel-zh.png') });

    await app.languageSwitch().click();
    await expect(verdict).toHaveText(/ is first under (\d of 6 methods|all 6 methods)/);
    await expect(page.getByTestId('results-tab-agreement')).toHaveText('Method agreement');
    await page.screenshot({ path: join(RESULTS, 'agreement-panel-en.png') });
    await app.languageSwitch().click();
    await expect(verdict).toHaveText(zh);

    // The PDF report carries the verdict and the method.
    await reports.open();
    await expect(reports.report().getByTestId('report-verdict')).toHaveText(zh);
    await expect(reports.report().getByTestId('report-method')).toContainText('加权求和');
    await reports.close();
  });

  test('the value-function editor: a step changes the scores, a piecewise line moves by mouse and keyboard', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(240_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const mcda = new McdaPanel(page, scoring);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.rankAndWait();
    await expect(scoring.rows().first()).toHaveAttribute('data-rank', '1');

    // A step: within 20 minutes of an interchange scores 1, beyond 0.
    await mcda.editValueFunction('t-interchange', 'step');
    await mcda.setParameter('threshold', '20');
    await expect(mcda.dots().first()).toBeVisible();
    await scoring.rankAndWait();
    await scoring.results('ranking');
    const scores = await scoring.rankedRows().evaluateAll((trs) => trs.length);
    expect(scores).toBeGreaterThan(10);
    for (const id of await scoring.rankedIds()) {
      await scoring.table().locator(`tr[data-candidate="${id}"] button.link`).click();
      const minutes = Number(
        ((await scoring.explanation().locator('tr[data-criterion="t-interchange"] td').nth(1).textContent()) ?? '').replace(/[^\d.]/g, ''),
      );
      const score = (await scoring.explanation().locator('tr[data-criterion="t-interchange"] td').nth(2).textContent()) ?? '';
      expect(score, `${id}: ${minutes} min`).toBe(minutes <= 20 ? '1.00' : '0.00');
      if ((await scoring.rankedIds()).indexOf(id) >= 5) break;
    }

    // Piecewise: three points; the middle one moves with the keyboard, the first with the mouse.
    await mcda.editValueFunction('t-interchange', 'piecewise');
    await expect(mcda.handle(2)).toBeVisible();
    const middle = mcda.handle(1);
    const before = (await middle.getAttribute('aria-valuetext')) ?? '';
    await middle.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
    await expect(middle).toHaveAttribute('aria-valuenow', '0.7');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(middle).not.toHaveAttribute('aria-valuetext', before);
    const box = await mcda.handle(0).boundingBox();
    if (!box) throw new Error('no handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 80, { steps: 5 });
    await page.mouse.up();
    expect(Number(await mcda.handle(0).getAttribute('aria-valuenow'))).toBeGreaterThan(0.3);
    await expect(page.getByTestId('vf-problem')).toHaveCount(0);
    await page.getByTestId('vf-add-point').click();
    await expect(mcda.handle(3)).toBeVisible();
    await mcda.editor().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'value-function-editor-zh.png') });
    await scoring.rankAndWait();
    await scoring.results('ranking');
    await expect(scoring.rows().first()).toHaveAttribute('data-rank', '1');
  });

  test('parks like a chosen one, nearest first, with the criteria that differ most', async ({ page, appServer }) => {
    test.setTimeout(240_000);
    const app = new MapPage(page);
    const scoring = new ScoringPanel(page);
    const mcda = new McdaPanel(page, scoring);
    await app.open(appServer.url);
    await scoring.open();
    await scoring.rankAndWait();
    await expect(scoring.rows().first()).toHaveAttribute('data-rank', '1');
    await mcda.findSimilar('park-huaihua-etdz');
    const rows = mcda.similarTable().locator('tbody tr');
    await expect(rows).toHaveCount(20);
    await expect(mcda.similarTable().locator('tr[data-candidate="park-huaihua-etdz"]')).toHaveCount(0);
    const distances = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[2]?.textContent)));
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    await expect(rows.first().locator('.difference').first()).toBeVisible();
  });
});
