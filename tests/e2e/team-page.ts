/** Page object for settings → team and its conflict dialog. */
import type { Page } from '@playwright/test';

export class TeamPage {
  constructor(readonly page: Page) {}

  readonly dialog = () => this.page.getByTestId('team-dialog');
  readonly status = () => this.page.getByTestId('team-status');
  readonly message = () => this.page.getByTestId('team-message');
  readonly log = () => this.page.getByTestId('team-log');
  readonly conflictDialog = () => this.page.getByTestId('conflict-dialog');
  readonly conflictTable = () => this.page.getByTestId('conflict-table');

  async open(): Promise<void> {
    await this.page.getByTestId('team-open').click();
    await this.dialog().waitFor();
  }

  async connect(server: { server: string; user: string; sslmode: string; caFile?: string }): Promise<void> {
    await this.page.getByTestId('team-server').fill(server.server);
    await this.page.getByTestId('team-user').fill(server.user);
    await this.page.getByTestId('team-sslmode').selectOption(server.sslmode);
    if (server.caFile) await this.page.getByTestId('team-ca').fill(server.caFile);
    await this.page.getByTestId('team-save').click();
  }

  push = () => this.page.getByTestId('team-push').click();
  pull = () => this.page.getByTestId('team-pull').click();
  keepMine = () => this.page.getByTestId('conflict-mine').click();

  async close(): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: /关闭|Close/ })
      .last()
      .click();
  }

  /** Calls the backend as the page does (for test data the UI would take many clicks to make). */
  api<T>(method: string, args: unknown = {}): Promise<T> {
    return this.page.evaluate(
      async ([m, a]) => {
        const r = await fetch(`./api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
        const e = (await r.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
        if (!e.ok) throw new Error(e.error?.message);
        return e.result;
      },
      [method, args] as const,
    ) as Promise<T>;
  }
}
