/**
 * Road network bench (issue 15): `npx tsx electron/roads/roads.bench.ts` (or `runRoadsBench()` from
 * scripts/bench.ts). Prints medians, each beside pgRouting's time for the same query in the same run.
 *
 * - A generated province-scale extract (synthetic.ts; default 500 × 500 grid lines, over a
 *   million ways) is written as OSM XML and converted to PBF by osmium, another program; both are
 *   cached in $BENCH_ROADS_DIR (default the system temp folder).
 * - Import: the whole worker import of the PBF, in a child process so its peak RSS
 *   (getrusage maxrss, worker included) is the import's own; throughput = PBF bytes ÷ seconds.
 *   Peak RSS is measured at two sizes and extrapolated linearly in PBF size to a 1.3 GB China
 *   extract. The generated file is all roads, so this is an upper bound: a real extract is mostly
 *   buildings, POIs and other ways that are streamed past and never held.
 * - Reload, point-to-point route (random points, snapped), one-to-all tree.
 * - pgRouting: our graph's arcs copied into a table (same nodes, same minutes), queried with
 *   pgr_dijkstra (point to point) and pgr_drivingDistance (one to all), wall time inside the server.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importOsmNetwork } from './import.ts';
import type { ClipOption } from './read.ts';
import { createScratchDb, dropScratchDb, pgroutingUnavailable, psql } from './pgrouting.ts';
import { loadOsmNetwork } from './store.ts';
import { writeSyntheticExtract } from './synthetic.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const SIZE = Number(process.env['BENCH_ROADS_GRID'] ?? 500);
const CHINA_PBF_MB = 1300;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

interface Extract {
  pbf: string;
  ways: number;
  label: string;
}

/** Generates (once) an extract and its osmium PBF: an all-road n × n grid, or a province-like mix with buildings and metadata. */
async function extract(dir: string, n: number, mix: boolean): Promise<Extract> {
  const name = `${mix ? 'mix' : 'roads'}-${n}`;
  const osm = join(dir, `${name}.osm`);
  const pbf = join(dir, `${name}.osm.pbf`);
  const meta = join(dir, `${name}.json`);
  if (!existsSync(pbf) || !existsSync(meta)) {
    const stats = await writeSyntheticExtract(osm, {
      cols: n,
      rows: n,
      origin: [109.0, 24.7],
      spacingDeg: 0.01,
      seed: 11,
      ...(mix ? { buildingsPerCell: 8, metadata: true } : {}),
    });
    const r = spawnSync('osmium', ['cat', osm, '-o', pbf, '--overwrite'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`osmium cat failed: ${r.stderr}`);
    rmSync(osm, { force: true });
    writeFileSync(meta, JSON.stringify(stats));
  }
  const ways = (JSON.parse(readFileSync(meta, 'utf8')) as { ways: number }).ways;
  return { pbf, ways, label: mix ? `${n}×${n} road grid + 8 buildings per cell, with metadata` : `${n}×${n} road grid, roads only` };
}

/** One import in a child process: seconds and peak RSS (MB). */
function childImport(
  pbf: string,
  dataDir: string,
  clip?: ClipOption,
): { seconds: number; cpuSeconds: number; rssMB: number; refs: number } {
  const args = [fileURLToPath(import.meta.url), '--child-import', pbf, dataDir, JSON.stringify(clip ?? { mode: 'zone' })];
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`import child failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as { seconds: number; cpuSeconds: number; rssMB: number; refs: number };
}

function timePg(db: string, sql: string): number {
  const rows = psql(
    db,
    `SELECT extract(epoch FROM clock_timestamp()) AS t0 \\gset
     ${sql};
     SELECT (extract(epoch FROM clock_timestamp()) - :t0) * 1000;`,
  );
  return Number(rows[rows.length - 1]?.[0]);
}

export async function runRoadsBench(): Promise<void> {
  const dir = process.env['BENCH_ROADS_DIR'] ?? join(tmpdir(), 'siteselect-roads-bench');
  mkdirSync(dir, { recursive: true });
  const roads = await extract(dir, SIZE, false);
  const mix = await extract(dir, Math.round(SIZE * 0.6), true);
  const mixHalf = await extract(dir, Math.round(SIZE * 0.3), true);
  const data = mkdtempSync(join(tmpdir(), 'ss-roads-bench-data-'));
  try {
    const runs = Math.max(1, Math.min(RUNS, 3));
    const importLine = (x: Extract, dataDir: string): { rssMB: number; mb: number; refs: number } => {
      const mb = statSync(x.pbf).size / 1e6;
      const all = Array.from({ length: runs }, () => childImport(x.pbf, dataDir));
      const secs = median(all.map((i) => i.seconds));
      const cpu = median(all.map((i) => i.cpuSeconds));
      console.log(
        `roads import (worker, PBF ${mb.toFixed(1)} MB, ${x.ways.toLocaleString('en')} ways, ${x.label}): median ${secs.toFixed(2)} s wall = ${(mb / secs).toFixed(1)} MB/s; ${cpu.toFixed(2)} s CPU = ${(mb / cpu).toFixed(1)} MB/s of CPU (target ≥ 15 MB/s)`,
      );
      return { rssMB: median(all.map((i) => i.rssMB)), mb, refs: all[0]?.refs ?? NaN };
    };
    const m = importLine(mix, join(data, 'mix'));
    const h = childImport(mixHalf.pbf, join(data, 'half'));
    const hMB = statSync(mixHalf.pbf).size / 1e6;
    const slope = (m.rssMB - h.rssMB) / (m.mb - hMB);
    const china = m.rssMB + slope * (CHINA_PBF_MB - m.mb);
    console.log(
      `  peak RSS ${m.rssMB.toFixed(0)} MB at ${m.mb.toFixed(1)} MB of PBF, ${h.rssMB.toFixed(0)} MB at ${hMB.toFixed(1)} MB; linear in PBF size → ${china.toFixed(0)} MB for a ${CHINA_PBF_MB} MB extract of the same composition (target ≤ 1500 MB)`,
    );
    const r = importLine(roads, data);
    // The memory model: the roads-only file imported whole and clipped to a tenth of its area; the
    // difference is what the build costs per road node reference kept in the clip region.
    const clipped = childImport(roads.pbf, join(data, 'clipped'), { mode: 'bbox', bbox: [109, 24.7, 110.6, 26.3] });
    const perRefBuild = ((r.rssMB - clipped.rssMB) * 1e6) / (r.refs - clipped.refs);
    console.log(
      `  peak RSS ${r.rssMB.toFixed(0)} MB for the roads-only file (${(r.refs / 1e6).toFixed(2)} M road node references, every element a main road: the worst case per MB); clipped to a tenth of its area (${(clipped.refs / 1e6).toFixed(2)} M references kept) ${clipped.rssMB.toFixed(0)} MB → ${perRefBuild.toFixed(0)} B per reference kept in the clip region`,
    );

    const loads: number[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(loadOsmNetwork(data)?.loadMs ?? NaN);
    const net = loadOsmNetwork(data);
    if (!net) throw new Error('no network');
    const g = net.graph;
    console.log(
      `roads reload: median ${median(loads).toFixed(0)} ms (target ≤ 1000 ms); graph ${g.nodeCount.toLocaleString('en')} nodes, ${g.edgeCount.toLocaleString('en')} edges, ${g.outHead.length.toLocaleString('en')} arcs`,
    );

    let seed = 42;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const [w, s, e, n] = net.meta.bbox;
    const pairs: [[number, number], [number, number]][] = [];
    for (let i = 0; i < 200; i++)
      pairs.push([
        [w + rnd() * (e - w), s + rnd() * (n - s)],
        [w + rnd() * (e - w), s + rnd() * (n - s)],
      ]);
    // Wall time and this process's CPU time per call: on a shared machine the CPU time is the work itself.
    const cpuMs = (): number => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
    const timed = (f: () => unknown): [number, number] => {
      const c0 = cpuMs();
      const t0 = performance.now();
      f();
      return [performance.now() - t0, cpuMs() - c0];
    };
    const routeMs: number[] = [];
    const routeCpu: number[] = [];
    for (const [a, b] of pairs) {
      const [w, c] = timed(() => net.router.route(a, b));
      routeMs.push(w);
      routeCpu.push(c);
    }
    const nodePairs: [number, number][] = pairs.map(() => [Math.floor(rnd() * g.nodeCount), Math.floor(rnd() * g.nodeCount)]);
    const nodeRouteMs: number[] = [];
    const nodeRouteCpu: number[] = [];
    for (const [a, b] of nodePairs) {
      const [w, c] = timed(() => net.router.routeNodes(a, b));
      nodeRouteMs.push(w);
      nodeRouteCpu.push(c);
    }
    const treeMs: number[] = [];
    const treeCpu: number[] = [];
    for (const [a] of pairs.slice(0, RUNS * 2)) {
      const o = net.router.snap(a);
      if (!o) continue;
      const [w, c] = timed(() => net.router.tree(o));
      treeMs.push(w);
      treeCpu.push(c);
    }
    const snapped = nodePairs.slice(0, RUNS);
    const unavailable = pgroutingUnavailable();
    let pgRoute = 'pgRouting not run: ' + (unavailable ?? '');
    let pgTree = pgRoute;
    if (!unavailable) {
      const db = `ss_bench_${process.pid}`;
      createScratchDb(db);
      try {
        const tsv = join(dir, 'edges.tsv');
        const lines: string[] = [];
        for (let k = 0; k < g.edgeCount; k++) {
          const f = g.edgeMinutesFwd[k] as number;
          const b = g.edgeMinutesBwd[k] as number;
          lines.push(
            `${k + 1}\t${(g.edgeFrom[k] as number) + 1}\t${(g.edgeTo[k] as number) + 1}\t${Number.isFinite(f) ? f : -1}\t${Number.isFinite(b) ? b : -1}`,
          );
        }
        writeFileSync(tsv, lines.join('\n') + '\n');
        chmodSync(tsv, 0o644);
        psql(
          db,
          `CREATE TABLE bench_edges (id bigint, source bigint, target bigint, cost float8, reverse_cost float8); \\copy bench_edges FROM '${tsv}'`,
        );
        const q = 'SELECT id, source, target, cost, reverse_cost FROM bench_edges';
        const pr: number[] = [];
        let agree = 0;
        for (const [a, b] of snapped) {
          const t = timePg(db, `SELECT max(agg_cost) FROM pgr_dijkstra('${q}', ${a + 1}, ${b + 1}, true)`);
          pr.push(t);
          const pgMin = Number(psql(db, `SELECT max(agg_cost) FROM pgr_dijkstra('${q}', ${a + 1}, ${b + 1}, true)`)[0]?.[0]);
          const ours = net.router.routeNodes(a, b)?.minutes ?? NaN;
          if (Math.abs(pgMin - ours) <= 1e-6 * Math.max(1, ours)) agree++;
        }
        const pt: number[] = [];
        for (const [v] of snapped.slice(0, Math.min(3, RUNS)))
          pt.push(timePg(db, `SELECT count(*) FROM pgr_drivingDistance('${q}', ${v + 1}, 1e9, true)`));
        pgRoute = `pgRouting pgr_dijkstra on the same graph: median ${median(pr).toFixed(0)} ms (${agree}/${snapped.length} routes with equal minutes)`;
        pgTree = `pgRouting pgr_drivingDistance on the same graph: median ${median(pt).toFixed(0)} ms`;
      } finally {
        dropScratchDb(db);
      }
    }
    console.log(
      `roads point-to-point route (snap both ends + A* with ${net.router.landmarks?.nodes.length ?? 0} ALT landmarks, ${routeMs.length} random point pairs): median ${median(routeMs).toFixed(2)} ms wall, ${median(routeCpu).toFixed(2)} ms CPU (target ≤ 10 ms); node to node (${nodeRouteMs.length} random pairs) median ${median(nodeRouteMs).toFixed(2)} ms wall, ${median(nodeRouteCpu).toFixed(2)} ms CPU; ${pgRoute}`,
    );
    console.log(
      `roads one-to-all tree (${g.nodeCount.toLocaleString('en')} nodes): median ${median(treeMs).toFixed(1)} ms wall, ${median(treeCpu).toFixed(1)} ms CPU from a point (target ≤ 100 ms); ${pgTree}`,
    );
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child-import') {
  const [pbf, dataDir, clip] = process.argv.slice(3) as [string, string, string];
  const t0 = performance.now();
  const meta = await importOsmNetwork(pbf, dataDir, { clip: JSON.parse(clip) as ClipOption });
  const refs = meta.counts.build.segments + meta.counts.waysKept;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssMB: process.resourceUsage().maxRSS / 1024, refs }));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runRoadsBench();
}
