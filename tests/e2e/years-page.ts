/** Page object for issue 16's views: the scenario-year slider, the two-network comparison and its report, the OSM match review list. */
import { expect, type Page } from '@playwright/test';

export class YearsPage {
  constructor(readonly page: Page) {}

  readonly slider = () => this.page.getByTestId('year-slider');
  readonly range = () => this.page.getByTestId('year-range');
  readonly value = () => this.page.getByTestId('year-value');
  readonly closed = () => this.page.getByTestId('year-closed');
  readonly compare = () => this.page.getByTestId('year-compare');
  readonly table = () => this.page.getByTestId('rank-change-table');
  readonly rows = () => this.table().getByTestId('rank-change-row');
  readonly legend = () => this.page.getByTestId('time-saved-legend');
  readonly report = () => this.page.getByTestId('year-report');
  readonly matches = () => this.page.getByTestId('osm-matches');
  readonly match = (status: 'pending' | 'accepted' | 'rejected') =>
    this.matches().locator(`[data-testid="osm-match"][data-status="${status}"]`);

  /** The year the slider shows ('now': as the data stands). */
  async year(): Promise<string> {
    return (await this.value().getAttribute('data-year')) ?? '';
  }

  /** Back to "as the data stands", and waits until the server has it. */
  async reset(): Promise<void> {
    await this.page.getByTestId('year-now').click();
    await expect(this.value()).toHaveAttribute('data-year', 'now');
    await expect(this.page.getByTestId('year-network-label')).toContainText('按数据现状');
  }

  /** Compares two sides (a year or 'now' each) and waits for the table. */
  async compareYears(a: string, b: string): Promise<void> {
    await this.page.getByTestId('year-side-a-year').selectOption(a);
    await this.page.getByTestId('year-side-b-year').selectOption(b);
    await this.page.getByTestId('year-compare-run').click();
    await expect(this.page.getByTestId('year-compare-run')).not.toHaveAttribute('aria-busy', 'true', { timeout: 90_000 });
    await expect(this.page.getByTestId('year-compare-error')).toHaveCount(0);
  }
}
