import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROADS_PROFILE, edgeGeometry, ROAD_CLASSES, ROAD_GRAPH_ARRAYS, RoadRouter, type RoadGraph } from '../../geo/roads/index.ts';
import { buildNetworkFile, ImportError, importOsmNetwork, type ImportProgress } from './import.ts';
import { readOsmNetwork, type ReadResult } from './read.ts';
import { loadOsmNetwork, NETWORK_FILE, networkInfo } from './store.ts';
import { EXTRAS_FILE } from './extras.ts';
import { writeSyntheticExtract } from './synthetic.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/osm');
const RULES = join(FIXTURES, 'rules.osm');
const work = mkdtempSync(join(tmpdir(), 'ss-roads-test-'));
const hasOsmium = existsSync('/usr/bin/osmium');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
}

/** Finds the edge between two OSM node ids (either direction of drawing). */
function edgeBetween(g: RoadGraph, a: number, b: number): number {
  for (let e = 0; e < g.edgeCount; e++) {
    const f = g.nodeOsmId[g.edgeFrom[e] as number];
    const t = g.nodeOsmId[g.edgeTo[e] as number];
    if ((f === a && t === b) || (f === b && t === a)) return e;
  }
  return -1;
}
const nodeOf = (g: RoadGraph, osm: number): number => Array.from(g.nodeOsmId).indexOf(osm);

describe('the rules fixture', () => {
  let r: ReadResult;
  beforeAll(async () => {
    r = await readOsmNetwork(RULES);
  });
  it('keeps the profile classes, applies access and drops reversible ways, with counts', () => {
    expect(r.counts.waysRead).toBe(24);
    expect(r.counts.waysDropped).toEqual({ class: 1, access: 2, reversible: 1 });
    expect(r.counts.badMaxspeed).toBe(1);
    const g = r.graph;
    // private + motor_vehicle=yes stays (node 52); private (50), motor_vehicle=no (51), reversible (53), residential (54) do not.
    expect(nodeOf(g, 52)).toBeGreaterThanOrEqual(0);
    for (const gone of [50, 51, 53, 54]) expect(nodeOf(g, gone)).toBe(-1);
  });
  it('drops the components that cannot reach the rest, and reports them', () => {
    expect(r.counts.build.droppedComponents).toBe(2);
    expect(r.counts.build.droppedNodes).toBe(3);
    for (const gone of [20, 21, 22]) expect(nodeOf(r.graph, gone)).toBe(-1);
  });
  it('merges degree-2 nodes, keeping their points, but keeps interchanges', () => {
    const g = r.graph;
    expect(nodeOf(g, 10)).toBe(-1);
    const e = edgeBetween(g, 1, 2);
    expect(edgeGeometry(g, e).map((p) => p.join(','))).toContain('112.005,26.0003');
    expect(nodeOf(g, 12)).toBeGreaterThanOrEqual(0); // motorway_junction
    expect(nodeOf(g, 14)).toBe(-1); // a plain motorway node
  });
  it('reads oneway yes, -1, roundabouts and the implied oneway of motorways and links', () => {
    const g = r.graph;
    const dir = (a: number, b: number): [boolean, boolean] => {
      const e = edgeBetween(g, a, b);
      const forward = g.nodeOsmId[g.edgeFrom[e] as number] === a;
      const ab = forward ? g.edgeMinutesFwd[e] : g.edgeMinutesBwd[e];
      const ba = forward ? g.edgeMinutesBwd[e] : g.edgeMinutesFwd[e];
      return [Number.isFinite(ab), Number.isFinite(ba)];
    };
    expect(dir(3, 6)).toEqual([true, false]); // oneway=yes
    expect(dir(8, 7)).toEqual([true, false]); // way 7→8→9 tagged oneway=-1
    expect(dir(6, 11)).toEqual([true, false]); // motorway_link, implied
    expect(dir(12, 3)).toEqual([true, false]);
    expect(dir(11, 12)).toEqual([true, false]); // motorway, implied
    expect(dir(1, 2)).toEqual([true, true]);
    // The roundabout runs 40 → 41 → 42 → 43 → 40: from 40 to 42 only the long way round (via 41) is open.
    const router = new RoadRouter(g);
    const minutes = (a: number, b: number): number => router.routeNodes(nodeOf(g, a), nodeOf(g, b))?.minutes ?? NaN;
    const ring = [0, 1].map(() => 0);
    for (let e = 0; e < g.edgeCount; e++) if (g.edgeWayId[e] === 111) ring[Number.isFinite(g.edgeMinutesFwd[e] as number) ? 0 : 1]!++;
    expect(ring).toEqual([1, 1]); // two pieces, each driven only one way
    expect(minutes(40, 42)).toBeCloseTo((2431.3 / 1000 / 40) * 60, 2);
    expect(minutes(42, 40)).toBeCloseTo((1201.6 / 1000 / 40) * 60, 2);
  });
  it('caps class speeds by lower maxspeed values of each form', () => {
    const g = r.graph;
    const kmh = (a: number, b: number): number => {
      const e = edgeBetween(g, a, b);
      const m = Number.isFinite(g.edgeMinutesFwd[e] as number) ? (g.edgeMinutesFwd[e] as number) : (g.edgeMinutesBwd[e] as number);
      return (g.edgeLengthM[e] as number) / 1000 / (m / 60);
    };
    expect(kmh(1, 2)).toBeCloseTo(65, 9); // primary, maxspeed=none
    expect(kmh(3, 6)).toBeCloseTo(55, 9); // secondary, maxspeed=80 above the class speed
    expect(kmh(7, 4)).toBeCloseTo(30, 9); // tertiary, maxspeed=30
    expect(kmh(2, 5)).toBeCloseTo(40, 9); // CN:urban = 50 above tertiary's 40
    expect(kmh(4, 5)).toBeCloseTo(20 * 1.609344, 9); // 20 mph
    expect(kmh(5, 6)).toBeCloseTo(30, 9); // 60;30
    expect(kmh(9, 40)).toBeCloseTo(40, 9); // garbage ignored
    expect(kmh(11, 12)).toBeCloseTo(90, 9);
    expect(kmh(6, 11)).toBeCloseTo(45, 9);
  });
  it('keeps interchanges, stations, airports and named industrial areas as facility candidates', () => {
    const byKind = (k: string) => r.facilities.filter((f) => f.kind === k);
    expect(byKind('interchange')).toMatchObject([
      { osmType: 'node', osmId: 12, name: '衡阳东', ref: '12', lng: 112.05, lat: 26.005, approximate: false },
    ]);
    expect(byKind('station')).toMatchObject([{ osmId: 30, name: '测试站', nameEn: 'Test Station', tags: { usage: 'main' } }]);
    expect(byKind('airport').map((f) => [f.osmType, f.osmId])).toEqual([
      ['node', 31],
      ['way', 121],
    ]);
    const park = byKind('industrial');
    expect(park).toHaveLength(1); // the unnamed one (way 126) is not a candidate
    expect(park[0]).toMatchObject({ osmType: 'way', osmId: 120, name: '测试工业园', approximate: true });
    expect(park[0]?.lng).toBeCloseTo(112.085, 9);
    expect(park[0]?.lat).toBeCloseTo(26.085, 9);
  });
  it('covers the zone and takes the as-of date from the file', () => {
    expect(r.coversZone).toBe(true);
    expect(r.asOf).toBe('2024-06-01T00:00:00Z');
    expect(r.format).toBe('xml');
  });
});

