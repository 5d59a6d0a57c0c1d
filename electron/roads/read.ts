/**
 * Reads an OSM extract in two streaming passes and builds the road network in memory.
 *
 * Memory model (what is held, independent of the file's size):
 * - pass 1 (ways): for every kept road way, its node ids (8 bytes each, growable Float64Array)
 *   and 20 bytes of attributes; for facility areas, their node ids. Nodes and relations are
 *   skipped. For PBF, the offsets of the blocks that hold nodes are noted, so pass 2 reads
 *   only those.
 * - between: the needed node ids, sorted and deduplicated (8 bytes each).
 * - pass 2 (nodes): a position for each needed id (16 bytes), looked up by a cursor that moves
 *   forward while ids increase (files are sorted by id) and by bisection otherwise.
 * - build: references become 4-byte indexes, then clipping, components and merging work on
 *   typed arrays of the kept segments (see geo/roads/build.ts).
 * One PBF block (at most 32 MiB, typically 100–300 KiB) is decoded at a time.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  buildRoadGraph,
  clipWays,
  DEFAULT_CLIP,
  facilityCandidate,
  insideBoxes,
  nodeFacilityKind,
  wayCentroid,
  wayFacilityKind,
  wayRule,
  ZONE_BBOX,
} from '../../geo/roads/index.ts';
import type {
  BBox,
  BuildReport,
  DropReason,
  FacilityCandidate,
  FacilityKind,
  RawRoads,
  RoadGraph,
  RoadProfile,
} from '../../geo/roads/index.ts';
import { BACKWARD, FORWARD, MAIN_ROADS_PROFILE, profileProblem, ROAD_CLASSES } from '../../geo/roads/index.ts';
import { osmOpening, statusCode } from '../../geo/network/years.ts';
import {
  decodeHeaderBlock,
  decodePrimitiveBlock,
  guard,
  OsmFileError,
  PbfFile,
  type BlobRef,
  type PbfHeader,
  type RelationMember,
} from './pbf.ts';
import { readOsmXml, type XmlCompression } from './xml.ts';

export type OsmFormat = 'pbf' | 'xml' | 'xml.gz' | 'xml.bz2';

/** Which part of the extract to keep: the default zone region, a bbox, or everything. */
export type ClipOption = { mode: 'zone' } | { mode: 'bbox'; bbox: BBox } | { mode: 'whole' };

export interface ReadOptions {
  /** The file's name as the user knows it, for the provenance and messages (a staged upload has a server-made name on disk). */
  name?: string;
  profile?: RoadProfile;
  clip?: ClipOption;
  /** Decide a PBF block's kind from a prefix in pass 1 (default true); see PbfFile.blockKind. */
  peekBlocks?: boolean;
}

/**
 * Observers of a read, for what is kept beside the network (roads on the map, OSM areas and
 * stations: electron/roads/extras.ts). Every callback is optional; positions are `[lng, lat]`.
 */
export interface ReadHooks {
  /** A road way the profile keeps, with its tags (pass 1). */
  road?(id: number, tags: Record<string, string>): void;
  /** Every way read with tags in pass 1 (refs is a reused buffer: copy what you keep). */
  way?(id: number, refs: Float64Array, refCount: number, tags: Record<string, string>): void;
  /** Relations that have one of the way keys (pass 1). */
  relation?(id: number, members: RelationMember[], tags: Record<string, string>): void;
  /** After pass 1: ids of (untagged) member ways whose node ids are wanted; read in one more pass over the ways when not empty. */
  memberWays?(): ReadonlySet<number>;
  memberWay?(id: number, refs: Float64Array, refCount: number): void;
  /** Before pass 2: node ids whose positions are wanted. */
  nodeIds?(): Float64Array;
  /** A node with tags of the node keys (pass 2). */
  node?(id: number, lng: number, lat: number, tags: Record<string, string>): void;
  /** After the build: the clipped ways, which of their nodes the network kept, positions of the wanted nodes, the clip region. */
  built?(result: { raw: RawRoads; inNetwork: Uint8Array; position(id: number): [number, number] | null; clipBoxes: BBox[] | null }): void;
}

