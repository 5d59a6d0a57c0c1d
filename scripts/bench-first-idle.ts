/**
 * Issue 19's figures for `npm run bench`:
 * - the yardstick: ../shared/bench/first-idle.mjs, which measures this browser edition and a plain
 *   Vite + React + MapLibre reference page alternately from `page.goto` to the first map idle, and
 *   prints both medians and their ratio (target ≤ 0.6);
 * - where the app's first idle goes: the renderer's performance marks, map render passes, and the CPU
 *   each Chromium process spent (read from /proc, so it holds on a busy machine where wall time does not);
 * - interactions, p50 and p95, timed in the page from the input event to the first frame showing
 *   the result (Playwright's `raf` polling): map click → travel-time card, weight slider + rank →
 *   re-ranked table, layer toggle, opening the scoring panel, switching language.
 * BENCH_ONLY=first-idle runs only this part (scripts/bench.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

const median = (values: number[]) => quantile(values, 0.5);

/** Nearest-rank quantile (no interpolation: every figure printed is one that was measured). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** The shared yardstick: FIRST_IDLE_SCRIPT, or ../shared/bench/first-idle.mjs from the project or its parents. */
function yardstickPath(root: string): string | null {
  if (process.env['FIRST_IDLE_SCRIPT']) return process.env['FIRST_IDLE_SCRIPT'];
  for (let dir = resolve(root); ; dir = resolve(dir, '..')) {
    const candidate = join(dir, '..', 'shared', 'bench', 'first-idle.mjs');
    if (existsSync(candidate)) return candidate;
    if (dir === resolve(dir, '..')) return null;
  }
}

interface YardstickResult {
  app: { runs: number[]; median: number };
  reference: { runs: number[]; median: number };
  ratio: number;
  offsite: string[];
  errors: string[];
}

/**
 * Runs the yardstick against `appUrl` (it builds and serves the reference page itself). Not
 * spawnSync: the browser edition under test is served by this very process.
 */
