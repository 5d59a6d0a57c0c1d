/**
 * Issue 18's bench entries, run by scripts/bench.ts (and alone: `npx tsx scripts/bench-uncertainty.ts`):
 * - SMAA-2 with data ranges, 10,000 samples over 66 parks × 20 criteria (synthetic values in the
 *   shape the app builds: 8 assumption scenarios, 8 position cells per approximate park, an
 *   interval on one cell in ten), target ≤ 1 s; and the same through the API (rankUncertainty on
 *   the zone's parks, whatever criteria the profile has);
 * - the combined gap analysis for one park over the ten plan industries, through the API, target ≤ 2 s.
 */
import { pathToFileURL } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../electron/backend.ts';
import { dispatch } from '../electron/handlers/index.ts';
import { appPaths, appRootFrom } from '../electron/node/paths.ts';
import { mulberry32, smaa, type EnterpriseProfile, type SmaaProblem } from '../geo/index.ts';

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** A 66 × 20 problem with ranges on the data, seeded (its values are test input, not data). */
export function syntheticSmaa(n = 66, m = 20, scenarios = 8, cells = 8): SmaaProblem {
  const rand = mulberry32(18);
  const base = Array.from({ length: n }, () => Array.from({ length: m }, () => rand() * 100));
  const draws = base.map((row, i) => {
    // One park in three is approximate: several joint draws (its county's populated cells).
    const k = i % 3 === 0 ? cells : 1;
    return Array.from({ length: k }, () => {
      const d = new Float64Array(scenarios * m);
      for (let s = 0; s < scenarios; s++)
        for (let j = 0; j < m; j++) d[s * m + j] = j % 7 === 6 && i % 11 === 0 ? NaN : (row[j] ?? 0) * (0.9 + 0.2 * rand());
      return d;
    });
  });
  const intervals: { i: number; j: number; lo: number; hi: number }[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if ((i * m + j) % 10 === 3) intervals.push({ i, j, lo: 10, hi: 90 });
  return {
    criteria: Array.from({ length: m }, (_, j) => ({ type: j % 4 === 0 ? ('cost' as const) : ('benefit' as const) })),
    scenarios,
    draws,
    intervals,
    weights: { kind: 'centred', weights: Array.from({ length: m }, () => 1 / m), concentration: 50 },
  };
}

async function timed(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchUncertainty(backend: Backend, runs = 5): Promise<void> {
  const problem = syntheticSmaa();
  const synthetic = await timed(runs, () => smaa(problem, { samples: 10_000, seed: 1 }));
  console.log(
    `SMAA-2 with data ranges, 10,000 samples, 66 parks × 20 criteria (synthetic, ${problem.intervals?.length} intervals, 8 scenarios): median ${median(synthetic).toFixed(0)} ms (target ≤ 1 s)`,
  );

  const presets = JSON.parse(readFileSync(backend.paths.presetsFile, 'utf8')) as { presets: { id: string; profile: EnterpriseProfile }[] };
  const profile = presets.presets.find((p) => p.id === 'equipment')?.profile as EnterpriseProfile;
  const call = async (method: string, args: unknown) => {
    const r = await dispatch(backend.api, method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.result as never;
  };
  const first = (await call('rankUncertainty', { profile, samples: 10_000, seed: 1 })) as { criteria: string[]; candidates: unknown[] };
  const api = await timed(runs, () => call('rankUncertainty', { profile, samples: 10_000, seed: 1 }));
  console.log(
    `rankUncertainty through the API, 10,000 samples, ${first.candidates.length} candidates × ${first.criteria.length} criteria (zone data, warm): median ${median(api).toFixed(0)} ms (target ≤ 1 s)`,
  );

  const ranking = (await call('scoreSites', { profile, monteCarloSamples: 0 })) as { candidates: { id: string; rank: number | null }[] };
  const park = ranking.candidates.find((c) => c.rank === 12)?.id as string;
  const gap = await timed(runs, () => call('gapAnalysis', { park, target: 3 }));
  console.log(
    `combined gap analysis, one park (rank 12 → 3) × ten industries, through the API: median ${median(gap).toFixed(0)} ms (target ≤ 2 s)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = mkdtempSync(join(tmpdir(), 'siteselect-bench-'));
  const backend = openBackend({ paths: appPaths(appRootFrom(import.meta.url, 1)), dataDir, edition: 'cli' });
  try {
    await benchUncertainty(backend, Number(process.env['BENCH_RUNS'] ?? 7));
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
