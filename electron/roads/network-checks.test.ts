/**
 * The network check the method self-test runs in the app (data/method-examples/network-rules.json):
 * the road graph our importer builds from the hand-made rules fixture, and node-to-node minutes
 * from osm2pgrouting + pgr_dijkstra on the same extract (the agreement of issue 15), recorded.
 *
 * - The shipped graph is what the importer builds from tests/fixtures/osm/rules.osm today (so the
 *   self-test routes on our own output, not on a hand-edited copy).
 * - Where PostgreSQL with pgRouting is installed, the recorded minutes are pgRouting's (recomputed).
 * - `RECORD_NETWORK_CHECKS=1 npx vitest run electron/roads/network-checks.test.ts` writes the file anew.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN_ROADS_PROFILE, ROAD_GRAPH_ARRAYS, type RoadGraph } from '../../geo/roads/index.ts';
import { graphFromExample, type NetworkExample } from '../../geo/selftest.ts';
import { REPO_ROOT } from '../testing/temp-backend.ts';
import { buildNetworkFile } from './import.ts';
import { createScratchDb, dropScratchDb, loadWithOsm2pgrouting, pgrMinutes, pgroutingUnavailable, vertexIds } from './pgrouting.ts';
import { loadOsmNetwork, NETWORK_FILE } from './store.ts';

const FIXTURE = join(REPO_ROOT, 'tests/fixtures/osm/rules.osm');
const SHIPPED = join(REPO_ROOT, 'data/method-examples/network-rules.json');
const work = mkdtempSync(join(tmpdir(), 'ss-netcheck-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function buildRules(): Promise<RoadGraph> {
  await buildNetworkFile(FIXTURE, join(work, NETWORK_FILE), { profile: MAIN_ROADS_PROFILE, clip: { mode: 'whole' } });
  const net = loadOsmNetwork(work);
  if (!net) throw new Error('network not written');
  return net.graph;
}

const plain = (g: RoadGraph) =>
  Object.fromEntries(
    ROAD_GRAPH_ARRAYS.map((name) => [name, Array.from(g[name] as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : null))]),
  );

describe('the shipped network check', () => {
  it.runIf(process.env['RECORD_NETWORK_CHECKS'] === '1')(
    'records the graph and pgRouting’s minutes',
    async () => {
      const reason = pgroutingUnavailable();
      if (reason) throw new Error(`cannot record: ${reason}`);
      const g = await buildRules();
      const db = `verify18_netcheck_${process.pid}`;
      createScratchDb(db);
      try {
        loadWithOsm2pgrouting(FIXTURE, db, { name: MAIN_ROADS_PROFILE.name, speedsKmh: loadOsmNetwork(work)?.meta.speedsKmh ?? {} });
        const vid = vertexIds(db);
        const nodes: number[] = [];
        for (let v = 0; v < g.nodeCount; v++) if (vid.has(g.nodeOsmId[v] as number)) nodes.push(v);
        // Every ordered pair of the vertices both sides know (the fixture is small).
        const pairs: [number, number][] = [];
        for (const a of nodes) for (const b of nodes) if (a !== b) pairs.push([a, b]);
        const pg = pgrMinutes(
          db,
          pairs.map(([a, b]) => [vid.get(g.nodeOsmId[a] as number) as number, vid.get(g.nodeOsmId[b] as number) as number]),
        );
        const recorded = pairs.flatMap(([a, b]) => {
          const m = pg.get(`${vid.get(g.nodeOsmId[a] as number)}>${vid.get(g.nodeOsmId[b] as number)}`);
          return m === undefined
            ? []
            : [{ from: g.nodeOsmId[a] as number, to: g.nodeOsmId[b] as number, minutes: Math.round(m * 1e9) / 1e9 }];
        });
        const example: NetworkExample = {
          id: 'pgrouting-rules-fixture',
          source:
            'Node-to-node driving minutes on the hand-made rules fixture (tests/fixtures/osm/rules.osm, invented data), computed by osm2pgrouting + pgRouting pgr_dijkstraCost (PostgreSQL 15, pgRouting 3) with the main-roads class speeds: the independent check of issue 15, recorded by electron/roads/network-checks.test.ts.',
          tolerance: 0.01,
          graph: { nodeCount: g.nodeCount, edgeCount: g.edgeCount, strings: g.strings, arrays: plain(g) },
          pairs: recorded,
        };
        writeFileSync(SHIPPED, `${JSON.stringify(example)}\n`);
        expect(recorded.length).toBeGreaterThan(20);
      } finally {
        dropScratchDb(db);
      }
    },
    120_000,
  );

  it('ships the graph the importer builds from the rules fixture', async () => {
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as NetworkExample;
    const g = await buildRules();
    expect(shipped.graph.arrays).toEqual(plain(g));
    const restored = graphFromExample(shipped);
    expect(restored.nodeCount).toBe(g.nodeCount);
    expect(Array.from(restored.edgeMinutesBwd)).toEqual(Array.from(g.edgeMinutesBwd));
  });

  const unavailable = pgroutingUnavailable();
  it.skipIf(unavailable !== null)(
    `ships pgRouting’s minutes for its pairs${unavailable ? ` — skipped: ${unavailable}` : ''}`,
    async () => {
      const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as NetworkExample;
      const db = `verify18_netcheck2_${process.pid}`;
      await buildRules();
      createScratchDb(db);
      try {
        loadWithOsm2pgrouting(FIXTURE, db, { name: MAIN_ROADS_PROFILE.name, speedsKmh: loadOsmNetwork(work)?.meta.speedsKmh ?? {} });
        const vid = vertexIds(db);
        const pg = pgrMinutes(
          db,
          shipped.pairs.map((p) => [vid.get(p.from) as number, vid.get(p.to) as number]),
        );
        for (const p of shipped.pairs) expect(pg.get(`${vid.get(p.from)}>${vid.get(p.to)}`)).toBeCloseTo(p.minutes, 6);
      } finally {
        dropScratchDb(db);
      }
    },
    120_000,
  );
});