export async function runYardstick(root: string, appUrl: string, runs: number): Promise<YardstickResult | null> {
  const script = yardstickPath(root);
  if (!script) {
    console.log('first idle vs the reference page: skipped (../shared/bench/first-idle.mjs not found; set FIRST_IDLE_SCRIPT)');
    return null;
  }
  const child = spawn(process.execPath, [script, appUrl, String(runs)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const line = stdout.trim().split('\n').pop() ?? '';
  if (status !== 0 || !line.startsWith('{')) {
    console.log(`first idle vs the reference page: yardstick failed (exit ${status}): ${stderr.slice(-500)}`);
    return null;
  }
  const r = JSON.parse(line) as YardstickResult;
  console.log(
    `first map idle from page.goto, alternating with the reference page (${runs} runs each): app median ${r.app.median} ms [${r.app.runs.join(', ')}], reference median ${r.reference.median} ms [${r.reference.runs.join(', ')}]; ratio ${r.ratio} (target ≤ 0.6)${r.offsite.length ? `; OFFSITE REQUESTS: ${r.offsite.join(' ')}` : ''}${r.errors.length ? `; page errors: ${r.errors.join(' | ')}` : ''}`,
  );
  return r;
}

/** CPU seconds used so far by each Chromium process under this one, by process type (Linux /proc; empty elsewhere). */
function chromiumCpu(): Record<string, number> {
  if (!existsSync('/proc/self/stat')) return {};
  const children = new Map<number, number[]>();
  const stats = new Map<number, string[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = st.slice(st.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), fields);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: Record<string, number> = {};
  const queue = [...(children.get(process.pid) ?? [])];
  const ticks = 100; // USER_HZ on Linux
  while (queue.length) {
    const pid = queue.pop() as number;
    queue.push(...(children.get(pid) ?? []));
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chrom')) continue;
      // The top-chrome renderer is Chromium's own UI, present whatever the page is.
      const type = (/--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser') + (cmd.includes('top-chrome') ? ' (browser UI)' : '');
      const f = stats.get(pid);
      if (f) out[type] = (out[type] ?? 0) + (Number(f[11]) + Number(f[12])) / ticks;
    } catch {
      // gone
    }
  }
  return out;
}

const MARKS = [
  'siteselect:map-created',
  'siteselect:style-load',
  'siteselect:first-view-loaded',
  'siteselect:map-load',
  'siteselect:first-map-idle',
];

/** Where the first idle goes, over `runs` cold contexts: marks, frames, API, and CPU per Chromium process. */
export async function firstIdleBreakdown(browser: Browser, url: string, runs: number): Promise<void> {
  const rows: Record<string, number[]> = {};
  const add = (k: string, v: number) => (rows[k] ??= []).push(v);
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    // Counts the map's frames from its creation (the e2e handle appears as soon as the map exists).
    await context.addInitScript(() => {
      const w = window as unknown as { __frames: number; __siteselectMap?: { on(e: string, f: () => void): void } };
      w.__frames = 0;
      const poll = setInterval(() => {
        if (!w.__siteselectMap) return;
        clearInterval(poll);
        w.__siteselectMap.on('render', () => (w.__frames += 1));
      }, 2);
    });
    const page = await context.newPage();
    const cpu0 = chromiumCpu();
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    add('wall from goto', Date.now() - t0);
    const cpu1 = chromiumCpu();
    for (const [type, s] of Object.entries(cpu1)) add(`cpu ${type}`, (s - (cpu0[type] ?? 0)) * 1000);
    const t = await page.evaluate((marks) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const api = res.filter((r) => r.name.includes('/api/'));
      const main = res.find((r) => /\/assets\/index-[^/]+\.js$/.test(r.name));
      return {
        marks: marks.map((m) => performance.getEntriesByName(m)[0]?.startTime ?? Number.NaN),
        dcl: nav.domContentLoadedEventEnd,
        mainScript: main?.responseEnd ?? Number.NaN,
        firstApi: Math.min(...api.map((r) => r.startTime)),
        lastApi: Math.max(...api.map((r) => r.responseEnd)),
        frames: (window as unknown as { __frames: number }).__frames,
      };
    }, MARKS);
    add('main script received', t.mainScript);
    add('DOMContentLoaded (main chunk evaluated)', t.dcl);
    add('first API call sent', t.firstApi);
    add('last first-view API response', t.lastApi);
    MARKS.forEach((m, j) => add(m.replace('siteselect:', 'mark '), t.marks[j] ?? Number.NaN));
    // MapLibre render passes; only the last, the complete view, is painted (map-view.tsx).
    add('map render passes to first idle', t.frames);
    await context.close();
  }
  console.log(`first idle breakdown (median of ${runs} cold runs; ms from navigation start unless noted):`);
  for (const [k, v] of Object.entries(rows))
    console.log(`  ${k.padEnd(42)} ${median(v).toFixed(0)}${k.startsWith('cpu') ? ' ms CPU' : ''}`);
}

/**
 * Runs `act`, then checks `done` (a page predicate) in every animation frame; returns ms from the
 * first input event `act` caused to the end of the first frame in which `done` holds: the first task
 * after it, so the frame's paint and its commit (with a WebGL canvas's read-back under software
 * compositing, often the longest part) are counted, and nothing later is.
 */
