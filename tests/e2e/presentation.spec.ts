import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, RESULTS, test } from './fixtures.ts';
import { MapPage } from './map-page.ts';
import { PresentationPage } from './presentation-page.ts';
import { pdfFacts } from './report-page.ts';

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
    const present = new PresentationPage(page);
    await app.open(appServer.url);

    // Before the fair: contact, idle time, PIN.
    await present.openSetup();
    await present.fillAgent({ name: '李明', organisation: '示范区招商服务中心', phone: '+86 734 000 0000', email: 'invest@example.org' });
    await present.setIdleSeconds('10');
    await present.setPin('2468');
    await present.saveSettings();
    await expect(present.setupMessage()).toContainText('已保存');
    await present.start();

    // The tour, stop by stop; side panels hidden.
    const caption = present.caption();
    await expect(caption).toHaveAttribute('data-stop', '0');
    await expect(caption).toContainText('湘南湘西承接产业转移示范区');
    await expect(page.locator('.side-panel')).toBeHidden();
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'present-tour-zh.png') });
    const seen: string[] = [(await caption.textContent()) ?? ''];
    for (let i = 1; i < 9; i++) {
      await present.next();
      await expect(caption).toHaveAttribute('data-stop', String(i));
      if (i === 4) {
        // Language switch in the middle of the tour: the caption follows, the stop stays.
        await present.switchLanguage();
        await expect(caption).toContainText('Yongzhou');
        await expect(caption).toHaveAttribute('data-stop', '4');
        await app.settle();
        await page.screenshot({ path: join(RESULTS, 'present-tour-en.png') });
        await present.switchLanguage();
        await expect(caption).toContainText('永州');
      }
      seen.push((await caption.textContent()) ?? '');
    }
    expect(new Set(seen).size).toBe(9);
    await present.next();
    await expect(caption).toHaveAttribute('data-stop', '0');

    // Idle: stepping paused the tour; after the idle time it is back at the first stop and playing.
    await present.next();
    await present.next();
    await expect(caption).toHaveAttribute('data-stop', '2');
    await expect(present.playButton()).toHaveAttribute('data-playing', 'false');
    await expect(caption).toHaveAttribute('data-stop', '0', { timeout: 15_000 });
    await expect(present.playButton()).toHaveAttribute('data-playing', 'true');

    // Quick-match for two industries.
    await present.toggleQuickMatch();
    await present.chooseIndustry('equipment');
    const results = present.matchResults();
    await expect(results.locator(':scope > li')).toHaveCount(3);
    await expect(results.locator(':scope > li').first().locator('li')).toHaveCount(3);
    // Match levels read as words, not numbers.
    await expect(results).not.toContainText('产业匹配: 0.6');
    const equipment = await results.locator(':scope > li strong').allTextContents();
    await present.chooseIndustry('next-gen-it');
    await present.market('asean').click();
    await expect(present.market('asean')).toHaveAttribute('aria-pressed', 'true');
    await expect(results.locator(':scope > li')).toHaveCount(3);
    await app.settle();
    await page.screenshot({ path: join(RESULTS, 'present-match-zh.png') });
    const it = await results.locator(':scope > li strong').allTextContents();
    expect(it).toHaveLength(3);
    expect(equipment).toHaveLength(3);

    // Brochure: one page with the three parks, their times, the contact and its QR code.
    await present.openBrochure();
    const brochure = present.brochure();
    await expect(brochure.locator('.brochure-parks > li')).toHaveCount(3);
    await expect(brochure.getByTestId('brochure-agent')).toContainText('李明');
    await expect(brochure.getByTestId('brochure-qr')).toBeVisible();
    await expect(brochure.locator('.brochure-times strong').first()).toContainText('分钟');
    await page.screenshot({ path: join(RESULTS, 'brochure-zh.png') });
    const pdf = join(RESULTS, 'brochure-zh.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const facts = pdfFacts(pdf, false);
    expect(facts.pages).toBe(1);
    const text = facts.text.replace(/\s+/g, '');
    for (const name of it) expect(text).toContain(name.replace(/\s+/g, ''));
    expect(text).toContain('李明');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(RESULTS, 'brochure-zh-page1')]);
    await present.closeBrochure();
    await present.toggleQuickMatch();

    // Leaving: a wrong PIN keeps it running; the right one leaves and brings the panels back.
    await present.askToLeave();
    await present.enterPin('1111');
    await expect(present.pinPad()).toContainText('PIN 不正确');
    await expect(present.presentation()).toBeVisible();
    await present.enterPin('2468');
    await expect(present.presentation()).toHaveCount(0);
    await expect(page.locator('.side-panel')).toBeVisible();

    // The key combination leaves too.
    await present.openSetup();
    await present.start();
    await expect(present.presentation()).toBeVisible();
    await page.keyboard.press('Control+Shift+X');
    await expect(present.presentation()).toHaveCount(0);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