/** Thrown inside a read when a PBF block mixes nodes and ways, so that pass 1 must inflate every block. */
class MixedBlocks extends Error {}

export type ImportPhase = 'ways' | 'nodes' | 'graph';

export interface ReadProgress {
  phase: ImportPhase;
  /** 0…1 of the whole import. */
  fraction: number;
  bytesRead: number;
  totalBytes: number;
}

/** Counts that describe the import, stored with the network. */
export interface ImportCounts {
  waysRead: number;
  /** Ways whose highway class is in the profile. */
  roadWays: number;
  waysKept: number;
  waysDropped: Partial<Record<DropReason, number>>;
  /** Maxspeed values that could not be read and were ignored; oneway values read as two-way. */
  badMaxspeed: number;
  badOneway: number;
  nodesRead: number;
  neededNodes: number;
  missingNodes: number;
  /** Kept ways under construction (highway=construction) and planned (highway=proposed), and kept ways of any status with an opening_date year. */
  opening?: { construction: number; planned: number; withYear: number };
  build: BuildReport;
}

export interface ReadResult {
  graph: RoadGraph;
  facilities: FacilityCandidate[];
  counts: ImportCounts;
  format: OsmFormat;
  /** The data's as-of time (ISO 8601), from the PBF header's replication timestamp or the XML's osm_base/timestamp; null when the file says none. */
  asOf: string | null;
  writingProgram: string | null;
  declaredBbox: BBox | null;
  /** The clip region applied (null for the whole file). */
  clipBoxes: BBox[] | null;
  coversZone: boolean;
  profile: RoadProfile;
}

/** Guesses the format from the file's name (`path`'s base name), then checks the first bytes. */
export function detectFormat(path: string, head: Uint8Array): OsmFormat {
  const display = basename(path);
  const name = display.toLowerCase();
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  const bz = head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68;
  if (name.endsWith('.pbf')) return 'pbf';
  if (gz) return 'xml.gz';
  if (bz) return 'xml.bz2';
  const text = new TextDecoder().decode(head.subarray(0, 64)).trimStart();
  if (text.startsWith('<')) return 'xml';
  // A PBF file starts with a 4-byte header length followed by the BlobHeader's type "OSMHeader".
  if (new TextDecoder().decode(head.subarray(0, 32)).includes('OSMHeader')) return 'pbf';
  throw new OsmFileError(`${display} is neither an .osm.pbf file nor OSM XML (.osm, .osm.gz, .osm.bz2)`);
}

let gcFunction: (() => void) | null | undefined;
/**
 * Runs a full garbage collection between phases. The big arrays are typed arrays whose memory is
 * returned only when their (small) wrappers are collected, and code that allocates few JS objects
 * rarely triggers a collection: without this the peak RSS holds every phase's dead arrays.
 * `--expose-gc` is set at run time because a Worker cannot take V8 flags.
 */
function collectGarbage(): void {
  if (gcFunction === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    } catch {
      gcFunction = null;
    }
  }
  gcFunction?.();
}

/** The keys whose ways (roads, facility areas) and nodes (facilities) the passes need; the PBF reader skips the rest undecoded. */
const WAY_KEYS = ['highway', 'aeroway', 'landuse'] as const;
const NODE_KEYS = ['highway', 'railway', 'aeroway'] as const;
/** With hooks, stations mapped as areas and `public_transport=station` too. */
const HOOK_WAY_KEYS = [...WAY_KEYS, 'railway', 'public_transport'] as const;
const HOOK_NODE_KEYS = [...NODE_KEYS, 'public_transport'] as const;

/** Growable typed arrays for pass 1. */
class Grow<T extends Float64Array | Int32Array | Int16Array | Float32Array | Uint8Array> {
  array: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.array = make(1024);
  }
  push(v: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = v;
  }
  reserve(n: number): void {
    if (n <= this.array.length) return;
    const grown = this.make(Math.max(n, Math.ceil(this.array.length * 1.5)));
    grown.set(this.array);
    this.array = grown;
  }
  done(): T {
    return this.array.subarray(0, this.length) as T;
  }
  release(): void {
    this.array = this.make(0);
    this.length = 0;
  }
}

