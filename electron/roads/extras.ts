/**
 * What an import keeps beside the routing graph, in a sidecar file `osm-extras.bin` next to
 * `osm-network.bin`: the vector tiles of the network's roads (tiles.ts), the tags a clicked road or
 * junction shows, and the named industrial areas and railway stations of the extract that the
 * catalogue's parks and stations can be matched to (geo/roads/match.ts).
 *
 * It is filled while the extract is read (the read hooks of read.ts), written by the import
 * worker to a temporary file and published by the parent with an atomic rename just before the
 * network file, so a failed, cancelled or killed import leaves the previous sidecar; the sidecar
 * names the import it belongs to (`networkImportedAt`), and one that does not match the network
 * file (a crash between the two renames) is ignored.
 *
 * Layout (little-endian): "SSOSMXTR", u32 version, u32 JSON length, f64 JSON offset, then the tile
 * bytes and the way arrays (8-byte aligned), then the JSON header describing them.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import {
  areaCentroid,
  assembleRings,
  insideBoxes,
  networkLines,
  ROAD_CLASSES,
  ROAD_TILE_MAXZOOM,
  ROAD_TILE_MINZOOM,
  type BBox,
  type LngLatPoint,
  type RawRoads,
  type RoadLines,
} from '../../geo/roads/index.ts';
import type { RelationMember } from './pbf.ts';
import type { ReadHooks } from './read.ts';
import { generateRoadTiles, type JunctionPoint, type TileStats } from './tiles.ts';

export const EXTRAS_FILE = 'osm-extras.bin';
const MAGIC = 'SSOSMXTR';
const VERSION = 1;
const HEAD = 24;

/** Way tags kept for a clicked road's card (besides `highway`, which is the class). */
export const ROAD_TAG_KEYS = [
  'name',
  'name:zh',
  'name:en',
  'ref',
  'maxspeed',
  'maxspeed:forward',
  'maxspeed:backward',
  'oneway',
  'junction',
  'lanes',
  'bridge',
  'tunnel',
  'toll',
] as const;

/** Tags kept for an area or a station (those a reviewer needs to judge a match). */
const PLACE_TAG_KEYS = [
  'name',
  'name:zh',
  'name:en',
  'old_name',
  'landuse',
  'railway',
  'public_transport',
  'station',
  'train',
  'usage',
  'operator',
];

/** A named industrial area or a railway station of the extract. */
export interface OsmPlace {
  kind: 'industrial' | 'station';
  osmType: 'node' | 'way' | 'relation';
  osmId: number;
  name: string | null;
  /** `[lng, lat]` WGS-84: the node, or an area's centroid. */
  position: [number, number];
  /** Square metres for an area, null for a node. */
  areaM2: number | null;
  tags: Record<string, string>;
}

/** Railway stations as the matching takes them: `railway=station`, or `public_transport=station` with `train=yes`; not metro, tram or funicular stations (the reference stations are national rail). */
export function isRailStation(tags: Readonly<Record<string, string>>): boolean {
  const rail = tags['railway'] === 'station' || (tags['public_transport'] === 'station' && tags['train'] === 'yes');
  return rail && !['subway', 'light_rail', 'monorail', 'funicular', 'miniature', 'tram'].includes(tags['station'] ?? '');
}

function named(tags: Readonly<Record<string, string>>): boolean {
  return Boolean(tags['name'] || tags['name:zh']);
}

function keep(tags: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (tags[k] !== undefined) out[k] = tags[k] as string;
  return out;
}

/** What the collector hands to the writer once the read is done. */
export interface ExtrasContent {
  lines: RoadLines;
  junctions: JunctionPoint[];
  places: OsmPlace[];
  /** Way tags, sorted by way id: `tags[k][i]` is the index in `strings` of ROAD_TAG_KEYS[k] of way i, -1 when absent. */
  ways: { ids: Float64Array; cls: Uint8Array; tags: Int32Array[]; strings: string[] };
  counts: { industrialAreas: number; stations: number; unclosedRelations: number; junctions: number };
}

/**
 * Collects the extras while an extract is read: give `hooks()` to readOsmNetwork, then call
 * `content()`. Memory: the kept road ways' tag indexes (4 bytes per key), the node ids of the
 * areas and stations' ways, nothing per node of the file.
 */
