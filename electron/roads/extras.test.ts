import { VectorTile } from '@mapbox/vector-tile';
import GeoJSONVT from 'geojson-vt';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JUNCTION_MINZOOM,
  ROAD_CLASS_MINZOOM,
  ROAD_TILE_LAYERS,
  ROAD_TILE_MAXZOOM,
  tileX,
  tileY,
  type RoadClass,
  type RoadLines,
} from '../../geo/roads/index.ts';
import { EXTRAS_FILE, openExtras, type RoadExtras } from './extras.ts';
import { buildNetworkFile, importOsmNetwork } from './import.ts';
import { NETWORK_FILE } from './store.ts';
import { writeSyntheticExtract } from './synthetic.ts';
import { generateRoadTiles } from './tiles.ts';

const FIXTURE = join(import.meta.dirname, '../../tests/fixtures/osm/hengshan.osm');
let work: string;
let xml: { extras: RoadExtras; importedAt: string };
let pbf: { extras: RoadExtras; importedAt: string };

async function build(file: string, name: string) {
  const dir = join(work, name);
  mkdirSync(dir);
  const meta = await buildNetworkFile(file, join(dir, NETWORK_FILE), {}, undefined, undefined, join(dir, EXTRAS_FILE));
  const extras = openExtras(dir, meta.importedAt);
  if (!extras) throw new Error('no extras');
  return { extras, importedAt: meta.importedAt };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'siteselect-extras-'));
  xml = await build(FIXTURE, 'xml');
  const p = join(work, 'hengshan.osm.pbf');
  const r = spawnSync('osmium', ['cat', FIXTURE, '-o', p, '--overwrite']);
  if (r.status !== 0) throw new Error(`osmium failed: ${r.stderr.toString()}`);
  pbf = await build(p, 'pbf');
});
afterAll(() => {
  xml?.extras.close();
  pbf?.extras.close();
  rmSync(work, { recursive: true, force: true });
});

function decode(buf: Buffer | null) {
  if (!buf) return null;
  return new VectorTile(new PbfReader(buf));
}

/** Every road feature of the tiles of zoom z covering the fixture, as { id, class }. */
function roadsAt(extras: RoadExtras, z: number) {
  const out: { id: number; class: string; name: unknown; ref: unknown }[] = [];
  for (let x = tileX(112.74, z); x <= tileX(113.0, z); x++)
    for (let y = tileY(27.31, z); y <= tileY(27.04, z); y++) {
      const layer = decode(extras.tile(z, x, y))?.layers[ROAD_TILE_LAYERS.roads];
      for (let i = 0; i < (layer?.length ?? 0); i++) {
        const f = layer!.feature(i);
        out.push({ id: Number(f.id), class: String(f.properties['class']), name: f.properties['name'], ref: f.properties['ref'] });
      }
    }
  return out;
}

