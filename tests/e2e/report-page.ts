/** Page object for the reports: the printable report view and the Excel file. */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';

export class ReportPage {
  constructor(readonly page: Page) {}

  readonly report = () => this.page.getByTestId('report');
  readonly rankingRows = () => this.report().getByTestId('report-ranking').locator('tbody tr');
  readonly siteNames = () => this.report().getByTestId('report-ranking').locator('tbody tr td:nth-child(2)');
  readonly mapImage = () => this.report().locator('.report-map img');
  readonly stabilityChart = () => this.report().getByTestId('stability-chart');

  /** The report buttons sit in the scoring panel's "scenarios and reports" tab. */
  private async reportsTab(): Promise<void> {
    await this.page.getByTestId('inputs-tab-scenarios').click();
  }

  async open(): Promise<void> {
    await this.reportsTab();
    await this.page.getByTestId('report-pdf').click();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('report-close').click();
  }

  /** Downloads the Excel report and resolves its path. */
  async exportExcel(): Promise<string> {
    await this.reportsTab();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('report-xlsx').click();
    return (await download).path();
  }

  /** Prints the page as Chromium does through the print stylesheet, A4 with backgrounds. */
  async printPdf(path: string): Promise<void> {
    await this.page.pdf({ path, format: 'A4', printBackground: true });
  }
}

/** A PDF's text and page count, through poppler (pdftotext, pdfinfo). */
export function pdfFacts(file: string, layout = true): { text: string; pages: number } {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, pages };
}
