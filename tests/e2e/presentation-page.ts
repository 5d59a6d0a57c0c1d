/**
 * Page object for trade-fair presentation mode: the setup dialog (contact, idle time, PIN, start),
 * the tour, quick-match, the brochure and the ways out.
 */
import type { Page } from '@playwright/test';

export class PresentationPage {
  constructor(readonly page: Page) {}

  readonly setup = () => this.page.getByTestId('present-setup');
  readonly setupMessage = () => this.setup().getByTestId('present-message');
  readonly presentation = () => this.page.getByTestId('presentation');
  readonly caption = () => this.page.getByTestId('tour-caption');
  readonly playButton = () => this.page.getByTestId('tour-play');
  readonly matchResults = () => this.page.getByTestId('match-results');
  readonly market = (id: string) => this.page.getByTestId(`market-${id}`);
  readonly brochure = () => this.page.getByTestId('brochure');
  readonly pinPad = () => this.page.getByTestId('pin-pad');

  async openSetup(): Promise<void> {
    await this.page.getByTestId('present-open').click();
  }

  async fillAgent(agent: { name: string; organisation: string; phone: string; email: string }): Promise<void> {
    for (const [field, value] of Object.entries(agent)) await this.setup().getByTestId(`agent-${field}`).fill(value);
  }

  async setIdleSeconds(seconds: string): Promise<void> {
    await this.setup().getByTestId('idle-setting').fill(seconds);
  }

  async setPin(pin: string): Promise<void> {
    await this.setup().getByTestId('pin-setting').fill(pin);
  }

  async saveSettings(): Promise<void> {
    await this.setup().getByTestId('present-settings-save').click();
  }

  async start(): Promise<void> {
    await this.setup().getByTestId('present-start').click();
  }

  async next(): Promise<void> {
    await this.page.getByTestId('tour-next').click();
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('present-language').click();
  }

  /** Opens quick-match from the tour, or goes back to the tour from it. */
  async toggleQuickMatch(): Promise<void> {
    await this.page.getByTestId('open-quick-match').click();
  }

  async chooseIndustry(id: string): Promise<void> {
    await this.page.getByTestId(`industry-${id}`).click();
  }

  async openBrochure(): Promise<void> {
    await this.page.getByTestId('open-brochure').click();
  }

  async closeBrochure(): Promise<void> {
    await this.page.getByTestId('brochure-close').click();
  }

  /** Asks to leave: the exit button (there when a PIN is set) opens the PIN pad. */
  async askToLeave(): Promise<void> {
    await this.page.getByTestId('present-exit').click();
  }

  async enterPin(pin: string): Promise<void> {
    await this.page.getByTestId('pin-input').fill(pin);
    await this.page.getByTestId('pin-ok').click();
  }
}
