/**
 * Page object for bringing your own data: the import dialog (file, preview, evidence, problems,
 * start) and the imported layers it adds to the layer panel (export, delete).
 */
import type { Page } from '@playwright/test';

export class ImportDialog {
  constructor(readonly page: Page) {}

  readonly dialog = () => this.page.getByTestId('import-dialog');
  readonly preview = () => this.dialog().getByTestId('import-preview');
  readonly evidence = () => this.dialog().getByTestId('import-evidence');
  readonly problems = () => this.dialog().getByTestId('import-problems');
  readonly error = () => this.dialog().getByTestId('import-error');
  readonly startButton = () => this.dialog().getByTestId('import-start');
  /** The user's layers in the panel, oldest first. */
  readonly userLayers = () => this.page.getByTestId('user-layers').locator('.layer-row');
  readonly layerRow = (id: string) => this.page.locator(`.layer-row[data-layer-id="${id}"]`);

  async open(): Promise<void> {
    await this.page.getByTestId('open-import').click();
  }

  async chooseFile(path: string): Promise<void> {
    await this.dialog().getByTestId('import-file').setInputFiles(path);
  }

  async nameLayer(name: string): Promise<void> {
    await this.dialog().getByTestId('import-name').fill(name);
  }

  /** What the layer is for: ranked candidates (the default for points), competitors, facilities or reference. */
  async chooseRole(role: 'candidates' | 'competitors' | 'facilities' | 'reference'): Promise<void> {
    await this.dialog().getByTestId('import-role').selectOption(role);
  }

  async start(): Promise<void> {
    await this.startButton().click();
  }

  /** Exports a user layer and resolves the downloaded file's path. */
  async exportLayer(id: string, format: 'geojson' | 'csv' | 'xlsx' | 'kml'): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`export-${id}`).selectOption(format);
    return (await download).path();
  }

  /** Deletes a user layer (the button asks once more, so it is pressed twice). */
  async deleteLayer(id: string): Promise<void> {
    await this.page.getByTestId(`delete-${id}`).click();
    await this.page.getByTestId(`delete-${id}`).click();
  }
}
