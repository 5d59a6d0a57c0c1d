/**
 * The independent check of issue 15: node-to-node times on the imported network agree with
 * osm2pgrouting + pgr_dijkstra on the same extract within 1 %, oneways included.
 *
 * Extracts: a real one made by others (West Oakland, California, from the Debian package
 * python-osmnx-doc: OSMnx's test data, OpenStreetMap data under the ODbL), the hand-made rules
 * fixture, and a generated grid with motorways, links and oneways. Skips, naming the reason,
 * when PostgreSQL, pgRouting, osm2pgrouting or the real extract are not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_ROADS_PROFILE, MAIN_ROADS_PROFILE, type RoadProfile } from '../../geo/roads/index.ts';
import { mulberry32 } from '../../geo/mcda/wsm.ts';
import { buildNetworkFile } from './import.ts';
import { createScratchDb, dropScratchDb, loadWithOsm2pgrouting, pgrMinutes, pgroutingUnavailable, vertexIds } from './pgrouting.ts';
import { loadOsmNetwork, NETWORK_FILE } from './store.ts';
import { writeSyntheticExtract } from './synthetic.ts';

/** Real OSM data shipped by Debian's python-osmnx-doc (OSMnx tests/input_data; © OpenStreetMap contributors, ODbL). */
export const WEST_OAKLAND = '/usr/share/doc/python-osmnx-doc/examples/tests/input_data/West-Oakland.osm.bz2';
const FIXTURE = join(import.meta.dirname, '../../tests/fixtures/osm/rules.osm');

const unavailable = pgroutingUnavailable();
const work = mkdtempSync(join(tmpdir(), 'ss-pgr-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Agreement {
  pairs: number;
  onewayPairs: number;
  reachable: number;
  maxRelDiff: number;
}

async function compare(name: string, file: string, profile: RoadProfile, randomPairs: number): Promise<Agreement> {
  const dataDir = join(work, name);
  mkdirSync(dataDir, { recursive: true });
  await buildNetworkFile(file, join(dataDir, NETWORK_FILE), { profile, clip: { mode: 'whole' } });
  const net = loadOsmNetwork(dataDir);
  if (!net) throw new Error('network not written');
  const g = net.graph;
  // The class speeds exactly as `network info` reports them.
  const speeds: RoadProfile = { name: profile.name, speedsKmh: net.meta.speedsKmh };
  const db = `ss_check_${name}_${process.pid}`;
  createScratchDb(db);
  try {
    loadWithOsm2pgrouting(file, db, speeds);
    const vid = vertexIds(db);
    const candidates: number[] = [];
    for (let v = 0; v < g.nodeCount; v++) if (vid.has(g.nodeOsmId[v] as number)) candidates.push(v);
    expect(candidates.length).toBeGreaterThan(10);
    const rand = mulberry32(15);
    const pairs: [number, number][] = [];
    for (let k = 0; k < randomPairs; k++) {
      const a = candidates[Math.floor(rand() * candidates.length)] as number;
      let b = candidates[Math.floor(rand() * candidates.length)] as number;
      if (b === a) b = candidates[(candidates.indexOf(a) + 1) % candidates.length] as number;
      pairs.push([a, b]);
    }
    // Both directions along oneway edges: one way is direct, the other must go round.
    let onewayPairs = 0;
    for (let e = 0; e < g.edgeCount && onewayPairs < 20; e++) {
      const f = g.edgeFrom[e] as number;
      const t = g.edgeTo[e] as number;
      if (f === t || Number.isFinite(g.edgeMinutesFwd[e] as number) === Number.isFinite(g.edgeMinutesBwd[e] as number)) continue;
      if (!vid.has(g.nodeOsmId[f] as number) || !vid.has(g.nodeOsmId[t] as number)) continue;
      pairs.push([f, t], [t, f]);
      onewayPairs += 2;
    }
    const pg = pgrMinutes(
      db,
      pairs.map(([a, b]) => [vid.get(g.nodeOsmId[a] as number) as number, vid.get(g.nodeOsmId[b] as number) as number]),
    );
    let maxRelDiff = 0;
    let reachable = 0;
    for (const [a, b] of pairs) {
      const ours = net.router.routeNodes(a, b);
      const theirs = pg.get(`${vid.get(g.nodeOsmId[a] as number)}>${vid.get(g.nodeOsmId[b] as number)}`);
      // Our graph is one strongly connected component: every pair is reachable, and pgRouting must agree.
      expect(ours, `${name}: ${g.nodeOsmId[a]} → ${g.nodeOsmId[b]} unreachable for us`).not.toBeNull();
      expect(theirs, `${name}: ${g.nodeOsmId[a]} → ${g.nodeOsmId[b]} unreachable for pgRouting`).toBeDefined();
      const m = ours?.minutes ?? NaN;
      const p = theirs ?? NaN;
      const rel = Math.abs(m - p) / Math.max(p, 1e-9);
      expect(rel, `${name}: ${g.nodeOsmId[a]} → ${g.nodeOsmId[b]}: ours ${m} min, pgRouting ${p} min`).toBeLessThanOrEqual(0.01);
      maxRelDiff = Math.max(maxRelDiff, rel);
      reachable++;
    }
    return { pairs: pairs.length, onewayPairs, reachable, maxRelDiff };
  } finally {
    dropScratchDb(db);
  }
}

const report = (name: string, a: Agreement, g: string): void =>
  console.log(
    `pgRouting agreement, ${name} (${g}): ${a.pairs} node pairs (${a.onewayPairs} along oneways, both ways), max difference ${(a.maxRelDiff * 100).toExponential(2)} %`,
  );

describe('agreement with osm2pgrouting + pgr_dijkstra', () => {
  const realMissing = existsSync(WEST_OAKLAND) ? null : `${WEST_OAKLAND} is missing (apt-get install python-osmnx-doc)`;
  it.skipIf(unavailable !== null || realMissing !== null)(
    `a real extract made by others: West Oakland (OpenStreetMap, ODbL; all road classes)${unavailable || realMissing ? ` — skipped: ${unavailable ?? realMissing}` : ''}`,
    async () => {
      const a = await compare('west_oakland', WEST_OAKLAND, ALL_ROADS_PROFILE, 30);
      report('West Oakland', a, 'real');
      expect(a.pairs).toBeGreaterThanOrEqual(20);
      expect(a.onewayPairs).toBeGreaterThan(0);
    },
    120_000,
  );
  it.skipIf(unavailable !== null)(
    `the hand-made rules fixture (main roads)${unavailable ? ` — skipped: ${unavailable}` : ''}`,
    async () => {
      const a = await compare('rules', FIXTURE, MAIN_ROADS_PROFILE, 24);
      report('rules fixture', a, 'hand-made');
      expect(a.onewayPairs).toBeGreaterThanOrEqual(6);
    },
    120_000,
  );
  it.skipIf(unavailable !== null)(
    `a generated grid with motorways, links, oneways and maxspeeds (main roads)${unavailable ? ` — skipped: ${unavailable}` : ''}`,
    async () => {
      const file = join(work, 'grid.osm');
      await writeSyntheticExtract(file, { cols: 45, rows: 45, seed: 3 });
      const a = await compare('grid', file, MAIN_ROADS_PROFILE, 40);
      report('generated grid', a, 'generated');
      expect(a.onewayPairs).toBeGreaterThanOrEqual(10);
    },
    180_000,
  );
});