/** Node ids → indexes into `needed` (-1 when absent); then drops the 8-byte ids before the build allocates. */
function resolveRefs(refIds: Grow<Float64Array>, needed: Float64Array): Int32Array {
  const ids = refIds.done();
  const refs = new Int32Array(ids.length);
  const lookup = new SortedIds(needed);
  for (let i = 0; i < ids.length; i++) refs[i] = lookup.find(ids[i] as number);
  refIds.release();
  return refs;
}

/** The distinct values of id lists, sorted (a fresh array; the inputs are untouched). */
function uniqueSorted(...lists: Float64Array[]): Float64Array {
  const all = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let u = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[u++] = all[i] as number;
  return all.slice(0, u);
}

/** Index of `id` in the sorted unique `ids`, or -1. Sequential lookups on increasing ids are O(1) amortised. */
class SortedIds {
  private cursor = 0;
  private last = -Infinity;
  constructor(readonly ids: Float64Array) {}
  find(id: number): number {
    const ids = this.ids;
    const n = ids.length;
    if (id >= this.last) {
      let i = this.cursor;
      // Gallop forward, then bisect within the step.
      let step = 1;
      while (i + step < n && (ids[i + step] as number) < id) {
        i += step;
        step *= 2;
      }
      let lo = i;
      let hi = Math.min(n, i + step + 1);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((ids[mid] as number) < id) lo = mid + 1;
        else hi = mid;
      }
      this.cursor = lo;
      this.last = id;
      return lo < n && ids[lo] === id ? lo : -1;
    }
    this.last = id;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ids[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    this.cursor = lo;
    return lo < n && ids[lo] === id ? lo : -1;
  }
}

