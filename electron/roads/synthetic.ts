/**
 * A generated OSM XML extract of province scale, for the bench and the agreement tests where no
 * real extract of that size is at hand. It is invented data (not OpenStreetMap data), made to
 * exercise what real extracts have:
 *
 * - a jittered grid of roads `spacingDeg` apart: every 40th line a motorway (two oneway
 *   carriageways 20 m apart, crossing the other roads on bridges, with interchanges every 5th
 *   crossing: a named motorway_junction, an off-ramp and an on-ramp per carriageway), every 10th
 *   a primary, every 5th a secondary, the rest tertiary; every 7th horizontal tertiary line oneway
 *   (alternating `yes` and `-1`);
 * - each stretch between crossings drawn as two ways with one inner node each (OSM splits roads
 *   at bridges, name and speed changes), so degree-2 merging has work to do;
 * - seeded random tags: maxspeed values of every form the parser knows (and garbage), private
 *   and `motor_vehicle=no` ways, residential ways outside the profile, and a few isolated pieces
 *   for the component check;
 * - optionally buildings and shop nodes (the bulk of a real extract) and element metadata.
 */
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '../../geo/mcda/wsm.ts';

export interface SyntheticOptions {
  cols: number;
  rows: number;
  /** South-west corner `[lng, lat]` and grid spacing in degrees. */
  origin?: [number, number];
  spacingDeg?: number;
  seed?: number;
  /**
   * Buildings per grid cell (closed 4-corner ways tagged building=yes, a few with a name, and a
   * shop node in one of ten). Real extracts are mostly such data, which the importer streams past:
   * with buildings the file has the composition of a province extract, without it is all roads.
   */
  buildingsPerCell?: number;
  /** Write version/timestamp/changeset on every element, as OSM's extracts carry (default false). */
  metadata?: boolean;
  /**
   * Make the first motorway along this axis (its carriageways and ramps) a road under construction,
   * tagged as OSM maps one: `highway=construction`, `construction=motorway|motorway_link`, and
   * `opening_date` when given (issue 16's opening-year scenarios).
   */
  construction?: { axis: 'vertical' | 'horizontal'; openingDate: string | null };
  /** The `osm_base` timestamp written in the file's header (as Overpass and osmium write it), e.g. "2025-06-01T00:00:00Z". */
  timestamp?: string;
  /** Every how many grid lines a motorway runs (default 40; then every 10th a primary, every 5th a secondary). */
  motorwayEvery?: number;
}

export interface SyntheticStats {
  nodes: number;
  ways: number;
  bytes: number;
}

const MAXSPEEDS = ['60', '40', '80', '30 mph', 'CN:urban', 'CN:rural', 'none', '60;80', 'walk', 'unknown', '100', '50 km/h'];

