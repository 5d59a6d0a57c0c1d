/**
 * Page object for the decision-analysis parts of the scoring panel (issue 17): the user's own
 * criteria and their join report, the value-function editor, the methods' own outputs, the
 * weighting modes, method agreement and similar parks. The tabs are opened through ScoringPanel.
 */
import type { Page } from '@playwright/test';
import type { ScoringPanel } from './scoring-panel.ts';

export class McdaPanel {
  constructor(
    readonly page: Page,
    readonly scoring: ScoringPanel,
  ) {}

  // The user's own criteria.
  readonly customList = () => this.page.getByTestId('custom-list');
  readonly customForm = () => this.page.getByTestId('custom-form');
  readonly joinReport = () => this.page.getByTestId('join-report');
  readonly joinSummary = () => this.page.getByTestId('join-summary');
  readonly customRow = (name: string) => this.customList().locator('tbody tr').filter({ hasText: name });

  async newCriterion(): Promise<void> {
    await this.scoring.results('criteria');
    await this.page.getByTestId('custom-new').click();
  }

  async suggest(id: 'land-price' | 'power-tariff' | 'incentives' | 'vacant-land' | 'factory-space'): Promise<void> {
    await this.page.getByTestId(`suggest-${id}`).click();
  }

  async describeSource(source: string, asOf: string): Promise<void> {
    await this.page.getByTestId('custom-source').fill(source);
    await this.page.getByTestId('custom-as-of').fill(asOf);
  }

  /** Values from a column of an imported layer, joined by `by`. */
  async fromLayer(layerId: string, column: string, by: 'catalogue-code' | 'name' | 'nearest'): Promise<void> {
    await this.page.getByTestId('custom-origin-layer').check();
    await this.page.getByTestId('custom-layer').selectOption(layerId);
    await this.page.getByTestId('custom-column').selectOption(column);
    await this.page.getByTestId('custom-join').selectOption(by);
  }

  async previewJoin(): Promise<void> {
    await this.page.getByTestId('custom-preview').click();
  }

  async saveCriterion(): Promise<void> {
    await this.page.getByTestId('custom-save').click();
  }

  /** The id of the criterion listed under `name`. */
  async criterionId(name: string): Promise<string> {
    return (await this.customRow(name).getAttribute('data-criterion')) ?? '';
  }

  async weighCriterion(id: string, percent: string): Promise<void> {
    await this.scoring.results('criteria');
    await this.page.getByTestId(`custom-weight-${id}`).fill(percent);
  }

  // Value functions.
  readonly editor = () => this.page.getByTestId('value-function-editor');
  readonly plot = () => this.page.getByTestId('vf-plot');
  readonly dots = () => this.plot().getByTestId('vf-dot');
  readonly handle = (i: number) => this.plot().getByTestId(`vf-handle-${i}`);

  async editValueFunction(criterion: string, kind: string): Promise<void> {
    await this.scoring.results('criteria');
    await this.page.getByTestId('vf-criterion').selectOption(criterion);
    await this.page.getByTestId('vf-kind').selectOption(kind);
  }

  async setParameter(name: string, value: string): Promise<void> {
    await this.editor().getByTestId(`vf-${name}`).fill(value);
  }

  // Methods.
  readonly detail = (method: 'owa' | 'promethee' | 'vikor' | 'electre') => this.page.getByTestId(`detail-${method}`);
  readonly methodUsed = () => this.page.getByTestId('method-used');

  // Weighting modes.
  async weighting(mode: 'sliders' | 'rank' | 'swing' | 'ahp'): Promise<void> {
    await this.scoring.inputs('weights');
    await this.page.getByTestId(`weighting-${mode}`).check();
  }

  // Method agreement.
  readonly agreementVerdict = () => this.page.getByTestId('agreement-verdict');
  readonly tauMatrix = () => this.page.getByTestId('tau-matrix');
  readonly agreementTable = () => this.page.getByTestId('agreement-table');

  async runAgreement(): Promise<void> {
    await this.scoring.results('agreement');
    await this.page.getByTestId('agreement-run').click();
  }

  // Similar parks.
  readonly similarTable = () => this.page.getByTestId('similar-table');

  async findSimilar(target: string): Promise<void> {
    await this.scoring.results('similar');
    await this.page.getByTestId('similar-target').selectOption(target);
    await this.page.getByTestId('similar-run').click();
  }
}
