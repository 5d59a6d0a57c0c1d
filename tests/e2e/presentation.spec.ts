import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, RESULTS, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';

test.describe('trade-fair presentation mode', () => {
  test('plays the default tour, switches language mid-tour, matches two industries, prints a brochure, and leaves only with the PIN', async ({
    page,
    appServer,
  }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} at ${JSON.stringify(m.location())}`));
    page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
    // Offline at the fair: nothing may leave the machine, on any screen of the mode.
    const outside: string[] = [];
    page.on(
      'request',
      (r) => !r.url().startsWith(appServer.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && outside.push(r.url()),
    );
    const app = new MapPage(page);
    await app.open(appServer.url);

    // Before the fair: contact, idle time, PIN.
    await page.getByTestId('present-open').click();
    const setup = page.getByTestId('present-setup');
    await setup.getByTestId('agent-name').fill('李明');
    await setup.getByTestId('agent-organisation').fill('示范区招商服务中心');
    await setup.getByTestId('agent-phone').fill('+86 734 000 0000');
    await setup.getByTestId('agent-email').fill('invest@example.org');
    await setup.getByTestId('idle-setting').fill('10');
    await setup.getByTestId('pin-setting').fill('2468');
    await setup.getByTestId('present-settings-save').click();
    await expect(setup.getByTestId('present-message')).toContainText('已保存');
    await setup.getByTestId('present-start').click();

    // The tour, stop by stop; side panels hidden.
    const caption = page.getByTestId('tour-caption');
    await expect(caption).toHaveAttribute('data-stop', '0');
    await expect(caption).toContainText('湘南湘西承接产业转移示范区');
    await expect(page.locator('.side-panel')).toBeHidden();
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'present-tour-zh.png') });
    const seen: string[] = [(await caption.textContent()) ?? ''];
    for (let i = 1; i < 9; i++) {
      await page.getByTestId('tour-next').click();
      await expect(caption).toHaveAttribute('data-stop', String(i));
      if (i === 4) {
        // Language switch in the middle of the tour: the caption follows, the stop stays.
        await page.getByTestId('present-language').click();
        await expect(caption).toContainText('Yongzhou');
        await expect(caption).toHaveAttribute('data-stop', '4');
        await app.settle();
        await page.screenshot({ path: join(RESULTS, 'present-tour-en.png') });
        await page.getByTestId('present-language').click();
        await expect(caption).toContainText('永州');
      }
      seen.push((await caption.textContent()) ?? '');
    }
    expect(new Set(seen).size).toBe(9);
    await page.getByTestId('tour-next').click();
    await expect(caption).toHaveAttribute('data-stop', '0');

    // Idle: stepping paused the tour; after the idle time it is back at the first stop and playing.
    await page.getByTestId('tour-next').click();
    await page.getByTestId('tour-next').click();
    await expect(caption).toHaveAttribute('data-stop', '2');
    await expect(page.getByTestId('tour-play')).toHaveAttribute('data-playing', 'false');
    await expect(caption).toHaveAttribute('data-stop', '0', { timeout: 15_000 });
    await expect(page.getByTestId('tour-play')).toHaveAttribute('data-playing', 'true');

    // Quick-match for two industries.
    await page.getByTestId('open-quick-match').click();
    await page.getByTestId('industry-equipment').click();
    const results = page.getByTestId('match-results');
    await expect(results.locator(':scope > li')).toHaveCount(3);
    await expect(results.locator(':scope > li').first().locator('li')).toHaveCount(3);
    // Match levels read as words, not numbers.
    await expect(results).not.toContainText('产业匹配: 0.6');
    const equipment = await results.locator(':scope > li strong').allTextContents();
    await page.getByTestId('industry-next-gen-it').click();
    await page.getByTestId('market-asean').click();
    await expect(page.getByTestId('market-asean')).toHaveAttribute('aria-pressed', 'true');
    await expect(results.locator(':scope > li')).toHaveCount(3);
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'present-match-zh.png') });
    const it = await results.locator(':scope > li strong').allTextContents();
    expect(it).toHaveLength(3);
    expect(equipment).toHaveLength(3);

    // Brochure: one page with the three parks, their times, the contact and its QR code.
    await page.getByTestId('open-brochure').click();
    const brochure = page.getByTestId('brochure');
    await expect(brochure.locator('.brochure-parks > li')).toHaveCount(3);
    await expect(brochure.getByTestId('brochure-agent')).toContainText('李明');
    await expect(brochure.getByTestId('brochure-qr')).toBeVisible();
    await expect(brochure.locator('.brochure-times strong').first()).toContainText('分钟');
    await page.screenshot({ path: join(RESULTS, 'brochure-zh.png') });
    const pdf = join(RESULTS, 'brochure-zh.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])).toBe(1);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const name of it) expect(text).toContain(name.replace(/\s+/g, ''));
    expect(text).toContain('李明');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(RESULTS, 'brochure-zh-page1')]);
    await page.getByTestId('brochure-close').click();
    await page.getByTestId('open-quick-match').click();

    // Leaving: a wrong PIN keeps it running; the right one leaves and brings the panels back.
    await page.getByTestId('present-exit').click();
    await page.getByTestId('pin-input').fill('1111');
    await page.getByTestId('pin-ok').click();
    await expect(page.getByTestId('pin-pad')).toContainText('PIN 不正确');
    await expect(page.getByTestId('presentation')).toBeVisible();
    await page.getByTestId('pin-input').fill('2468');
    await page.getByTestId('pin-ok').click();
    await expect(page.getByTestId('presentation')).toHaveCount(0);
    await expect(page.locator('.side-panel')).toBeVisible();

    // The key combination leaves too.
    await page.getByTestId('present-open').click();
    await page.getByTestId('present-setup').getByTestId('present-start').click();
    await expect(page.getByTestId('presentation')).toBeVisible();
    await page.keyboard.press('Control+Shift+X');
    await expect(page.getByTestId('presentation')).toHaveCount(0);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