describe('the road extras of an import', () => {
  it('puts each class in the tiles from the zoom the map draws it, with the way id as the feature id', () => {
    for (let z = 5; z <= ROAD_TILE_MAXZOOM; z++) {
      const roads = roadsAt(xml.extras, z);
      const classes = new Set(roads.map((r) => r.class));
      for (const c of ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'motorway_link'] as RoadClass[])
        expect(classes.has(c), `${c} at z${z}`).toBe(ROAD_CLASS_MINZOOM[c] <= z);
      // Outside the profile (main roads): never drawn.
      expect(classes.has('residential')).toBe(false);
    }
    const z12 = roadsAt(xml.extras, 12);
    expect(z12.find((r) => r.id === 2001)).toMatchObject({ class: 'motorway', name: '京港澳高速', ref: 'G4' });
    expect(z12.find((r) => r.id === 2006)).toMatchObject({ class: 'tertiary', name: '工业大道' });
    expect(xml.extras.header.tiles.minzoom).toBe(5);
  });

  it('draws the junction from its zoom on, where the network has it', () => {
    const at = (z: number) => {
      const layer = decode(xml.extras.tile(z, tileX(112.8, z), tileY(27.2, z)))?.layers[ROAD_TILE_LAYERS.junctions];
      return layer ? layer.feature(0) : null;
    };
    expect(at(JUNCTION_MINZOOM - 1)).toBeNull();
    const j = at(JUNCTION_MINZOOM);
    expect(j?.properties).toEqual({ name: '衡山西', ref: '123' });
    expect(j?.id).toBe(1004);
    // The point sits where the node is: 112.80 E, 27.20 N, in the tile's 4096 units.
    const z = 12;
    const g = at(z)?.loadGeometry()[0]?.[0];
    const worldX = ((112.8 + 180) / 360) * 2 ** z;
    expect(g?.x).toBe(Math.round((worldX - tileX(112.8, z)) * 4096));
    expect(xml.extras.junction(1004)).toMatchObject({ name: '衡山西', ref: '123', lng: 112.8, lat: 27.2 });
  });

  it('keeps the tags a clicked road shows, in the sidecar, not in the graph', () => {
    expect(xml.extras.way(2001)).toEqual({
      id: 2001,
      highway: 'motorway',
      tags: { name: '京港澳高速', ref: 'G4', maxspeed: '120', oneway: 'no', lanes: '4' },
    });
    expect(xml.extras.way(2004)?.tags).toMatchObject({ maxspeed: '60', ref: 'S315' });
    // Not in the network (residential is outside the profile): no tags kept.
    expect(xml.extras.way(2007)).toBeNull();
    expect(xml.extras.way(99999)).toBeNull();
  });

  it('collects named industrial areas (ways and multipolygons, holes subtracted) and rail stations, and reads PBF as XML', () => {
    const places = xml.extras.header.places;
    const byId = new Map(places.map((p) => [`${p.osmType}/${p.osmId}`, p]));
    expect([...byId.keys()].sort()).toEqual(['node/1040', 'relation/3001', 'way/2101', 'way/2102']);
    const hengdong = byId.get('way/2101');
    expect(hengdong).toMatchObject({ kind: 'industrial', name: '衡东经济开发区' });
    expect(hengdong?.position[0]).toBeCloseTo(112.9725, 6);
    expect(hengdong?.position[1]).toBeCloseTo(27.07, 4);
    // 0.025° × 0.02° at 27.07° N: about 2.47 km × 2.22 km.
    expect((hengdong?.areaM2 ?? 0) / 1e6).toBeCloseTo(5.49, 1);
    const relation = byId.get('relation/3001');
    expect(relation?.name).toBe('衡山工业集中区');
    // 0.02° × 0.015° minus a 0.004° × 0.004° hole.
    const outer = 0.02 * 0.015;
    const hole = 0.004 * 0.004;
    expect((relation?.areaM2 ?? 0) / ((hengdong?.areaM2 ?? 1) / (0.025 * 0.02))).toBeCloseTo(outer - hole, 5);
    expect(byId.get('node/1040')).toMatchObject({ kind: 'station', name: '衡山西站', position: [112.7841, 27.2513] });
    // The bus station (public_transport=station with bus=yes) and the unnamed area are not taken.
    expect(places.some((p) => p.name === '衡山汽车站')).toBe(false);
    expect(xml.extras.header.counts).toMatchObject({ industrialAreas: 3, stations: 1, unclosedRelations: 0, junctions: 1 });
    expect(pbf.extras.header.places).toEqual(places);
    expect(pbf.extras.header.tiles.bytes).toBe(xml.extras.header.tiles.bytes);
    expect(pbf.extras.way(2001)).toEqual(xml.extras.way(2001));
  });

  it('is ignored when it belongs to another import (a crash between the two renames)', () => {
    expect(openExtras(join(work, 'xml'), '2000-01-01T00:00:00.000Z')).toBeNull();
    expect(openExtras(join(work, 'nothing-here'), xml.importedAt)).toBeNull();
  });

  it('is left as it was when an import fails or is cancelled', async () => {
    const dir = join(work, 'keep');
    await importOsmNetwork(FIXTURE, dir);
    const before = readFileSync(join(dir, EXTRAS_FILE));
    const cut = join(work, 'cut.osm.pbf');
    writeFileSync(cut, Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from('\n\tOSMHeader\x18\xff\xff\x03')]));
    await expect(importOsmNetwork(cut, dir)).rejects.toMatchObject({ code: 'BAD_FILE' });
    expect(readFileSync(join(dir, EXTRAS_FILE)).equals(before)).toBe(true);
    const big = join(work, 'big.osm');
    await writeSyntheticExtract(big, { cols: 120, rows: 120, seed: 3 });
    const ac = new AbortController();
    const p = importOsmNetwork(big, dir, {}, (pr) => pr.fraction > 0.05 && ac.abort(), ac.signal);
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readFileSync(join(dir, EXTRAS_FILE)).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([EXTRAS_FILE, NETWORK_FILE]);
  }, 120_000);
});

