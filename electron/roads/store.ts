/**
 * The imported network on disk: one file, `osm-network.bin` in the data folder, replaced by an
 * atomic rename so a reader sees the old network or the new one, never a mixture.
 *
 * Layout (little-endian):
 *
 *     0  "SSOSMNET"            8 bytes magic
 *     8  u32 version (1)
 *    12  u32 n = JSON length in bytes
 *    16  JSON (UTF-8): { meta, facilities, strings, arrays: [{ name, type, offset, length }] }
 *        padding to a multiple of 8
 *        typed arrays, each at an 8-byte-aligned offset from the start of the file
 *
 * Reload reads the file once and makes typed-array views on it (no copy, no parsing beyond the
 * JSON), so it takes milliseconds per 100 MB.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  RoadRouter,
  ROAD_GRAPH_ARRAYS,
  ROAD_GRAPH_OPTIONAL_ARRAYS,
  type BBox,
  type FacilityCandidate,
  type Landmarks,
  type RoadGraph,
  type RoadProfile,
} from '../../geo/roads/index.ts';
import type { ImportCounts, OsmFormat } from './read.ts';

export const NETWORK_FILE = 'osm-network.bin';
const MAGIC = 'SSOSMNET';
const VERSION = 1;

/** OpenStreetMap's licence notice, to show wherever the network is used (ODbL 1.0 §4.3). */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)';

/** Provenance and summary of an imported network, stored beside its arrays. */
export interface RoadNetworkMeta {
  /** The extract: file name (not the path), its size, format and the program that wrote it. */
  source: { file: string; bytes: number; format: OsmFormat; writingProgram: string | null };
  /** The data's as-of time (ISO 8601) from the PBF header's osmosis_replication_timestamp or the XML's timestamp; null when the file carries none. */
  asOf: string | null;
  attribution: string;
  profile: RoadProfile;
  /** The speed used for each class, km/h (the profile's, before maxspeed caps). */
  speedsKmh: Record<string, number>;
  clip: { mode: 'zone' | 'bbox' | 'whole'; boxes: BBox[] | null };
  /** Bounding box of the graph's nodes, and the one the file declares. */
  bbox: BBox;
  declaredBbox: BBox | null;
  /** False when no node lies in the zone's bounding box: zone analyses then have no coverage. */
  coversZone: boolean;
  nodes: number;
  edges: number;
  arcs: number;
  kmByClass: Record<string, number>;
  counts: ImportCounts;
  facilities: Record<string, number>;
  importedAt: string;
  importSeconds: number;
}

/** A loaded network, ready to route. */
export interface LoadedRoadNetwork {
  meta: RoadNetworkMeta;
  graph: RoadGraph;
  facilities: FacilityCandidate[];
  router: RoadRouter;
  /** Milliseconds the load took (read, views, reverse arcs). */
  loadMs: number;
}

type ArrayType = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Int16Array' | 'Uint8Array';
const CTORS = { Float64Array, Float32Array, Int32Array, Int16Array, Uint8Array } as const;

function typeOf(a: ArrayBufferView): ArrayType {
  if (a instanceof Float64Array) return 'Float64Array';
  if (a instanceof Float32Array) return 'Float32Array';
  if (a instanceof Int32Array) return 'Int32Array';
  if (a instanceof Int16Array) return 'Int16Array';
  if (a instanceof Uint8Array) return 'Uint8Array';
  throw new Error('unsupported array type');
}

/** Serialises a network to the buffers of the file layout (see the module comment). */
export function encodeNetwork(
  graph: RoadGraph,
  meta: RoadNetworkMeta,
  facilities: FacilityCandidate[],
  indexData: ArrayBufferLike,
  landmarks: Landmarks,
): Uint8Array[] {
  const arrays: [string, ArrayBufferView][] = ROAD_GRAPH_ARRAYS.map((name) => [name, graph[name]]);
  // Opening years of the edges (issue 16); a file without them reads as all open, year unknown.
  for (const name of ROAD_GRAPH_OPTIONAL_ARRAYS) {
    const a = graph[name];
    if (a) arrays.push([name, a]);
  }
  arrays.push(['edgeIndex', new Uint8Array(indexData)]);
  arrays.push(['landmarkNodes', landmarks.nodes], ['landmarkFrom', landmarks.from], ['landmarkTo', landmarks.to]);
  const layout: { name: string; type: ArrayType; offset: number; length: number }[] = [];
  // The JSON's length decides where the arrays start: lay out with a placeholder, then fix up.
  const describe = (start: number): string => {
    layout.length = 0;
    let offset = start;
    for (const [name, a] of arrays) {
      layout.push({ name, type: typeOf(a), offset, length: (a as Float64Array).length });
      offset += Math.ceil(a.byteLength / 8) * 8;
    }
    return JSON.stringify({ meta, facilities, strings: graph.strings, arrays: layout });
  };
  let start = 0;
  let json = describe(start);
  for (;;) {
    const bytes = Buffer.byteLength(json);
    const needed = Math.ceil((16 + bytes) / 8) * 8;
    if (needed === start) break;
    start = needed;
    json = describe(start);
  }
  const head = Buffer.alloc(start);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(VERSION, 8);
  const jsonBytes = Buffer.from(json);
  head.writeUInt32LE(jsonBytes.length, 12);
  jsonBytes.copy(head, 16);
  const out: Uint8Array[] = [head];
  for (const [, a] of arrays) {
    out.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const pad = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (pad) out.push(new Uint8Array(pad));
  }
  return out;
}

