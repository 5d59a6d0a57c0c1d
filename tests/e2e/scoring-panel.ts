/**
 * Page object for the scoring panel: the enterprise profile, method and weights, the ranking with
 * its explanation, the parks compared side by side, and the saved scenarios and project files.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class ScoringPanel {
  constructor(readonly page: Page) {}

  readonly toggle = () => this.page.getByTestId('scoring-toggle');
  readonly panel = () => this.page.getByTestId('scoring-panel');
  readonly results = () => this.page.locator('.scoring-results');
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
    await this.page.getByTestId('profile-preset').selectOption(industry);
  }

  async chooseSubline(subline: string): Promise<void> {
    await this.page.getByTestId('profile-subline').selectOption(subline);
  }

  async chooseMethod(method: 'wsm' | 'ahp' | 'topsis'): Promise<void> {
    await this.page.getByTestId('scoring-method').selectOption(method);
  }

  async choosePollution(level: 'low' | 'medium' | 'high'): Promise<void> {
    await this.page.getByTestId('profile-pollution').selectOption(level);
  }

  async limitInterchangeMinutes(minutes: string): Promise<void> {
    await this.page.getByTestId('limit-interchange').fill(minutes);
  }

  async setWeight(criterion: string, percent: string): Promise<void> {
    await this.page.getByTestId(`weight-${criterion}`).fill(percent);
  }

  /** An AHP judgement of `a` over `b` on Saaty's scale ("3", "1/9", …). */
  async judge(a: string, b: string, value: string): Promise<void> {
    await this.page.getByTestId(`ahp-${a}-${b}`).selectOption(value);
  }

  /**
   * Runs the ranking and waits for its table. The first ranking on a fresh server builds the
   * labour catchments (seconds on a loaded 2-core machine), hence the longer wait.
   */
  async rank(): Promise<void> {
    await this.page.getByTestId('run-ranking').click();
    await expect(this.rows().first()).toBeVisible({ timeout: 60_000 });
  }

  /** The ranked candidates' ids, best first. */
  async rankedIds(rows: Locator = this.rankedRows()): Promise<string[]> {
    return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate') ?? ''));
  }

  /** Names a new site and asks to place it: the next map click places it. */
  async startPlacingSite(name: string): Promise<void> {
    await this.page.getByTestId('site-name').fill(name);
    await this.page.getByTestId('add-site').click();
  }

  // Parks side by side.
  readonly comparison = () => this.page.getByTestId('comparison');
  readonly moveUp = () => this.page.getByTestId('move-up');

  async pickForComparison(id: string): Promise<void> {
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
    await this.page.getByTestId('scenario-name').fill(name);
    if (notes !== undefined) await this.page.getByTestId('scenario-notes').fill(notes);
    await this.page.getByTestId('scenario-save').click();
  }

  async duplicateScenario(): Promise<void> {
    await this.page.getByTestId('scenario-duplicate').click();
  }

  async chooseScenario(label: string): Promise<void> {
    await this.scenarioList().selectOption({ label });
  }

  async openScenario(label: string): Promise<void> {
    await this.chooseScenario(label);
    await this.page.getByTestId('scenario-open').click();
  }

  /** Puts the chosen scenario's ranking beside the one labelled `other`. */
  async compareScenarioWith(other: string): Promise<void> {
    await this.page.getByTestId('scenario-other').selectOption({ label: other });
    await this.page.getByTestId('scenario-compare').click();
  }

  async saveProject() {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('project-save').click();
    return download;
  }

  async openProject(path: string): Promise<void> {
    await this.page.getByTestId('project-file').setInputFiles(path);
  }
}