export class ExtrasCollector {
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private wayIds: number[] = [];
  private wayTags: number[][] = ROAD_TAG_KEYS.map(() => []);
  private readonly areas: {
    kind: OsmPlace['kind'];
    osmType: 'way' | 'relation';
    id: number;
    tags: Record<string, string>;
    ways: number[][];
  }[] = [];
  private readonly relations: { kind: OsmPlace['kind']; id: number; tags: Record<string, string>; members: RelationMember[] }[] = [];
  private readonly memberRefs = new Map<number, number[]>();
  private readonly nodePlaces: OsmPlace[] = [];
  private readonly junctions: JunctionPoint[] = [];
  private result: ExtrasContent | null = null;

  private intern(s: string | undefined): number {
    if (s === undefined || s === '') return -1;
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  private static placeKind(tags: Readonly<Record<string, string>>): OsmPlace['kind'] | null {
    if (tags['landuse'] === 'industrial' && named(tags)) return 'industrial';
    if (isRailStation(tags) && named(tags)) return 'station';
    return null;
  }

  hooks(): ReadHooks {
    return {
      road: (id, tags) => {
        this.wayIds.push(id);
        ROAD_TAG_KEYS.forEach((k, i) => (this.wayTags[i] as number[]).push(this.intern(tags[k])));
      },
      way: (id, refs, refCount, tags) => {
        const kind = ExtrasCollector.placeKind(tags);
        if (kind)
          this.areas.push({ kind, osmType: 'way', id, tags: keep(tags, PLACE_TAG_KEYS), ways: [Array.from(refs.subarray(0, refCount))] });
      },
      relation: (id, members, tags) => {
        const kind = ExtrasCollector.placeKind(tags);
        if (kind === 'industrial' && (tags['type'] === 'multipolygon' || tags['type'] === 'boundary'))
          this.relations.push({ kind, id, tags: keep(tags, PLACE_TAG_KEYS), members: members.filter((m) => m.type === 'way') });
      },
      memberWays: () => new Set(this.relations.flatMap((r) => r.members.map((m) => m.ref))),
      memberWay: (id, refs, refCount) => void this.memberRefs.set(id, Array.from(refs.subarray(0, refCount))),
      nodeIds: () => {
        const ids: number[] = [];
        for (const a of this.areas) for (const w of a.ways) ids.push(...w);
        for (const r of this.memberRefs.values()) ids.push(...r);
        return Float64Array.from(ids);
      },
      node: (id, lng, lat, tags) => {
        if (tags['highway'] === 'motorway_junction')
          this.junctions.push({ osmId: id, lng, lat, name: tags['name'] ?? null, ref: tags['ref'] ?? null });
        if (isRailStation(tags) && named(tags))
          this.nodePlaces.push({
            kind: 'station',
            osmType: 'node',
            osmId: id,
            name: tags['name'] ?? tags['name:zh'] ?? null,
            position: [lng, lat],
            areaM2: null,
            tags: keep(tags, PLACE_TAG_KEYS),
          });
      },
      built: (r) => this.finish(r.raw, r.inNetwork, r.position, r.clipBoxes),
    };
  }

  private finish(raw: RawRoads, inNetwork: Uint8Array, position: (id: number) => [number, number] | null, clipBoxes: BBox[] | null): void {
    const lines = networkLines(raw, inNetwork);
    const inside = (p: readonly [number, number]) => !clipBoxes || insideBoxes(p[0], p[1], clipBoxes);
    // Tags of the ways the map draws, sorted by id for lookup.
    const drawn = new Set<number>();
    for (let i = 0; i < lines.wayId.length; i++) drawn.add(lines.wayId[i] as number);
    const clsOf = new Map<number, number>();
    for (let i = 0; i < lines.wayId.length; i++) clsOf.set(lines.wayId[i] as number, lines.cls[i] as number);
    const order = this.wayIds.map((_, i) => i).filter((i) => drawn.has(this.wayIds[i] as number));
    order.sort((a, b) => (this.wayIds[a] as number) - (this.wayIds[b] as number));
    const ways = {
      ids: Float64Array.from(order, (i) => this.wayIds[i] as number),
      cls: Uint8Array.from(order, (i) => clsOf.get(this.wayIds[i] as number) ?? 0),
      tags: this.wayTags.map((col) => Int32Array.from(order, (i) => col[i] as number)),
      strings: this.strings,
    };
    this.wayIds = [];
    this.wayTags = [];

    const ring = (ids: readonly number[]): LngLatPoint[] | null => {
      const out: LngLatPoint[] = [];
      for (const id of ids) {
        const p = position(id);
        if (!p) return null; // a node the extract lacks: the ring is incomplete
        out.push(p);
      }
      return out;
    };
    const places: OsmPlace[] = this.nodePlaces.filter((p) => inside(p.position));
    let unclosedRelations = 0;
    const area = (
      kind: OsmPlace['kind'],
      osmType: 'way' | 'relation',
      id: number,
      tags: Record<string, string>,
      outerIds: number[][],
      innerIds: number[][],
    ) => {
      const outer = outerIds.map(ring).filter((r): r is LngLatPoint[] => r !== null);
      const inner = innerIds.map(ring).filter((r): r is LngLatPoint[] => r !== null);
      const c = areaCentroid(outer, inner);
      if (!c || !inside(c.position)) return;
      places.push({
        kind,
        osmType,
        osmId: id,
        name: tags['name'] ?? tags['name:zh'] ?? null,
        position: c.position,
        areaM2: Math.round(c.areaM2),
        tags,
      });
    };
    for (const a of this.areas) {
      const w = a.ways[0] as number[];
      // A station drawn as an open way (a platform line) is placed at its points' mean, with no area.
      if (w.length >= 4 && w[0] === w[w.length - 1]) area(a.kind, 'way', a.id, a.tags, [w], []);
      else if (a.kind === 'station') {
        const pts = ring(w);
        if (pts && pts.length > 0) {
          const p: [number, number] = [pts.reduce((s, q) => s + q[0], 0) / pts.length, pts.reduce((s, q) => s + q[1], 0) / pts.length];
          if (inside(p))
            places.push({
              kind: 'station',
              osmType: 'way',
              osmId: a.id,
              name: a.tags['name'] ?? null,
              position: p,
              areaM2: null,
              tags: a.tags,
            });
        }
      }
    }
    for (const r of this.relations) {
      const refsOf = (role: (x: string) => boolean) =>
        r.members.filter((m) => role(m.role)).flatMap((m) => (this.memberRefs.has(m.ref) ? [this.memberRefs.get(m.ref) as number[]] : []));
      const outer = assembleRings(refsOf((x) => x !== 'inner'));
      const inner = assembleRings(refsOf((x) => x === 'inner'));
      if (outer.unclosed + inner.unclosed > 0) unclosedRelations++;
      if (outer.rings.length > 0) area(r.kind, 'relation', r.id, r.tags, outer.rings, inner.rings);
    }
    const junctions = this.junctions.filter((j) => inside([j.lng, j.lat]));
    this.result = {
      lines,
      junctions,
      places,
      ways,
      counts: {
        industrialAreas: places.filter((p) => p.kind === 'industrial').length,
        stations: places.filter((p) => p.kind === 'station').length,
        unclosedRelations,
        junctions: junctions.length,
      },
    };
  }

  /** The collected content; null when the read did not get as far as the build. */
  content(): ExtrasContent | null {
    return this.result;
  }
}

/** The JSON header of a sidecar. */
export interface ExtrasHeader {
  /** The `importedAt` of the network file this sidecar belongs to. */
  networkImportedAt: string;
  attribution: string;
  tiles: TileStats & { minzoom: number; maxzoom: number; index: ArrayRef[] };
  ways: { count: number; ids: ArrayRef; cls: ArrayRef; tags: Record<string, ArrayRef> };
  strings: string[];
  junctions: JunctionPoint[];
  places: OsmPlace[];
  counts: ExtrasContent['counts'];
}

interface ArrayRef {
  type: 'Float64Array' | 'Int32Array' | 'Uint8Array';
  offset: number;
  length: number;
}

const CTORS = { Float64Array, Int32Array, Uint8Array } as const;

function tileKey(z: number, x: number, y: number): number {
  // z < 32 and x, y < 2^z ≤ 2^24 (checked by the caller): exact in a double.
  return (z * 2 ** 24 + x) * 2 ** 24 + y;
}

/**
 * Writes the sidecar for `content` to `path`: the tiles as they are made, then the way arrays and
 * the header, then flushes it to disk (fsync) so a rename after it publishes a whole file.
 * @throws the write error after removing the partial file
 */
export function writeExtrasFile(
  path: string,
  content: ExtrasContent,
  stamp: { networkImportedAt: string; attribution: string },
  checkCancel?: () => void,
  onTileProgress?: (fraction: number) => void,
): ExtrasHeader {
  const fd = openSync(path, 'w');
  try {
    let pos = HEAD;
    const write = (bytes: Uint8Array): number => {
      const at = pos;
      let done = 0;
      while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, pos + done);
      pos += bytes.byteLength;
      const pad = (8 - (pos % 8)) % 8;
      if (pad) {
        writeSync(fd, new Uint8Array(pad), 0, pad, pos);
        pos += pad;
      }
      return at;
    };
    const keys: number[] = [];
    const offsets: number[] = [];
    const lengths: number[] = [];
    const stats = generateRoadTiles(
      content.lines,
      content.junctions,
      (z, x, y, data) => {
        keys.push(tileKey(z, x, y));
        offsets.push(write(data));
        lengths.push(data.byteLength);
      },
      { ...(checkCancel ? { checkCancel } : {}), ...(onTileProgress ? { onProgress: onTileProgress } : {}) },
    );
    // The tile index, sorted by key for bisection.
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number));
    const array = (a: Float64Array | Int32Array | Uint8Array): ArrayRef => {
      const offset = write(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      return { type: a.constructor.name as ArrayRef['type'], offset, length: a.length };
    };
    const index = [
      array(Float64Array.from(order, (i) => keys[i] as number)),
      array(Float64Array.from(order, (i) => offsets[i] as number)),
      array(Int32Array.from(order, (i) => lengths[i] as number)),
    ];
    const { ways } = content;
    const header: ExtrasHeader = {
      ...stamp,
      tiles: { ...stats, minzoom: ROAD_TILE_MINZOOM, maxzoom: ROAD_TILE_MAXZOOM, index },
      ways: {
        count: ways.ids.length,
        ids: array(ways.ids),
        cls: array(ways.cls),
        tags: Object.fromEntries(ROAD_TAG_KEYS.map((k, i) => [k, array(ways.tags[i] as Int32Array)])),
      },
      strings: ways.strings,
      junctions: content.junctions,
      places: content.places,
      counts: content.counts,
    };
    const json = Buffer.from(JSON.stringify(header));
    const jsonAt = pos;
    write(json);
    const head = Buffer.alloc(HEAD);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(VERSION, 8);
    head.writeUInt32LE(json.byteLength, 12);
    head.writeDoubleLE(jsonAt, 16);
    writeSync(fd, head, 0, HEAD, 0);
    fsyncSync(fd);
    closeSync(fd);
    return header;
  } catch (e) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw e;
  }
}