/**
 * Writes the buffers to `path` and flushes them to the disk (fsync), so a rename after it
 * publishes a complete file.
 * @throws the write error (ENOSPC for a full disk) after removing the partial file
 */
export function writeFileDurably(path: string, chunks: Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const c of chunks) {
      let done = 0;
      while (done < c.byteLength) done += writeSync(fd, c, done, c.byteLength - done);
    }
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw e;
  }
  closeSync(fd);
}

/** Publishes a finished temporary file as the active network (atomic within one file system). */
export function publishNetwork(tmpPath: string, dataDir: string): void {
  renameSync(tmpPath, join(dataDir, NETWORK_FILE));
}

/** Removes temporary files left by imports that were killed. */
export function removeStaleTemporaries(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  for (const f of readdirSync(dataDir)) if (/^osm-network\..*\.tmp$/.test(f)) rmSync(join(dataDir, f), { force: true });
}

/** A problem with a stored network file. */
export class NetworkFileError extends Error {
  override name = 'NetworkFileError';
}

/** Decodes a network file's bytes (views on `buf`; no copy when it is 8-byte aligned). */
export function decodeNetwork(buf: Uint8Array): {
  meta: RoadNetworkMeta;
  graph: RoadGraph;
  facilities: FacilityCandidate[];
  indexData: ArrayBufferLike;
  indexOffset: number;
  landmarks: Landmarks | undefined;
} {
  if (buf.byteLength < 16 || Buffer.from(buf.buffer, buf.byteOffset, 8).toString('latin1') !== MAGIC)
    throw new NetworkFileError('not a network file made by this app');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = view.getUint32(8, true);
  if (version !== VERSION)
    throw new NetworkFileError(
      `network file version ${version} is not supported (this app reads version ${VERSION}); import the extract again`,
    );
  const jsonLength = view.getUint32(12, true);
  const header = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 16, jsonLength).toString('utf8')) as {
    meta: RoadNetworkMeta;
    facilities: FacilityCandidate[];
    strings: string[];
    arrays: { name: string; type: ArrayType; offset: number; length: number }[];
  };
  let base = buf;
  if (buf.byteOffset % 8 !== 0) {
    base = new Uint8Array(buf.byteLength);
    base.set(buf);
  }
  const arrays: Record<string, ArrayBufferView> = {};
  let indexOffset = 0;
  for (const a of header.arrays) {
    const bytes = a.length * CTORS[a.type].BYTES_PER_ELEMENT;
    if (a.offset + bytes > base.byteLength) throw new NetworkFileError(`network file is truncated (array ${a.name})`);
    arrays[a.name] = new CTORS[a.type](base.buffer as ArrayBuffer, base.byteOffset + a.offset, a.length);
    if (a.name === 'edgeIndex') indexOffset = base.byteOffset + a.offset;
  }
  const g = arrays as unknown as Omit<RoadGraph, 'nodeCount' | 'edgeCount' | 'strings'>;
  const graph: RoadGraph = { ...g, nodeCount: g.nodeLng.length, edgeCount: g.edgeFrom.length, strings: header.strings } as RoadGraph;
  for (const name of ROAD_GRAPH_ARRAYS) if (!graph[name]) throw new NetworkFileError(`network file lacks the array ${name}`);
  const landmarks =
    arrays['landmarkNodes'] && arrays['landmarkFrom'] && arrays['landmarkTo']
      ? ({ nodes: arrays['landmarkNodes'], from: arrays['landmarkFrom'], to: arrays['landmarkTo'] } as Landmarks)
      : undefined;
  return { meta: header.meta, graph, facilities: header.facilities, indexData: base.buffer, indexOffset, landmarks };
}

/**
 * Loads the active imported network from the data folder.
 * @returns null when no network was imported
 * @throws NetworkFileError when the file is damaged or of another version
 */
export function loadOsmNetwork(dataDir: string): LoadedRoadNetwork | null {
  const path = join(dataDir, NETWORK_FILE);
  if (!existsSync(path)) return null;
  const t0 = performance.now();
  const buf = readFileSync(path);
  const { meta, graph, facilities, indexData, indexOffset, landmarks } = decodeNetwork(buf);
  const router = new RoadRouter(graph, graph.edgeCount > 0 ? { data: indexData, byteOffset: indexOffset } : undefined, landmarks);
  return { meta, graph, facilities, router, loadMs: performance.now() - t0 };
}

/** The summary `network info` prints: source, as-of, bbox, counts, km per class, speeds used. */
export function networkInfo(n: LoadedRoadNetwork | RoadNetworkMeta): Record<string, unknown> {
  const m = 'meta' in n ? n.meta : n;
  return {
    kind: 'osm',
    source: m.source.file,
    format: m.source.format,
    as_of: m.asOf,
    attribution: m.attribution,
    bbox: m.bbox,
    covers_zone: m.coversZone,
    clip: m.clip,
    nodes: m.nodes,
    edges: m.edges,
    km_by_class: m.kmByClass,
    speeds_kmh: m.speedsKmh,
    profile: m.profile.name,
    counts: m.counts,
    facilities: m.facilities,
    imported_at: m.importedAt,
    import_seconds: m.importSeconds,
  };
}