/** Writes the extract to `path` (OSM XML, nodes then ways, sorted by id). */
export async function writeSyntheticExtract(path: string, options: SyntheticOptions): Promise<SyntheticStats> {
  const { cols: C, rows: R } = options;
  const [x0, y0] = options.origin ?? [110.0, 25.0];
  const d = options.spacingDeg ?? 0.01;
  const rand = mulberry32(options.seed ?? 1);
  const lng: number[] = [];
  const lat: number[] = [];
  const nodeTags = new Map<number, string>();
  const addNode = (x: number, y: number): number => {
    lng.push(Math.round(x * 1e7) / 1e7);
    lat.push(Math.round(y * 1e7) / 1e7);
    return lng.length; // ids start at 1
  };
  const jitter = (): number => (rand() - 0.5) * d * 0.2;
  // Crossings.
  const cross = new Int32Array(C * R);
  for (let j = 0; j < R; j++) for (let i = 0; i < C; i++) cross[j * C + i] = addNode(x0 + i * d + jitter(), y0 + j * d + jitter());
  const pos = (id: number): [number, number] => [lng[id - 1] as number, lat[id - 1] as number];

  interface Way {
    refs: number[];
    tags: string;
  }
  const ways: Way[] = [];
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const tag = (k: string, v: string): string => `    <tag k="${k}" v="${esc(v)}"/>\n`;
  const randomTags = (cls: string): string => {
    let t = tag('highway', cls);
    const r = rand();
    if (r < 0.1) t += tag('maxspeed', MAXSPEEDS[Math.floor(rand() * MAXSPEEDS.length)] as string);
    if (cls === 'tertiary') {
      const q = rand();
      if (q < 0.015) t += tag('access', 'private');
      else if (q < 0.02) t += tag('motor_vehicle', 'no');
      else if (q < 0.023) t += tag('access', 'private') + tag('motor_vehicle', 'yes');
    }
    if (rand() < 0.3) t += tag('name', `路${Math.floor(rand() * 1000)}`);
    return t;
  };
  const every = options.motorwayEvery ?? 40;
  const lineClass = (k: number): string =>
    k > 0 && k % every === 0 ? 'motorway' : k % 10 === 0 ? 'primary' : k % 5 === 0 ? 'secondary' : 'tertiary';
  /** Two ways between crossing nodes a and b, each with an inner node. */
  const stretch = (a: number, b: number, tags: () => string, reverse = false): void => {
    const [ax, ay] = pos(a);
    const [bx, by] = pos(b);
    const m1 = addNode(ax + (bx - ax) * 0.25 + jitter() * 0.2, ay + (by - ay) * 0.25 + jitter() * 0.2);
    const mid = addNode(ax + (bx - ax) * 0.5, ay + (by - ay) * 0.5);
    const m2 = addNode(ax + (bx - ax) * 0.75 + jitter() * 0.2, ay + (by - ay) * 0.75 + jitter() * 0.2);
    const t1 = tags();
    // Usually the two halves carry the same tags (then they merge); sometimes not.
    const t2 = rand() < 0.8 ? t1 : tags();
    const w1 = [a, m1, mid];
    const w2 = [mid, m2, b];
    if (reverse) {
      ways.push({ refs: w2.reverse(), tags: t2 }, { refs: w1.reverse(), tags: t1 });
    } else ways.push({ refs: w1, tags: t1 }, { refs: w2, tags: t2 });
  };
  let junctions = 0;
  /** A motorway along crossings c[0..n-1] (crossing ids), two carriageways offset by `off` degrees perpendicular. */
  const building = { vertical: options.construction?.axis === 'vertical', horizontal: options.construction?.axis === 'horizontal' };
  const road = (cls: string, built: boolean): string =>
    built
      ? tag('highway', 'construction') +
        tag('construction', cls) +
        (options.construction?.openingDate ? tag('opening_date', options.construction.openingDate) : '')
      : tag('highway', cls);
  const motorway = (line: number[], offX: number, offY: number, ref: string, built = false): void => {
    for (const dir of [1, -1]) {
      const seq = dir === 1 ? line : [...line].reverse();
      const carriage: number[] = [];
      const atCrossing: number[] = [];
      for (let k = 0; k < seq.length; k++) {
        const [cx, cy] = pos(seq[k] as number);
        atCrossing.push(carriage.length);
        carriage.push(addNode(cx + dir * offX, cy + dir * offY));
        if (k < seq.length - 1) {
          const [nx, ny] = pos(seq[k + 1] as number);
          carriage.push(addNode((cx + nx) / 2 + dir * offX, (cy + ny) / 2 + dir * offY));
        }
      }
      // Carriageway ways between consecutive crossings (bridges: no shared node with the cross road).
      for (let k = 0; k + 2 < carriage.length; k += 2) {
        ways.push({
          refs: [carriage[k] as number, carriage[k + 1] as number, carriage[k + 2] as number],
          tags: road('motorway', built) + tag('ref', ref),
        });
      }
      for (let k = 2; k < seq.length - 1; k += 5) {
        const here = seq[k] as number;
        const j = carriage[atCrossing[k] as number] as number;
        const after = carriage[(atCrossing[k] as number) + 1] as number;
        nodeTags.set(j, tag('highway', 'motorway_junction') + tag('name', `互通${++junctions}`) + tag('ref', String(junctions)));
        ways.push({ refs: [j, here], tags: road('motorway_link', built) });
        ways.push({ refs: [here, after], tags: road('motorway_link', built) });
      }
    }
  };
  // Vertical lines.
  for (let i = 0; i < C; i++) {
    const cls = lineClass(i);
    if (cls === 'motorway' && i > 0) {
      const line: number[] = [];
      for (let j = 0; j < R; j++) line.push(cross[j * C + i] as number);
      motorway(line, d * 0.02, 0, `G${i}`, building.vertical);
      building.vertical = false;
      continue;
    }
    for (let j = 0; j + 1 < R; j++) stretch(cross[j * C + i] as number, cross[(j + 1) * C + i] as number, () => randomTags(cls));
  }
  // Horizontal lines.
  for (let j = 0; j < R; j++) {
    const cls = lineClass(j);
    if (cls === 'motorway' && j > 0) {
      const line: number[] = [];
      for (let i = 0; i < C; i++) line.push(cross[j * C + i] as number);
      motorway(line, 0, d * 0.02, `G${j}`, building.horizontal);
      building.horizontal = false;
      continue;
    }
    const oneway = cls === 'tertiary' && j % 7 === 3 ? (j % 2 === 0 ? 'yes' : '-1') : null;
    for (let i = 0; i + 1 < C; i++) {
      stretch(cross[j * C + i] as number, cross[j * C + i + 1] as number, () => randomTags(cls) + (oneway ? tag('oneway', oneway) : ''));
    }
  }
  // Residential spurs (not in the main-roads profile) and isolated pieces.
  for (let k = 0; k < (C * R) / 50; k++) {
    const c = cross[Math.floor(rand() * C * R)] as number;
    const [cx, cy] = pos(c);
    const s = addNode(cx + d * 0.3, cy + d * 0.3);
    ways.push({ refs: [c, s], tags: tag('highway', 'residential') });
  }
  for (let k = 0; k < Math.max(1, (C * R) / 400); k++) {
    const [cx, cy] = pos(cross[Math.floor(rand() * C * R)] as number);
    const a = addNode(cx + d * 0.4, cy + d * 0.45);
    const b = addNode(cx + d * 0.45, cy + d * 0.4);
    ways.push({ refs: [a, b], tags: tag('highway', 'tertiary') });
  }

  const buildings = options.buildingsPerCell ?? 0;
  for (let j = 0; j + 1 < R && buildings > 0; j++) {
    for (let i = 0; i + 1 < C; i++) {
      for (let k = 0; k < buildings; k++) {
        const bx = x0 + (i + 0.1 + rand() * 0.8) * d;
        const by = y0 + (j + 0.1 + rand() * 0.8) * d;
        const w = d * 0.002;
        const h = d * 0.0015;
        const a = addNode(bx, by);
        const b = addNode(bx + w, by);
        const c = addNode(bx + w, by + h);
        const e = addNode(bx, by + h);
        let t = tag('building', rand() < 0.7 ? 'yes' : 'residential');
        if (rand() < 0.1) t += tag('name', `楼${Math.floor(rand() * 10000)}`);
        if (rand() < 0.2) t += tag('building:levels', String(1 + Math.floor(rand() * 20)));
        ways.push({ refs: [a, b, c, e, a], tags: t });
        if (rand() < 0.1) {
          const shop = addNode(bx + w / 2, by + h / 2);
          nodeTags.set(shop, tag('shop', 'convenience') + tag('name', `店${shop}`));
        }
      }
    }
  }
  // OSM ids have gaps (deleted objects) and metadata varies per object; both matter for the PBF's size per object.
  const osmId = new Float64Array(lng.length + 1);
  for (let i = 1, id = 1000; i <= lng.length; i++) osmId[i] = id += 1 + Math.floor(-Math.log(1 - rand()) * 3);
  const wayOsmId = new Float64Array(ways.length + 1);
  for (let k = 1, id = 1000; k <= ways.length; k++) wayOsmId[k] = id += 1 + Math.floor(-Math.log(1 - rand()) * 3);
  const t0 = Date.UTC(2009, 0, 1) / 1000;
  const meta = options.metadata
    ? (): string => {
        const t = new Date((t0 + Math.floor(rand() * 15 * 365 * 86400)) * 1000).toISOString().replace('.000', '');
        return ` version="${1 + Math.floor(rand() * 12)}" timestamp="${t}" changeset="${1_000_000 + Math.floor(rand() * 149_000_000)}"`;
      }
    : (): string => ' version="1"';

  const out = createWriteStream(path);
  let bytes = 0;
  let buffer = '';
  const write = async (s: string): Promise<void> => {
    buffer += s;
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="siteselect synthetic extract (invented data)">\n`);
  if (options.timestamp) await write(`  <meta osm_base="${options.timestamp}"/>\n`);
  for (let id = 1; id <= lng.length; id++) {
    const t = nodeTags.get(id);
    const attrs = `id="${osmId[id]}"${meta()} lat="${(lat[id - 1] as number).toFixed(7)}" lon="${(lng[id - 1] as number).toFixed(7)}"`;
    await write(t ? `  <node ${attrs}>\n${t}  </node>\n` : `  <node ${attrs}/>\n`);
  }
  for (let k = 0; k < ways.length; k++) {
    const w = ways[k] as Way;
    let s = `  <way id="${wayOsmId[k + 1]}"${meta()}>\n`;
    for (const r of w.refs) s += `    <nd ref="${osmId[r]}"/>\n`;
    await write(s + w.tags + '  </way>\n');
  }
  await write('</osm>\n');
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  return { nodes: lng.length, ways: ways.length, bytes };
}