/** One reading of the file (both passes and the build). */
async function readOnce(
  path: string,
  options: ReadOptions,
  onProgress?: (p: ReadProgress) => void,
  checkCancel?: () => void,
  hooks?: ReadHooks,
): Promise<ReadResult> {
  const wayKeys = hooks ? HOOK_WAY_KEYS : WAY_KEYS;
  const nodeKeys = hooks ? HOOK_NODE_KEYS : NODE_KEYS;
  const peek = options.peekBlocks ?? true;
  const profile = options.profile ?? MAIN_ROADS_PROFILE;
  const problem = profileProblem(profile);
  if (problem) throw new OsmFileError(`bad road profile: ${problem}`);
  const clip = options.clip ?? { mode: 'zone' };

  const display = options.name ?? basename(path);
  const totalBytes = statSync(path).size;
  if (totalBytes === 0) throw new OsmFileError(`${display} is empty`);
  const head = new Uint8Array(64);
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, 64, 0);
  closeSync(fd);
  const format = detectFormat(display, head);

  // Pass 1 state.
  const wayId = new Grow((n) => new Float64Array(n));
  const wayClass = new Grow((n) => new Uint8Array(n));
  const wayFlags = new Grow((n) => new Uint8Array(n));
  const wayKmhFwd = new Grow((n) => new Float64Array(n));
  const wayKmhBwd = new Grow((n) => new Float64Array(n));
  const wayName = new Grow((n) => new Int32Array(n));
  const wayRef = new Grow((n) => new Int32Array(n));
  const wayStatus = new Grow((n) => new Uint8Array(n));
  const wayYear = new Grow((n) => new Int16Array(n));
  const wayStart = new Grow((n) => new Int32Array(n));
  wayStart.push(0);
  const refIds = new Grow((n) => new Float64Array(n));
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string | undefined): number => {
    if (s === undefined || s === '') return -1;
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const areaWays: { kind: FacilityKind; id: number; tags: Record<string, string>; start: number; end: number }[] = [];
  const areaRefs = new Grow((n) => new Float64Array(n));
  const counts: Omit<ImportCounts, 'build'> = {
    waysRead: 0,
    roadWays: 0,
    waysKept: 0,
    waysDropped: {},
    badMaxspeed: 0,
    badOneway: 0,
    nodesRead: 0,
    neededNodes: 0,
    missingNodes: 0,
    opening: { construction: 0, planned: 0, withYear: 0 },
  };
  const opening = counts.opening as NonNullable<ImportCounts['opening']>;
  const onWay = (id: number, refs: Float64Array, refCount: number, tags: Record<string, string>): void => {
    counts.waysRead++;
    if (tags['highway'] !== undefined) {
      // A road under construction or planned is read as the class it is to be (geo/network/years.ts).
      const open = osmOpening(tags);
      const verdict = wayRule(open.highway === tags['highway'] ? tags : { ...tags, highway: open.highway ?? '' }, profile);
      if (verdict.keep) {
        counts.roadWays++;
        counts.waysKept++;
        counts.badMaxspeed += verdict.badMaxspeed;
        if (verdict.badOneway) counts.badOneway++;
        wayId.push(id);
        wayClass.push(verdict.cls);
        wayFlags.push((verdict.forward ? FORWARD : 0) | (verdict.backward ? BACKWARD : 0));
        wayKmhFwd.push(verdict.kmhForward);
        wayKmhBwd.push(verdict.kmhBackward);
        wayName.push(intern(tags['name']));
        wayRef.push(intern(tags['ref']));
        wayStatus.push(statusCode(open.status));
        wayYear.push(open.year ?? 0);
        if (open.status === 'construction') opening.construction++;
        if (open.status === 'planned') opening.planned++;
        if (open.year !== null) opening.withYear++;
        hooks?.road?.(id, tags);
        refIds.reserve(refIds.length + refCount);
        for (let i = 0; i < refCount; i++) refIds.array[refIds.length++] = refs[i] as number;
        wayStart.push(refIds.length);
      } else {
        if (verdict.reason !== 'class') counts.roadWays++;
        counts.waysDropped[verdict.reason] = (counts.waysDropped[verdict.reason] ?? 0) + 1;
      }
    }
    const kind = wayFacilityKind(tags);
    if (kind) {
      const start = areaRefs.length;
      for (let i = 0; i < refCount; i++) areaRefs.push(refs[i] as number);
      areaWays.push({ kind, id, tags, start, end: areaRefs.length });
    }
    hooks?.way?.(id, refs, refCount, tags);
  };

  let asOf: string | null;
  let writingProgram: string | null;
  let declaredBbox: BBox | null;
  const progress = (phase: ImportPhase, fraction: number, bytesRead: number): void =>
    onProgress?.({ phase, fraction, bytesRead, totalBytes });

  // Pass 1.
  let pbf: PbfFile | null = null;
  const nodeBlobs: BlobRef[] = [];
  const wayBlobs: BlobRef[] = [];
  let pbfHeader: PbfHeader | null = null;
  let xmlCompression: XmlCompression = 'none';
  if (format === 'pbf') {
    pbf = new PbfFile(path);
    try {
      let pos = 0;
      let first = true;
      for (let next = pbf.blobAt(pos); next; next = pbf.blobAt(pos)) {
        checkCancel?.();
        const { blob } = next;
        if (first) {
          first = false;
          if (blob.type !== 'OSMHeader')
            throw new OsmFileError(`not an OSM PBF file: the first block is "${blob.type}", expected "OSMHeader"`);
          pbfHeader = guard(blob.offset, () => decodeHeaderBlock((pbf as PbfFile).readBlob(blob)));
        } else if (blob.type === 'OSMData' && peek && guard(blob.offset, () => (pbf as PbfFile).blockKind(blob)) === 'nodes') {
          // A node block (groups hold one kind each, and writers keep a block to one kind): for pass 2.
          nodeBlobs.push(blob);
        } else if (blob.type === 'OSMData') {
          const contents = guard(blob.offset, () =>
            decodePrimitiveBlock((pbf as PbfFile).readBlob(blob), {
              way: onWay,
              keys: wayKeys,
              skippedWay: () => counts.waysRead++,
              ...(hooks?.relation ? { relation: hooks.relation } : {}),
            }),
          );
          if (contents.nodes) nodeBlobs.push(blob);
          if (contents.ways) wayBlobs.push(blob);
        }
        pos = next.next;
        progress('ways', 0.55 * (pos / totalBytes), pos);
      }
      if (!pbfHeader) throw new OsmFileError('not an OSM PBF file: no header block');
    } catch (e) {
      pbf.close();
      throw e;
    }
    const h = pbfHeader as PbfHeader;
    asOf = h.replicationTimestamp !== null ? new Date(h.replicationTimestamp * 1000).toISOString() : null;
    writingProgram = h.writingProgram;
    declaredBbox = h.bbox;
  } else {
    xmlCompression = format === 'xml.gz' ? 'gzip' : format === 'xml.bz2' ? 'bzip2' : 'none';
    const header = await readOsmXml(path, xmlCompression, { way: onWay, ...(hooks?.relation ? { relation: hooks.relation } : {}) }, (b) => {
      checkCancel?.();
      progress('ways', 0.45 * (b / totalBytes), b);
    });
    asOf = header.asOf;
    writingProgram = header.generator;
    declaredBbox = header.bbox;
  }

  // Member ways of relations (untagged, so pass 1 skipped them): one more look at the ways.
  const members = hooks?.memberWays?.();
  if (members && members.size > 0 && hooks?.memberWay) {
    const visit = (id: number, refs: Float64Array, refCount: number) => {
      if (members.has(id)) hooks.memberWay?.(id, refs, refCount);
    };
    if (pbf) {
      for (const blob of wayBlobs) {
        checkCancel?.();
        guard(blob.offset, () => decodePrimitiveBlock((pbf as PbfFile).readBlob(blob), { way: visit }));
      }
    } else await readOsmXml(path, xmlCompression, { way: visit }, () => checkCancel?.());
  }

  collectGarbage();
  // Needed node ids.
  const needed = uniqueSorted(refIds.done(), areaRefs.done(), hooks?.nodeIds?.() ?? new Float64Array(0));
  counts.neededNodes = needed.length;
  const lookup = new SortedIds(needed);
  const nodeLng = new Float64Array(needed.length).fill(NaN);
  const nodeLat = new Float64Array(needed.length).fill(NaN);
  const facilities: FacilityCandidate[] = [];
  const junctions: number[] = [];
  const onNode = (id: number, lng: number, lat: number, tags: Record<string, string> | null): void => {
    counts.nodesRead++;
    const i = needed.length > 0 ? lookup.find(id) : -1;
    if (i >= 0) {
      nodeLng[i] = lng;
      nodeLat[i] = lat;
    }
    if (tags) {
      hooks?.node?.(id, lng, lat, tags);
      const kind = nodeFacilityKind(tags);
      if (kind) {
        facilities.push(facilityCandidate(kind, 'node', id, tags, lng, lat, false));
        if (kind === 'interchange' && i >= 0) junctions.push(i);
      }
    }
  };

  // Pass 2.
  if (pbf) {
    try {
      const nodeBytes = nodeBlobs.reduce((s, b) => s + b.size, 0) || 1;
      let done = 0;
      for (const blob of nodeBlobs) {
        checkCancel?.();
        const contents = guard(blob.offset, () => decodePrimitiveBlock((pbf as PbfFile).readBlob(blob), { node: onNode, keys: nodeKeys }));
        // The format allows a block to mix kinds; writers (osmium, osmosis) do not. If one does, its ways
        // were skipped in pass 1: read again, inflating every block.
        if (peek && contents.ways) throw new MixedBlocks();
        done += blob.size;
        progress('nodes', 0.55 + 0.35 * (done / nodeBytes), blob.offset + blob.size);
      }
    } finally {
      pbf.close();
    }
  } else {
    await readOsmXml(path, xmlCompression, { node: onNode }, (b) => {
      checkCancel?.();
      progress('nodes', 0.45 + 0.45 * (b / totalBytes), b);
    });
  }
  for (let i = 0; i < needed.length; i++) if (Number.isNaN(nodeLng[i] as number)) counts.missingNodes++;
  progress('graph', 0.9, totalBytes);
  checkCancel?.();

  // Resolve references and build.
  const exact = new SortedIds(needed);
  let raw: RawRoads = {
    nodeId: needed,
    nodeLng,
    nodeLat,
    wayId: wayId.done(),
    wayClass: wayClass.done(),
    wayFlags: wayFlags.done(),
    wayKmhFwd: wayKmhFwd.done(),
    wayKmhBwd: wayKmhBwd.done(),
    wayName: wayName.done(),
    wayRef: wayRef.done(),
    wayStart: wayStart.done(),
    refs: resolveRefs(refIds, needed),
    strings,
    keepNodes: Int32Array.from(junctions),
    wayStatus: wayStatus.done(),
    wayYear: wayYear.done(),
  };
  const clipBoxes: BBox[] | null =
    clip.mode === 'whole' ? null : clip.mode === 'bbox' ? [clip.bbox] : DEFAULT_CLIP.map((b) => [...b] as BBox);
  const roadsBefore = raw.refs.length;
  if (clipBoxes) raw = clipWays(raw, (x, y) => insideBoxes(x, y, clipBoxes));
  collectGarbage();
  const { graph, report, inNetwork } = buildRoadGraph(raw);
  collectGarbage();
  checkCancel?.();
  hooks?.built?.({
    raw,
    inNetwork,
    position: (id) => {
      const k = exact.find(id);
      return k >= 0 && !Number.isNaN(nodeLng[k] as number) ? [nodeLng[k] as number, nodeLat[k] as number] : null;
    },
    clipBoxes,
  });

  // Facility areas, then keep the facilities inside the region.
  for (const a of areaWays) {
    const lngs: number[] = [];
    const lats: number[] = [];
    const all = areaRefs.done();
    for (let i = a.start; i < a.end; i++) {
      const k = exact.find(all[i] as number);
      lngs.push(k >= 0 ? (nodeLng[k] as number) : NaN);
      lats.push(k >= 0 ? (nodeLat[k] as number) : NaN);
    }
    const c = wayCentroid(lngs, lats);
    if (c) facilities.push(facilityCandidate(a.kind, 'way', a.id, a.tags, c[0], c[1], true));
  }
  const kept = clipBoxes ? facilities.filter((f) => insideBoxes(f.lng, f.lat, clipBoxes)) : facilities;

  if (graph.edgeCount === 0) {
    const name = display;
    if (counts.waysKept === 0) {
      throw new OsmFileError(
        `${name} holds no drivable road of the classes ${Object.keys(profile.speedsKmh).join(', ')} (read ${counts.waysRead} ways)`,
      );
    }
    if (clipBoxes && roadsBefore > 0) {
      const where = clip.mode === 'zone' ? 'the zone and its corridors' : `the bbox ${clipBoxes[0]?.join(',')}`;
      throw new OsmFileError(
        `${name} has no road inside ${where}${declaredBbox ? ` (the extract covers ${declaredBbox.map((x) => x.toFixed(2)).join(',')})` : ''}; choose another bbox, or import the whole file`,
      );
    }
    throw new OsmFileError(`${name}: no routable road is left after removing disconnected parts`);
  }
  let coversZone = false;
  for (let v = 0; v < graph.nodeCount && !coversZone; v++)
    coversZone = insideBoxes(graph.nodeLng[v] as number, graph.nodeLat[v] as number, [ZONE_BBOX]);
  progress('graph', 1, totalBytes);
  return {
    graph,
    facilities: kept,
    counts: { ...counts, build: report },
    format,
    asOf,
    writingProgram,
    declaredBbox,
    clipBoxes,
    coversZone,
    profile,
  };
}

/**
 * Reads `path` and builds the network.
 * @throws OsmFileError for a truncated, corrupt or unrecognised file, and when nothing drivable is left
 */
export async function readOsmNetwork(
  path: string,
  options: ReadOptions = {},
  onProgress?: (p: ReadProgress) => void,
  checkCancel?: () => void,
  /** Made fresh for each reading (a file with mixed blocks is read twice). */
  hooks?: () => ReadHooks,
): Promise<ReadResult> {
  try {
    return await readOnce(path, options, onProgress, checkCancel, hooks?.());
  } catch (e) {
    if (!(e instanceof MixedBlocks)) throw e;
    return readOnce(path, { ...options, peekBlocks: false }, onProgress, checkCancel, hooks?.());
  }
}

/** Class names of the profile in ROAD_CLASSES order. */
export function profileClasses(profile: RoadProfile): string[] {
  return ROAD_CLASSES.filter((c) => profile.speedsKmh[c] !== undefined);
}
