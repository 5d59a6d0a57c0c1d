/**
 * Page object for the scoring panel: the enterprise profile, method and weights, the ranking with
 * its explanation, the parks compared side by side, and the saved scenarios and project files.
 * The inputs sit in tabs (profile, method, weights, scenarios and reports) and the results in
 * tabs (ranking, criteria, agreement, similar parks, comparison): each step opens its tab first.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type InputsTab = 'profile' | 'method' | 'weights' | 'scenarios';
export type ResultsTab = 'ranking' | 'criteria' | 'agreement' | 'similar' | 'compare';

export class ScoringPanel {
  constructor(readonly page: Page) {}

  /** Opens one of the inputs' tabs (a no-op when it is open). */
  async inputs(tab: InputsTab): Promise<void> {
    await this.page.getByTestId(`inputs-tab-${tab}`).click();
  }

  /** Opens one of the results' tabs. */
  async results(tab: ResultsTab): Promise<void> {
    await this.page.getByTestId(`results-tab-${tab}`).click();
  }

  readonly toggle = () => this.page.getByTestId('scoring-toggle');
  readonly panel = () => this.page.getByTestId('scoring-panel');
  readonly resultsPane = () => this.page.locator('.scoring-results');
  readonly table = () => this.page.getByTestId('ranking-table');
  readonly rows = () => this.table().locator('tbody tr');
  /** Rows of ranked candidates (excluded ones have an empty rank). */
  readonly rankedRows = () => this.table().locator('tbody tr[data-rank]:not([data-rank=""])');
  readonly excludedRows = () => this.table().locator('tbody tr.excluded');
  readonly row = (name: string) => this.rows().filter({ hasText: name });
  readonly candidateName = (id: string) => this.table().locator(`tr[data-candidate="${id}"] button.link`);
  readonly weightsTotal = () => this.page.getByTestId('weights-total');
  readonly explanation = () => this.page.getByTestId('explanation');
  readonly exclusions = () => this.page.getByTestId('exclusion');
  readonly profileFlag = () => this.page.getByTestId('profile-flag');
  readonly sensitivity = () => this.page.getByTestId('sensitivity');
  readonly stabilityChart = () => this.page.getByTestId('stability-chart');
  readonly ahpConsistency = () => this.page.getByTestId('ahp-consistency');
  readonly ahpWorstPair = () => this.page.getByTestId('ahp-worst-pair');
  readonly placingBanner = () => this.page.getByTestId('placing-banner');

  async open(): Promise<void> {
    await this.toggle().click();
  }

  async choosePreset(industry: string): Promise<void> {
    await this.inputs('profile');
    await this.page.getByTestId('profile-preset').selectOption(industry);
  }

  async chooseSubline(subline: string): Promise<void> {
    await this.inputs('profile');
    await this.page.getByTestId('profile-subline').selectOption(subline);
  }

  async chooseMethod(method: 'wsm' | 'ahp' | 'topsis' | 'owa' | 'promethee' | 'vikor' | 'electre'): Promise<void> {
    await this.inputs('method');
    await this.page.getByTestId('scoring-method').selectOption(method);
  }

  async choosePollution(level: 'low' | 'medium' | 'high'): Promise<void> {
    await this.inputs('profile');
    await this.page.getByTestId('profile-pollution').selectOption(level);
  }

  async limitInterchangeMinutes(minutes: string): Promise<void> {
    await this.inputs('profile');
    await this.page.getByTestId('limit-interchange').fill(minutes);
  }

  async setWeight(criterion: string, percent: string): Promise<void> {
    await this.inputs('weights');
    await this.page.getByTestId('weighting-sliders').check();
    await this.page.getByTestId(`weight-${criterion}`).fill(percent);
  }

  /** An AHP judgement of `a` over `b` on Saaty's scale ("3", "1/9", …), in the method's editor. */
  async judge(a: string, b: string, value: string): Promise<void> {
    await this.inputs('method');
    await this.page.getByTestId(`ahp-${a}-${b}`).selectOption(value);
  }

  /**
   * Runs the ranking and waits for its table. The first ranking on a fresh server builds the
   * labour catchments (seconds on a loaded 2-core machine), hence the longer wait.
   */
  /** The app opened at `url` (through `app`), this panel opened, `preset` chosen and ranked: where many tests start. */
  async openAndRank(app: { open(url: string): Promise<void> }, url: string, preset: string): Promise<void> {
    await app.open(url);
    await this.open();
    await this.choosePreset(preset);
    await this.rank();
  }

  async rank(): Promise<void> {
    await this.page.getByTestId('run-ranking').click();
    await expect(this.rows().first()).toBeVisible({ timeout: 60_000 });
  }

  /**
   * Ranks and waits for the answer (the panel counts finished rankings). The first ranking after
   * the server starts computes every site's travel times and can take many seconds on a busy machine.
   */
  async rankAndWait(timeout = 90_000): Promise<void> {
    const done = Number((await this.panel().getAttribute('data-rankings')) ?? '0');
    // Not rank(): the ranking table is hidden while another results tab (criteria, agreement) is open.
    await this.page.getByTestId('run-ranking').click();
    await this.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="scoring-panel"]')?.getAttribute('data-rankings') ?? '0') > n,
      done,
      { timeout },
    );
    // A failed ranking also counts as finished: say why rather than time out on the table.
    await expect(this.page.getByTestId('scoring-error')).toHaveCount(0);
  }

  /** The ranked candidates' ids, best first. */
  async rankedIds(rows: Locator = this.rankedRows()): Promise<string[]> {
    return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate') ?? ''));
  }

  /** Names a new site and asks to place it: the next map click places it. */
  async startPlacingSite(name: string): Promise<void> {
    await this.inputs('profile');
    await this.page.getByTestId('site-name').fill(name);
    await this.page.getByTestId('add-site').click();
  }

  // Parks side by side.
  readonly comparison = () => this.page.getByTestId('comparison');
  readonly moveUp = () => this.page.getByTestId('move-up');

  async pickForComparison(id: string): Promise<void> {
    await this.results('ranking');
    await this.page.getByTestId(`compare-pick-${id}`).check();
  }

  async openComparison(): Promise<void> {
    await this.page.getByTestId('compare-open').click();
  }

  async chooseOwnPark(id: string): Promise<void> {
    await this.page.getByTestId('compare-own').selectOption(id);
  }

  async backToRanking(): Promise<void> {
    await this.page.getByTestId('compare-back').click();
  }

  // Scenarios and project files.
  readonly scenarioMessage = () => this.page.getByTestId('scenario-message');
  readonly scenarioList = () => this.page.getByTestId('scenario-list');
  readonly scenarioDiff = () => this.page.getByTestId('scenario-diff');

  async saveScenario(name: string, notes?: string): Promise<void> {
    await this.inputs('scenarios');
    await this.page.getByTestId('scenario-name').fill(name);
    if (notes !== undefined) await this.page.getByTestId('scenario-notes').fill(notes);
    await this.page.getByTestId('scenario-save').click();
  }

  async duplicateScenario(): Promise<void> {
    await this.inputs('scenarios');
    await this.page.getByTestId('scenario-duplicate').click();
  }

  async chooseScenario(label: string): Promise<void> {
    await this.inputs('scenarios');
    await this.scenarioList().selectOption({ label });
  }

  async openScenario(label: string): Promise<void> {
    await this.chooseScenario(label);
    await this.page.getByTestId('scenario-open').click();
  }

  /** Puts the chosen scenario's ranking beside the one labelled `other`. */
  async compareScenarioWith(other: string): Promise<void> {
    await this.inputs('scenarios');
    await this.page.getByTestId('scenario-other').selectOption({ label: other });
    await this.page.getByTestId('scenario-compare').click();
  }

  async saveProject() {
    await this.inputs('scenarios');
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('project-save').click();
    return download;
  }

  async openProject(path: string): Promise<void> {
    await this.inputs('scenarios');
    await this.page.getByTestId('project-file').setInputFiles(path);
  }
}