/** The tiles' version in their URL: the import's time as digits, so a new import is never served from a cache. */
export function roadTileVersion(networkImportedAt: string): string {
  return networkImportedAt.replace(/[^0-9]/g, '');
}

/** Publishes a finished temporary sidecar (atomic within one file system); without one, the old sidecar (of another import) goes. */
export function publishExtras(tmpPath: string, dataDir: string): void {
  if (existsSync(tmpPath)) renameSync(tmpPath, join(dataDir, EXTRAS_FILE));
  else rmSync(join(dataDir, EXTRAS_FILE), { force: true });
}

/** A clicked road's stored tags. */
export interface WayTags {
  id: number;
  highway: string;
  tags: Record<string, string>;
}

/** An opened sidecar: tiles read from the file on demand, the rest from the header. */
export interface RoadExtras {
  header: ExtrasHeader;
  /** {@link roadTileVersion} of this import. */
  tileVersion: string;
  /** A road tile's bytes, or null where the network has no road. */
  tile(z: number, x: number, y: number): Buffer | null;
  way(id: number): WayTags | null;
  junction(id: number): JunctionPoint | null;
  close(): void;
}

/** A problem with a stored sidecar file. */
export class ExtrasFileError extends Error {
  override name = 'ExtrasFileError';
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new ExtrasFileError(`road extras file is truncated at byte ${position + done}`);
    done += n;
  }
  return buf;
}