describe('road tiles', () => {
  /** Seeded lines: random walks of tertiary roads near 112.9 E, 27.2 N, and a long motorway. */
  function randomLines(): RoadLines {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const lng: number[] = [];
    const lat: number[] = [];
    const start = [0];
    const cls: number[] = [];
    for (let i = 0; i < 60; i++) {
      let x = 112.7 + rnd() * 0.4;
      let y = 27.0 + rnd() * 0.4;
      const n = 2 + Math.floor(rnd() * 40);
      for (let k = 0; k < n; k++) {
        lng.push(x);
        lat.push(y);
        x += (rnd() - 0.5) * 0.01;
        y += (rnd() - 0.5) * 0.01;
      }
      start.push(lng.length);
      cls.push(8); // tertiary
    }
    for (let k = 0; k <= 200; k++) {
      lng.push(112.0 + k * 0.01);
      lat.push(26.5 + k * 0.004 + Math.sin(k / 5) * 0.003);
    }
    start.push(lng.length);
    cls.push(0); // motorway
    const count = cls.length;
    return {
      wayId: Float64Array.from({ length: count }, (_, i) => i + 1),
      cls: Uint8Array.from(cls),
      name: new Int32Array(count).fill(-1),
      ref: new Int32Array(count).fill(-1),
      start: Int32Array.from(start),
      lng: Float64Array.from(lng),
      lat: Float64Array.from(lat),
      strings: [],
    };
  }

  it('cuts lines as geojson-vt (an independent implementation) does: same tiles, same features, the same points', () => {
    const lines = randomLines();
    const ours = new Map<string, Uint8Array>();
    generateRoadTiles(lines, [], (z, x, y, data) => ours.set(`${z}/${x}/${y}`, data));
    const features = Array.from({ length: lines.wayId.length }, (_, i) => ({
      type: 'Feature' as const,
      id: lines.wayId[i],
      properties: { class: (lines.cls[i] as number) === 0 ? 'motorway' : 'tertiary' },
      geometry: {
        type: 'LineString' as const,
        coordinates: Array.from({ length: (lines.start[i + 1] as number) - (lines.start[i] as number) }, (_, k) => [
          lines.lng[(lines.start[i] as number) + k] as number,
          lines.lat[(lines.start[i] as number) + k] as number,
        ]),
      },
    }));
    const vt = new GeoJSONVT(
      { type: 'FeatureCollection', features },
      { maxZoom: 12, indexMaxZoom: 0, tolerance: 3, extent: 4096, buffer: 64 },
    );
    let compared = 0;
    for (const [key, data] of ours) {
      const [z, x, y] = key.split('/').map(Number) as [number, number, number];
      const layer = new VectorTile(new PbfReader(data)).layers[ROAD_TILE_LAYERS.roads];
      const theirs = (vt.getTile(z, x, y)?.features ?? []).filter((f) => ROAD_CLASS_MINZOOM[f.tags?.['class'] as RoadClass] <= z);
      const ids = (l: { id?: unknown }[]) => l.map((f) => Number(f.id)).sort((a, b) => a - b);
      const mine = Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i));
      // geojson-vt drops lines shorter than its tolerance; apart from those the same features are in each tile.
      const theirIds = ids(theirs);
      for (const id of ids(mine)) expect(theirIds, `tile ${key}`).toContain(id);
      expect(theirIds.length - mine.length).toBeLessThanOrEqual(1);
      // Each of our points lies on geojson-vt's line within both simplifications (3 units each: the
      // two drop points in a different order, as each clips before or after simplifying) and rounding.
      for (const f of mine) {
        const other = theirs.find((t) => Number(t.id) === Number(f.id));
        if (!other || other.type !== 2) continue;
        const segs = other.geometry as [number, number][][];
        for (const ring of f.loadGeometry())
          for (const p of ring) {
            let best = Infinity;
            for (const s of segs)
              for (let i = 0; i + 1 < s.length; i++) {
                const [ax, ay] = s[i] as [number, number];
                const [bx, by] = s[i + 1] as [number, number];
                const dx = bx - ax;
                const dy = by - ay;
                const t = dx || dy ? Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / (dx * dx + dy * dy))) : 0;
                best = Math.min(best, Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy)));
              }
            expect(best, `tile ${key} feature ${String(f.id)}`).toBeLessThanOrEqual(7);
          }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    // The 2° motorway crosses more than 25 z12 tiles (0.088° wide): each holds one feature of it.
    const motorway = lines.wayId.length;
    const holding = [...ours.entries()]
      .filter(([k]) => k.startsWith('12/'))
      .map(([, d]) => new VectorTile(new PbfReader(d)).layers[ROAD_TILE_LAYERS.roads])
      .map((l) => Array.from({ length: l?.length ?? 0 }, (_, i) => Number(l!.feature(i).id)).filter((id) => id === motorway).length)
      .filter((n) => n > 0);
    expect(holding.length).toBeGreaterThan(25);
    expect(holding.every((n) => n === 1)).toBe(true);
  });
});