function expectSameGraph(a: RoadGraph, b: RoadGraph): void {
  expect(b.nodeCount).toBe(a.nodeCount);
  expect(b.edgeCount).toBe(a.edgeCount);
  for (const name of ROAD_GRAPH_ARRAYS)
    expect(Array.from(b[name] as ArrayLike<number>), name).toEqual(Array.from(a[name] as ArrayLike<number>));
  expect(b.strings).toEqual(a.strings);
}

describe.skipIf(!hasOsmium)(
  `the same extract as PBF written by osmium, .osm.gz and .osm.bz2${hasOsmium ? '' : ' — skipped: osmium is not installed'}`,
  () => {
    it('gives the same graph from every format', async () => {
      const xml = await readOsmNetwork(RULES);
      const pbf = join(work, 'rules.osm.pbf');
      sh('osmium', ['cat', RULES, '-o', pbf, '--overwrite', '--output-header=osmosis_replication_timestamp=2024-05-31T22:00:00Z']);
      const fromPbf = await readOsmNetwork(pbf);
      expectSameGraph(xml.graph, fromPbf.graph);
      expect(fromPbf.facilities).toEqual(xml.facilities);
      expect(fromPbf.asOf).toBe('2024-05-31T22:00:00.000Z');
      expect(fromPbf.writingProgram).toMatch(/^osmium/);
      // The header's bbox (HeaderBBox, nanodegrees) comes from the XML's <bounds>.
      expect(fromPbf.declaredBbox?.map((x) => Math.round(x * 1e7) / 1e7)).toEqual([111.98, 25.98, 112.22, 26.22]);
      expect(xml.declaredBbox).toEqual([111.98, 25.98, 112.22, 26.22]);
      copyFileSync(RULES, join(work, 'rules.osm.copy'));
      sh('gzip', ['-kf', join(work, 'rules.osm.copy')]);
      sh('bzip2', ['-kf', join(work, 'rules.osm.copy')]);
      const gz = await readOsmNetwork(join(work, 'rules.osm.copy.gz'));
      const bz = await readOsmNetwork(join(work, 'rules.osm.copy.bz2'));
      expect(gz.format).toBe('xml.gz');
      expect(bz.format).toBe('xml.bz2');
      expectSameGraph(xml.graph, gz.graph);
      expectSameGraph(xml.graph, bz.graph);
    });
    it('reads a larger generated extract identically from XML and from osmium PBF (dense nodes, many blocks)', async () => {
      const osm = join(work, 'grid.osm');
      await writeSyntheticExtract(osm, { cols: 60, rows: 40, seed: 5 });
      const pbf = join(work, 'grid.osm.pbf');
      sh('osmium', ['cat', osm, '-o', pbf, '--overwrite']);
      const a = await readOsmNetwork(osm);
      const b = await readOsmNetwork(pbf);
      expectSameGraph(a.graph, b.graph);
      expect(b.facilities).toEqual(a.facilities);
      expect(a.graph.nodeCount).toBeGreaterThan(1000);
    });
  },
);