type Arg = string | number | null;
async function timed(page: Page, act: () => Promise<unknown>, done: (arg: Arg) => boolean, arg: Arg): Promise<number> {
  // A string, not a function (tsx would wrap a named inner function in a helper the page lacks):
  // evaluated over the DevTools protocol, so the app's CSP (no 'unsafe-eval') does not apply.
  await page.evaluate(`(() => {
    const t = (window.__t = { start: NaN, end: NaN });
    for (const type of ['pointerdown', 'mousedown', 'input', 'click', 'keydown'])
      document.addEventListener(type, (e) => { if (Number.isNaN(t.start)) t.start = e.timeStamp; }, { capture: true, once: true });
    const done = (${done.toString()});
    const arg = ${JSON.stringify(arg)};
    const frame = () => {
      if (!Number.isNaN(t.start) && done(arg)) {
        const after = new MessageChannel();
        after.port1.onmessage = () => { t.end = performance.now(); };
        after.port2.postMessage(null);
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
  await act();
  // A function, not a string: the app's CSP has no 'unsafe-eval'.
  await page.waitForFunction(() => !Number.isNaN((window as unknown as { __t: { end: number } }).__t.end), null, {
    polling: 50,
    timeout: 30_000,
  });
  return page.evaluate(() => {
    const t = (window as unknown as { __t: { start: number; end: number } }).__t;
    return t.end - t.start;
  });
}

function report(name: string, times: number[], target: number): void {
  const p50 = quantile(times, 0.5);
  const p95 = quantile(times, 0.95);
  console.log(
    `  ${name.padEnd(46)} p50 ${p50.toFixed(0).padStart(5)} ms, p95 ${p95.toFixed(0).padStart(5)} ms over ${times.length} (target ≤ ${target} ms${p95 <= target ? '' : p50 <= target ? '; p95 misses' : '; MISSES'})`,
  );
}

type MapHandle = { project(p: [number, number]): { x: number; y: number }; getLayoutProperty(layer: string, prop: string): unknown };

/** The five interactions of issue 19, each repeated `runs` times in one warm page (the scoring panel's first opening too, cold). */
export async function interactionBench(browser: Browser, url: string, runs: number): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
  console.log('interactions (from the input event to the end of the first frame showing the result):');

  // Map click on an empty spot in 邵阳 (tests/e2e/access.spec.ts), moved ~300 m each time so no
  // answer comes from the cache. The first answer after start builds the network: one untimed click first.
  const card: number[] = [];
  const box = await page.locator('.map canvas.maplibregl-canvas').boundingBox();
  const access = (done: (a: Arg) => boolean) => done;
  for (let i = -1; i < runs; i++) {
    const at: [number, number] = [111.45 + ((i + 1) % 5) * 0.003, 26.55 + Math.floor((i + 1) / 5) * 0.003];
    const p = await page.evaluate((a) => (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.project(a), at);
    // The pointer comes first, as a hand's would (its county's highlight is drawn then), and the
    // click is timed from its press.
    await page.mouse.move((box?.x ?? 0) + p.x, (box?.y ?? 0) + p.y);
    await page.waitForTimeout(400);
    const click = async () => {
      await page.mouse.down();
      await page.mouse.up();
    };
    const shown = access(
      () => !!document.querySelector('[data-testid="access-card"] [data-testid="access-interchange"]:not([data-minutes=""])'),
    );
    if (i < 0) {
      await click();
      await page.waitForFunction(shown, null, { timeout: 120_000 });
    } else card.push(await timed(page, click, shown, null));
    await page.locator('[data-testid="access-card"] header button').click({ timeout: 5000 });
    await page.getByTestId('access-card').waitFor({ state: 'detached' });
  }
  report('map click → travel-time card', card, 150);

  // A reference layer's switch in the layer panel → the map layer's visibility changed and drawn.
  const toggle: number[] = [];
  const box2 = page.locator('.layer-row[data-layer-id="parks"] input[type="checkbox"]').first();
  // Done when the map has drawn the re-laid-out picture (map-view.tsx counts those frames). Read
  // once no earlier re-layout is still to be drawn, or that one's frame would end the next timing.
  const relaidOut = async () => {
    await page.locator('.map:not([data-map-relayout-pending])').waitFor({ timeout: 10_000 });
    return Number((await page.locator('.map').getAttribute('data-map-relaid-out')) ?? '0');
  };
  for (let i = 0; i < runs; i++) {
    const want = i % 2 === 0 ? 'none' : 'visible';
    const drawn = await relaidOut();
    toggle.push(
      await timed(
        page,
        () => box2.click(),
        (a) => {
          const [w, n] = JSON.parse(String(a)) as [string, number];
          return (
            (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getLayoutProperty('parks-point', 'visibility') === w &&
            Number(document.querySelector('.map')?.getAttribute('data-map-relaid-out') ?? '0') > n
          );
        },
        JSON.stringify([want, drawn]),
      ),
    );
  }
  if (runs % 2 === 1) await box2.click();
  report('layer toggle (parks) → map redrawn without them', toggle, 50);

  // Language: the title and the map's labels in the other language.
  const language: number[] = [];
  for (let i = 0; i < runs; i++) {
    const field = i % 2 === 0 ? 'name_en' : 'name_zh';
    const drawn = await relaidOut();
    language.push(
      await timed(
        page,
        () => page.getByTestId('language-switch').click(),
        (a) => {
          const [f, n] = JSON.parse(String(a)) as [string, number];
          return (
            document.documentElement.lang === (f === 'name_en' ? 'en' : 'zh-CN') &&
            JSON.stringify(
              (window as unknown as { __siteselectMap: MapHandle }).__siteselectMap.getLayoutProperty('county-labels-zone', 'text-field'),
            ).includes(f) &&
            Number(document.querySelector('.map')?.getAttribute('data-map-relaid-out') ?? '0') > n
          );
        },
        JSON.stringify([field, drawn]),
      ),
    );
  }
  if (runs % 2 === 1) await page.getByTestId('language-switch').click();
  report('switch language → UI and map labels redrawn', language, 200);

  // The scoring panel: its first opening mounts it (its code is fetched once the page is idle after the first view); later ones are warm.
  const panel: number[] = [];
  for (let i = 0; i < runs; i++) {
    panel.push(
      await timed(
        page,
        () => page.getByTestId('scoring-toggle').click(),
        () => !!document.querySelector('[data-testid="scoring-panel"] [data-testid="run-ranking"]'),
        null,
      ),
    );
    if (i < runs - 1) {
      await page.getByTestId('scoring-toggle').click();
      await page.getByTestId('scoring-panel').waitFor({ state: 'detached' });
    }
  }
  console.log(
    `  (first opening of the scoring panel: its first render, its code fetched after the first view if the page had time: ${panel[0]?.toFixed(0)} ms)`,
  );
  report('open the scoring panel', panel, 300);

  // A weight moved: until its slider shows the new value; then the ranking button: until the
  // table holds the new ranking. The first ranking after start computes every site's travel
  // times, so it runs once before timing.
  const rankings = () => page.getByTestId('scoring-panel').getAttribute('data-rankings');
  const before = Number((await rankings()) ?? '0');
  await page.getByTestId('run-ranking').click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="scoring-panel"]')?.getAttribute('data-rankings')) > n,
    before,
    {
      timeout: 120_000,
    },
  );
  await page.getByTestId('inputs-tab-weights').click();
  await page.getByTestId('weighting-sliders').check();
  const slider: number[] = [];
  const rerank: number[] = [];
  for (let i = 0; i < runs; i++) {
    const value = 20 + (i % 5) * 5;
    slider.push(
      await timed(
        page,
        () => page.getByTestId('weight-labour').fill(String(value)),
        (v) => document.querySelector('[data-testid="weight-labour"]')?.getAttribute('aria-valuetext') === v,
        `${value.toFixed(1)}%`,
      ),
    );
    const n = Number((await rankings()) ?? '0');
    rerank.push(
      await timed(
        page,
        () => page.getByTestId('run-ranking').click(),
        (k) =>
          Number(document.querySelector('[data-testid="scoring-panel"]')?.getAttribute('data-rankings')) > Number(k) &&
          !!document.querySelector('[data-testid="ranking-table"] tbody tr'),
        n,
      ),
    );
  }
  report('weight slider move → slider and weights shown', slider, 50);
  report('rank button → re-ranked table', rerank, 50);
  await context.close();
}