function bisect(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo] === v ? lo : -1;
}

/**
 * Opens the sidecar in `dataDir` if it belongs to the network imported at `networkImportedAt`.
 * @returns null when there is none, or it is of another import (it is then not used)
 * @throws ExtrasFileError when the file is damaged or of another version
 */
export function openExtras(dataDir: string, networkImportedAt: string): RoadExtras | null {
  const path = join(dataDir, EXTRAS_FILE);
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < HEAD) throw new ExtrasFileError('not a road extras file made by this app');
    const head = readExactly(fd, HEAD, 0);
    if (head.toString('latin1', 0, 8) !== MAGIC) throw new ExtrasFileError('not a road extras file made by this app');
    const version = head.readUInt32LE(8);
    if (version !== VERSION)
      throw new ExtrasFileError(
        `road extras file version ${version} is not supported (this app reads ${VERSION}); import the extract again`,
      );
    const jsonLength = head.readUInt32LE(12);
    const jsonAt = head.readDoubleLE(16);
    if (jsonAt + jsonLength > size) throw new ExtrasFileError('road extras file is truncated');
    const header = JSON.parse(readExactly(fd, jsonLength, jsonAt).toString('utf8')) as ExtrasHeader;
    if (header.networkImportedAt !== networkImportedAt) {
      closeSync(fd);
      return null;
    }
    const load = <T extends ArrayRef['type']>(ref: ArrayRef & { type: T }) => {
      if (ref.offset + ref.length * CTORS[ref.type].BYTES_PER_ELEMENT > size) throw new ExtrasFileError('road extras file is truncated');
      const bytes = readExactly(fd, ref.length * CTORS[ref.type].BYTES_PER_ELEMENT, ref.offset);
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new CTORS[ref.type](copy.buffer, 0, ref.length) as InstanceType<(typeof CTORS)[T]>;
    };
    const [keyRef, offsetRef, lengthRef] = header.tiles.index as [ArrayRef, ArrayRef, ArrayRef];
    const tileKeys = load(keyRef) as Float64Array;
    const tileOffsets = load(offsetRef) as Float64Array;
    const tileLengths = load(lengthRef) as Int32Array;
    // The way arrays are read on first use: a map that is never clicked does not need them.
    let ways: { ids: Float64Array; cls: Uint8Array; tags: Int32Array[] } | null = null;
    const wayArrays = () =>
      (ways ??= {
        ids: load(header.ways.ids) as Float64Array,
        cls: load(header.ways.cls) as Uint8Array,
        tags: ROAD_TAG_KEYS.map((k) => load(header.ways.tags[k] as ArrayRef) as Int32Array),
      });
    const junctions = new Map(header.junctions.map((j) => [j.osmId, j]));
    let open = true;
    return {
      header,
      tileVersion: roadTileVersion(header.networkImportedAt),
      tile(z, x, y) {
        if (!open || z < 0 || z > 24 || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) return null;
        const i = bisect(tileKeys, tileKey(z, x, y));
        return i < 0 ? null : readExactly(fd, tileLengths[i] as number, tileOffsets[i] as number);
      },
      way(id) {
        if (!open) return null;
        const w = wayArrays();
        const i = bisect(w.ids, id);
        if (i < 0) return null;
        const tags: Record<string, string> = {};
        ROAD_TAG_KEYS.forEach((k, c) => {
          const s = (w.tags[c] as Int32Array)[i] as number;
          if (s >= 0) tags[k] = header.strings[s] as string;
        });
        return { id, highway: ROAD_CLASSES[w.cls[i] as number] as string, tags };
      },
      junction: (id) => junctions.get(id) ?? null,
      close() {
        if (open) closeSync(fd);
        open = false;
      },
    };
  } catch (e) {
    closeSync(fd);
    if (e instanceof SyntaxError) throw new ExtrasFileError(`road extras file is damaged: ${e.message}`);
    throw e;
  }
}