describe('bad input changes nothing and says why', () => {
  it.skipIf(!hasOsmium)('refuses a truncated PBF', async () => {
    const pbf = join(work, 'cut.osm.pbf');
    await writeSyntheticExtract(join(work, 'cut.osm'), { cols: 30, rows: 30, seed: 2 });
    sh('osmium', ['cat', join(work, 'cut.osm'), '-o', pbf, '--overwrite']);
    truncateSync(pbf, Math.floor(statSync(pbf).size * 0.6));
    await expect(readOsmNetwork(pbf)).rejects.toThrow(/truncated PBF file/);
  });
  it('refuses XML that is not OSM, and a file that is neither', async () => {
    await expect(readOsmNetwork(join(FIXTURES, 'notosm.xml'))).rejects.toThrow(/not an OpenStreetMap XML file: the root element is <gpx>/);
    const junk = join(work, 'junk.bin');
    writeFileSync(junk, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    await expect(readOsmNetwork(junk)).rejects.toThrow(/neither an \.osm\.pbf file nor OSM XML/);
    const badPbf = join(work, 'junk.osm.pbf');
    writeFileSync(badPbf, Buffer.alloc(100, 0xff));
    await expect(readOsmNetwork(badPbf)).rejects.toThrow(/not a valid PBF file/);
  });
  it('refuses a bbox with no roads, and an extract that does not touch the zone unless asked for the whole file', async () => {
    await expect(readOsmNetwork(RULES, { clip: { mode: 'bbox', bbox: [100, 20, 101, 21] } })).rejects.toThrow(
      /has no road inside the bbox 100,20,101,21/,
    );
    const away = join(work, 'away.osm');
    // The same network moved to 2° E, 48° N (outside the zone and its corridors).
    writeFileSync(
      away,
      readFileSync(RULES, 'utf8')
        .replace(/lat="2([56])\./g, 'lat="4$1.')
        .replace(/lon="11[12]\./g, 'lon="2.'),
    );
    await expect(readOsmNetwork(away)).rejects.toThrow(/has no road inside the zone and its corridors/);
    const whole = await readOsmNetwork(away, { clip: { mode: 'whole' } });
    expect(whole.coversZone).toBe(false);
    expect(whole.graph.nodeCount).toBeGreaterThan(5);
  });
  it('refuses an extract without drivable roads', async () => {
    const none = join(work, 'none.osm');
    writeFileSync(none, '<?xml version="1.0"?><osm version="0.6"><node id="1" lat="26" lon="112"/></osm>');
    await expect(readOsmNetwork(none)).rejects.toThrow(/holds no drivable road/);
  });
});

describe('importing in a worker', () => {
  it('publishes the network atomically with provenance, reports progress, and reloads it', async () => {
    const dataDir = join(work, 'data-ok');
    const progress: ImportProgress[] = [];
    const meta = await importOsmNetwork(RULES, dataDir, {}, (p) => progress.push(p));
    expect(meta.source).toMatchObject({ file: 'rules.osm', format: 'xml' });
    expect(meta.asOf).toBe('2024-06-01T00:00:00Z');
    expect(meta.attribution).toMatch(/OpenStreetMap contributors, ODbL/);
    expect(meta.speedsKmh).toMatchObject({ motorway: 90, tertiary: 40 });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]?.fraction).toBe(1);
    expect(readdirSync(dataDir)).toEqual([EXTRAS_FILE, NETWORK_FILE]);
    const net = loadOsmNetwork(dataDir);
    expect(net?.graph.nodeCount).toBe(meta.nodes);
    const info = networkInfo(net!);
    expect(info).toMatchObject({
      source: 'rules.osm',
      as_of: '2024-06-01T00:00:00Z',
      nodes: meta.nodes,
      edges: meta.edges,
      covers_zone: true,
    });
    const km = info['km_by_class'] as Record<string, number>;
    expect(Object.keys(km).every((c) => (ROAD_CLASSES as readonly string[]).includes(c))).toBe(true);
    // The reloaded network routes like the freshly built one.
    const fresh = await readOsmNetwork(RULES);
    const a = new RoadRouter(fresh.graph).route([112.0, 26.0], [112.05, 26.03]);
    const b = net?.router.route([112.0, 26.0], [112.05, 26.03]);
    expect(b?.minutes).toBeCloseTo(a?.minutes ?? NaN, 12);
  });
  it('leaves the previous network in place when an import fails or is cancelled', async () => {
    const dataDir = join(work, 'data-keep');
    await importOsmNetwork(RULES, dataDir);
    const before = readFileSync(join(dataDir, NETWORK_FILE));
    const cut = join(work, 'cut2.osm.pbf');
    writeFileSync(cut, Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from('\n\tOSMHeader\x18\xff\xff\x03')]));
    await expect(importOsmNetwork(cut, dataDir)).rejects.toMatchObject({ code: 'BAD_FILE' });
    const big = join(work, 'big.osm');
    await writeSyntheticExtract(big, { cols: 150, rows: 150, seed: 9 });
    const ac = new AbortController();
    const p = importOsmNetwork(
      big,
      dataDir,
      {},
      (pr) => {
        if (pr.fraction > 0.05) ac.abort();
      },
      ac.signal,
    );
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readFileSync(join(dataDir, NETWORK_FILE)).equals(before)).toBe(true);
    expect(readdirSync(dataDir)).toEqual([EXTRAS_FILE, NETWORK_FILE]);
    // A stale temporary file of a killed import is cleared by the next import.
    writeFileSync(join(dataDir, 'osm-network.123.abc.tmp'), 'partial');
    await importOsmNetwork(RULES, dataDir, { profile: ALL_ROADS_PROFILE });
    expect(readdirSync(dataDir)).toEqual([EXTRAS_FILE, NETWORK_FILE]);
  }, 120_000);
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
describe.skipIf(!isRoot)(`a full disk${isRoot ? '' : ' — skipped: mounting a small tmpfs needs root'}`, () => {
  it('fails cleanly with DISK and keeps the previous network', async (ctx) => {
    const mnt = join(work, 'tiny');
    mkdirSync(mnt);
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
    if (m.status !== 0) {
      console.log(`full-disk test skipped: cannot mount a tmpfs here (${m.stderr.toString().trim()})`);
      ctx.skip();
      return;
    }
    try {
      await buildNetworkFile(RULES, join(mnt, NETWORK_FILE), {});
      const before = readFileSync(join(mnt, NETWORK_FILE));
      const big = join(work, 'disk.osm');
      await writeSyntheticExtract(big, { cols: 60, rows: 60, seed: 4 });
      let error: unknown;
      try {
        await importOsmNetwork(big, mnt);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).code).toBe('DISK');
      expect((error as ImportError).message).toMatch(/disk is full/);
      expect(readFileSync(join(mnt, NETWORK_FILE)).equals(before)).toBe(true);
      expect(readdirSync(mnt)).toEqual([NETWORK_FILE]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  }, 120_000);
});

describe('PBF block kinds', () => {
  it.skipIf(!hasOsmium)('gives the same network with and without deciding block kinds from a prefix', async () => {
    const osm = join(work, 'peek.osm');
    await writeSyntheticExtract(osm, { cols: 40, rows: 40, seed: 8, buildingsPerCell: 2, metadata: true });
    const pbf = join(work, 'peek.osm.pbf');
    sh('osmium', ['cat', osm, '-o', pbf, '--overwrite']);
    const peeked = await readOsmNetwork(pbf);
    const full = await readOsmNetwork(pbf, { peekBlocks: false });
    expectSameGraph(full.graph, peeked.graph);
    expect(peeked.counts).toEqual(full.counts);
    expect(peeked.facilities).toEqual(full.facilities);
  });
});
