/**
 * Issue 20 end to end: two browser editions (two agents, two data folders) against one throwaway
 * team server database on the local PostgreSQL (team20_<random>, dropped afterwards). One pushes a
 * layer and a site, the other pulls them and sees the author; both change one scenario, and the
 * second sees both versions side by side and chooses. Passwords come from a ~/.pgpass-style file
 * (PGPASSFILE), as the browser edition keeps none. Skips, naming why, without PostgreSQL.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamServer, TEST_CA, teamServerUnavailable, tlsUnavailable, type TeamServer } from '../../electron/testing/team-server.ts';
import { expect, RESULTS, ROOT, startWebEdition, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';
import { TeamPage } from './team-page.ts';

const unavailable = teamServerUnavailable() ?? tlsUnavailable();

test.describe('team workspace', () => {
  test.skip(unavailable !== null, `no team server here: ${unavailable}`);
  let server: TeamServer;
  let work: string;
  const editions: { url: string; child: ChildProcess }[] = [];
  const names = { alice: '', bob: '' };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = createTeamServer();
    work = mkdtempSync(join(tmpdir(), 'siteselect-e2e-team-'));
    const alice = server.login('alice');
    const bob = server.login('bob');
    names.alice = alice.name;
    names.bob = bob.name;
    const pgpass = join(work, 'pgpass');
    writeFileSync(pgpass, [server.admin, alice, bob].map((l) => `127.0.0.1:5432:${server.db}:${l.name}:${l.password}`).join('\n') + '\n');
    chmodSync(pgpass, 0o600);
    // The admin sets the server up with the CLI, as the README says.
    const init = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/siteselect.mjs'), 'team', 'init', '--server', server.url(server.admin), '--data-dir', join(work, 'admin')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PGPASSFILE: pgpass } },
    );
    expect(init.status, init.stderr).toBe(0);
    server.grant(alice, 'siteselect_editor');
    server.grant(bob, 'siteselect_editor');
    // The web editions inherit PGPASSFILE: that is where their passwords come from.
    process.env['PGPASSFILE'] = pgpass;
    for (const who of ['a', 'b']) editions.push(await startWebEdition(join(work, who)));
  });

  test.afterAll(() => {
    for (const e of editions) e.child.kill('SIGTERM');
    delete process.env['PGPASSFILE'];
    server?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('one agent pushes, the other pulls with the author shown; a conflict is shown side by side and resolved', async ({ browser }) => {
    test.setTimeout(180_000);
    const [a, b] = await Promise.all([browser.newPage(), browser.newPage()]);
    const alice = new TeamPage(a);
    const bob = new TeamPage(b);
    await new MapPage(a).open(editions[0]?.url ?? '');
    await new MapPage(b).open(editions[1]?.url ?? '');
    const at = { server: `postgresql://127.0.0.1:5432/${server.db}`, sslmode: 'verify-full', caFile: TEST_CA };

    // Alice connects over TLS (verified against the CA), her password read from the password file.
    await alice.open();
    await alice.connect({ ...at, user: names.alice });
    await expect(alice.message()).toContainText(`已连接：${names.alice}（编辑者）`);
    await expect(alice.status()).toContainText('TLS 已开启');
    await expect(a.getByTestId('team-password-note')).toContainText('~/.pgpass');
    await a.screenshot({ path: join(RESULTS, 'team-settings-zh.png') });

    // Her imports and a candidate site, pushed.
    const csv = Buffer.from('名称,经度,纬度\n衡阳线索,112.57,26.89\n郴州线索,113.02,25.78\n').toString('base64');
    const { jobId } = await alice.api<{ jobId: string }>('startImport', {
      name: 'leads.csv',
      dataBase64: csv,
      layerName: '招商线索',
      role: 'reference',
      crs: 'wgs84',
    });
    await expect.poll(async () => (await alice.api<{ status: string }>('importStatus', { jobId })).status).toBe('done');
    const site = await alice.api<{ id: string }>('addCandidateSite', { name: '白沙洲地块', position: [112.6, 26.85] });
    await alice.push();
    await expect(alice.message()).toContainText('已推送 2 条记录');
    await expect(alice.log()).toContainText(names.alice);

    // Bob pulls: the layer is in his "My data" with Alice as its author, the site among his.
    await bob.open();
    await bob.connect({ ...at, user: names.bob });
    await expect(bob.message()).toContainText(`已连接：${names.bob}`);
    await bob.pull();
    await expect(bob.message()).toContainText('已拉取 2 条记录');
    await bob.close();
    const row = b.locator('.user-layer', { hasText: '' }).filter({ has: b.locator('input.rename[value="招商线索"]') });
    await expect(row).toHaveAttribute('data-count', '2');
    await expect(row.locator('.tag.author')).toHaveText(`来自 ${names.alice}`);
    expect((await bob.api<{ id: string }[]>('listCandidateSites')).map((s) => s.id)).toContain(site.id);

    // One scenario, changed by both.
    const presets = await alice.api<{ profile: unknown }[]>('profilePresets');
    const plan = await alice.api<{ id: string }>('saveScenario', { name: '电子信息方案', payload: { profile: presets[0]?.profile } });
    await alice.push();
    await expect(alice.message()).toContainText('已推送 1 条记录');
    await bob.open();
    await bob.pull();
    await expect(bob.message()).toContainText('已拉取 1 条记录');
    await alice.api('renameScenario', { id: plan.id, name: '电子信息方案（衡阳）', notes: '先定衡阳' });
    await alice.push();
    await expect(alice.message()).toContainText('已推送 1 条记录');
    await bob.api('renameScenario', { id: plan.id, name: '电子信息方案（郴州）', notes: '郴州更近粤港澳' });
    await bob.push();
    // Bob's push is refused whole; he sees both versions, field by field.
    await expect(bob.conflictDialog()).toBeVisible();
    const nameRow = bob.conflictTable().locator('tr[data-field="name"]');
    await expect(nameRow).toHaveClass(/differs/);
    // Field names in the reader's language.
    await expect(nameRow.locator('th')).toHaveText('名称');
    await expect(nameRow.locator('[data-side="mine"]')).toHaveText('电子信息方案（郴州）');
    await expect(nameRow.locator('[data-side="theirs"]')).toHaveText('电子信息方案（衡阳）');
    await expect(bob.conflictTable()).toContainText(names.alice);
    await b.screenshot({ path: join(RESULTS, 'team-conflict-zh.png') });
    await bob.keepMine();
    await expect(bob.conflictDialog()).toBeHidden();
    await expect(bob.log()).toContainText('处理冲突');
    await expect(bob.log()).toContainText('保留自己的版本');
    expect(server.sql(`SELECT version, record->>'name' FROM team.scenarios WHERE id = '${plan.id}'`)).toEqual([
      ['3', '电子信息方案（郴州）'],
    ]);

    // Alice pulls Bob's choice.
    await alice.pull();
    await expect(alice.message()).toContainText('已拉取 1 条记录');
    expect((await alice.api<{ id: string; name: string }[]>('listScenarios')).find((s) => s.id === plan.id)?.name).toBe(
      '电子信息方案（郴州）',
    );
    await Promise.all([a.close(), b.close()]);
  });
});
