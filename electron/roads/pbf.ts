/**
 * A streaming reader of the OpenStreetMap PBF format, written from the format description
 * (OSM wiki "PBF Format" and OSM-binary's fileformat.proto / osmformat.proto) on the low-level
 * `pbf` protobuf decoder and node:zlib.
 *
 * A file is a sequence of fileblocks: a 4-byte big-endian length, a BlobHeader (type
 * "OSMHeader" or "OSMData", datasize), then a Blob of that size holding the block raw or
 * zlib-compressed. The first block is a HeaderBlock (bbox, required features, replication
 * timestamp); the others are PrimitiveBlocks: a string table, primitive groups (nodes, dense nodes,
 * ways, relations) and the coordinate encoding (lat = 1e-9 · (lat_offset + granularity · value)).
 *
 * Only one blob is in memory at a time, so memory does not grow with the file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, inflateSync } from 'node:zlib';
import { PbfReader as Pbf } from 'pbf';

/** A readable problem with the file (truncated, corrupt, unsupported). */
export class OsmFileError extends Error {
  override name = 'OsmFileError';
}

export interface PbfHeader {
  /** `[west, south, east, north]` degrees, when the file declares one. */
  bbox: [number, number, number, number] | null;
  requiredFeatures: string[];
  optionalFeatures: string[];
  writingProgram: string | null;
  source: string | null;
  /** osmosis_replication_timestamp: seconds since the epoch, the data's as-of time. */
  replicationTimestamp: number | null;
  replicationSequence: number | null;
  replicationBaseUrl: string | null;
}

/** Features this reader understands (fileformat: a reader must refuse a file that requires anything else). */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'Sort.Type_then_ID', 'Sort.Geographic', 'LocationsOnWays']);

/** Where a blob sits in the file. */
export interface BlobRef {
  type: string;
  /** Offset and size of the Blob message (after its header). */
  offset: number;
  size: number;
}

/** Sequential access to a PBF file's blobs through one file descriptor. */
export class PbfFile {
  readonly fd: number;
  readonly size: number;
  private readonly lenBuf = Buffer.alloc(4);
  private scratch = Buffer.alloc(1 << 16);

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }

  private readExactly(buf: Buffer, length: number, position: number, what: string): Buffer {
    if (position + length > this.size) {
      throw new OsmFileError(
        `truncated PBF file: the ${what} at byte ${position} needs ${length} bytes, but the file ends at byte ${this.size}`,
      );
    }
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, position + done);
      if (n === 0) throw new OsmFileError(`truncated PBF file: unexpected end at byte ${position + done}`);
      done += n;
    }
    return buf.subarray(0, length);
  }

  /** Reads the blob header at `position`; returns it and the offset of the next fileblock, or null at the end of the file. */
  blobAt(position: number): { blob: BlobRef; next: number } | null {
    if (position >= this.size) return null;
    const lenBytes = this.readExactly(this.lenBuf, 4, position, 'blob header length');
    const headerLength = lenBytes.readUInt32BE(0);
    if (headerLength === 0 || headerLength > 64 * 1024) {
      throw new OsmFileError(
        `not a valid PBF file: blob header length ${headerLength} at byte ${position} (must be 1…65536; is this an .osm.pbf file?)`,
      );
    }
    if (this.scratch.length < headerLength) this.scratch = Buffer.alloc(headerLength);
    const header = new Pbf(this.readExactly(this.scratch, headerLength, position + 4, 'blob header'));
    let type = '';
    let dataSize = -1;
    guard(position, () =>
      header.readFields((tag, _r, p) => {
        if (tag === 1) type = p.readString();
        else if (tag === 3) dataSize = p.readVarint();
      }, null),
    );
    if (!type || dataSize < 0) throw new OsmFileError(`not a valid PBF file: blob header at byte ${position} has no type or size`);
    if (dataSize > 32 * 1024 * 1024)
      throw new OsmFileError(`not a valid PBF file: blob at byte ${position} claims ${dataSize} bytes (the format allows 32 MiB)`);
    const offset = position + 4 + headerLength;
    if (offset + dataSize > this.size) {
      throw new OsmFileError(
        `truncated PBF file: the block at byte ${position} needs ${dataSize} bytes, but the file ends at byte ${this.size}`,
      );
    }
    return { blob: { type, offset, size: dataSize }, next: offset + dataSize };
  }

  /** The decompressed content of a blob. */
  readBlob(ref: BlobRef): Uint8Array {
    return this.readBlobUpTo(ref, Infinity);
  }

  /**
   * What kind of elements a data block holds, from the first bytes of its first primitive group:
   * only a prefix is inflated (zlib with Z_SYNC_FLUSH returns what a truncated stream yields), so
   * a pass that wants ways skips node blocks for a few kilobytes of work instead of a megabyte.
   */
  blockKind(ref: BlobRef): 'nodes' | 'ways' | 'relations' | 'other' {
    for (let limit = 4096; ; limit *= 4) {
      const head = this.readBlobUpTo(ref, limit);
      const kind = firstGroupKind(head);
      if (kind !== null) return kind;
      if (head.length < limit) return 'other';
    }
  }

  private readBlobUpTo(ref: BlobRef, limit: number): Uint8Array {
    const raw = Buffer.allocUnsafe(ref.size);
    this.readExactly(raw, ref.size, ref.offset, 'block');
    const blob = new Pbf(raw);
    let data: Uint8Array | null = null;
    let compressed: Uint8Array | null = null;
    let rawSize = -1;
    let unsupported = '';
    guard(ref.offset, () =>
      blob.readFields((tag, _r, p) => {
        if (tag === 1) data = p.readBytes();
        else if (tag === 2) rawSize = p.readVarint();
        else if (tag === 3) compressed = p.readBytes();
        else if (tag === 4) unsupported = 'LZMA';
        else if (tag === 5) unsupported = 'bzip2';
        else if (tag === 6) unsupported = 'LZ4';
        else if (tag === 7) unsupported = 'ZSTD';
      }, null),
    );
    if (data) return data;
    if (compressed && Number.isFinite(limit)) {
      // A prefix of the compressed stream inflates to a prefix of the block (about 4 : 1).
      const part = (compressed as Uint8Array).subarray(0, Math.min((compressed as Uint8Array).length, Math.ceil(limit / 2)));
      try {
        return inflateSync(part, { finishFlush: constants.Z_SYNC_FLUSH });
      } catch (e) {
        throw new OsmFileError(`corrupt PBF block at byte ${ref.offset}: ${(e as Error).message}`);
      }
    }
    if (compressed) {
      try {
        const out = inflateSync(compressed);
        if (rawSize >= 0 && out.length !== rawSize) throw new Error(`inflated to ${out.length} bytes instead of ${rawSize}`);
        return out;
      } catch (e) {
        throw new OsmFileError(`corrupt PBF block at byte ${ref.offset}: ${(e as Error).message}`);
      }
    }
    if (unsupported)
      throw new OsmFileError(
        `unsupported PBF compression ${unsupported} in the block at byte ${ref.offset}; convert the file with \`osmium cat in.osm.pbf -o out.osm.pbf\``,
      );
    throw new OsmFileError(`corrupt PBF block at byte ${ref.offset}: no data`);
  }
}

/** Kind of the first primitive group in a (possibly truncated) PrimitiveBlock, or null when the prefix ends before it. */
function firstGroupKind(buf: Uint8Array): 'nodes' | 'ways' | 'relations' | 'other' | null {
  const pbf = new Pbf(buf);
  try {
    while (pbf.pos < pbf.length) {
      const val = pbf.readVarint();
      const tag = val >> 3;
      const type = val & 7;
      if (type !== 2) {
        pbf.skip(val);
        continue;
      }
      const len = pbf.readVarint();
      if (tag === 2) {
        if (pbf.pos >= pbf.length) return null;
        const inner = pbf.readVarint() >> 3;
        return inner === 1 || inner === 2 ? 'nodes' : inner === 3 ? 'ways' : inner === 4 ? 'relations' : 'other';
      }
      pbf.pos += len;
    }
  } catch {
    return null;
  }
  return null;
}

/** Runs a decoding step, turning the protobuf decoder's errors into a readable OsmFileError. */
export function guard<T>(offset: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof OsmFileError) throw e;
    throw new OsmFileError(`corrupt PBF data in the block at byte ${offset}: ${(e as Error).message}`);
  }
}

/** Decodes a HeaderBlock and checks its required features. */
export function decodeHeaderBlock(buf: Uint8Array): PbfHeader {
  const h: PbfHeader = {
    bbox: null,
    requiredFeatures: [],
    optionalFeatures: [],
    writingProgram: null,
    source: null,
    replicationTimestamp: null,
    replicationSequence: null,
    replicationBaseUrl: null,
  };
  new Pbf(buf).readFields((tag, _r, p) => {
    if (tag === 1) {
      const box = { left: 0, right: 0, top: 0, bottom: 0 };
      p.readFields(
        (t, b, q) => {
          if (t === 1) b.left = q.readSVarint();
          else if (t === 2) b.right = q.readSVarint();
          else if (t === 3) b.top = q.readSVarint();
          else if (t === 4) b.bottom = q.readSVarint();
        },
        box,
        p.readVarint() + p.pos,
      );
      h.bbox = [box.left * 1e-9, box.bottom * 1e-9, box.right * 1e-9, box.top * 1e-9];
    } else if (tag === 4) h.requiredFeatures.push(p.readString());
    else if (tag === 5) h.optionalFeatures.push(p.readString());
    else if (tag === 16) h.writingProgram = p.readString();
    else if (tag === 17) h.source = p.readString();
    else if (tag === 32) h.replicationTimestamp = p.readVarint(true);
    else if (tag === 33) h.replicationSequence = p.readVarint(true);
    else if (tag === 34) h.replicationBaseUrl = p.readString();
  }, null);
  const missing = h.requiredFeatures.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (missing.length > 0) throw new OsmFileError(`this PBF file requires features this reader does not support: ${missing.join(', ')}`);
  return h;
}

/** What a PrimitiveBlock visitor wants; each callback is optional. */
export interface BlockVisitor {
  /** A node; `tags` is null when the node has none (the common case). */
  node?(id: number, lng: number, lat: number, tags: Record<string, string> | null): void;
  /** A way: its id, node ids (reused buffer: copy what you keep), count of ids and tags. */
  way?(id: number, refs: Float64Array, refCount: number, tags: Record<string, string>): void;
  /**
   * When given, only elements with at least one of these keys are decoded and passed on with
   * their tags (nodes without them still come, with null tags); ways without them are only
   * counted through `skippedWay`. Most of an extract (buildings, land use, POIs) is skipped so.
   */
  keys?: readonly string[];
  skippedWay?(): void;
  /** A relation with its members (decoded only when given; with `keys`, only relations that have one of them). */
  relation?(id: number, members: RelationMember[], tags: Record<string, string>): void;
}

/** A member of a relation: the element's type and id, and its role. */
export interface RelationMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

/** Which kinds of elements a block held. */
export interface BlockContents {
  nodes: boolean;
  ways: boolean;
}

let refBuffer = new Float64Array(2048);

/**
 * Decodes one PrimitiveBlock, calling the visitor for nodes (plain and dense), ways and
 * relations. Groups for which the visitor has no callback are skipped without decoding.
 */
export function decodePrimitiveBlock(buf: Uint8Array, visitor: BlockVisitor): BlockContents {
  const pbf = new Pbf(buf);
  const strings: string[] = [];
  let granularity = 100;
  let latOffset = 0;
  let lonOffset = 0;
  const groups: [number, number][] = [];
  const contents: BlockContents = { nodes: false, ways: false };
  const decoder = new TextDecoder();
  while (pbf.pos < pbf.length) {
    const val = pbf.readVarint();
    const tag = val >> 3;
    if (tag === 1) {
      const end = pbf.readVarint() + pbf.pos;
      while (pbf.pos < end) {
        const v = pbf.readVarint();
        if (v >> 3 === 1) {
          const len = pbf.readVarint();
          strings.push(decoder.decode(buf.subarray(pbf.pos, pbf.pos + len)));
          pbf.pos += len;
        } else pbf.skip(v);
      }
    } else if (tag === 2) {
      const len = pbf.readVarint();
      groups.push([pbf.pos, pbf.pos + len]);
      pbf.pos += len;
    } else if (tag === 17) granularity = pbf.readVarint();
    else if (tag === 19) latOffset = pbf.readVarint(true);
    else if (tag === 20) lonOffset = pbf.readVarint(true);
    else pbf.skip(val);
  }
  let interesting: Uint8Array | null = null;
  if (visitor.keys) {
    interesting = new Uint8Array(strings.length);
    for (let i = 0; i < strings.length; i++) if (visitor.keys.includes(strings[i] as string)) interesting[i] = 1;
  }
  for (const [start, end] of groups) {
    pbf.pos = start;
    while (pbf.pos < end) {
      const val = pbf.readVarint();
      const tag = val >> 3;
      if (tag === 1 || tag === 2) {
        contents.nodes = true;
        const len = pbf.readVarint();
        const msgEnd = pbf.pos + len;
        if (visitor.node) {
          if (tag === 2) decodeDense(pbf, msgEnd, strings, granularity, latOffset, lonOffset, visitor.node, interesting);
          else decodeNode(pbf, msgEnd, strings, granularity, latOffset, lonOffset, visitor.node, interesting);
        }
        pbf.pos = msgEnd;
      } else if (tag === 3) {
        contents.ways = true;
        const len = pbf.readVarint();
        const msgEnd = pbf.pos + len;
        if (visitor.way) decodeWay(pbf, msgEnd, strings, visitor.way, interesting, visitor.skippedWay);
        pbf.pos = msgEnd;
      } else if (tag === 4 && visitor.relation) {
        const len = pbf.readVarint();
        const msgEnd = pbf.pos + len;
        decodeRelation(pbf, msgEnd, strings, visitor.relation, interesting);
        pbf.pos = msgEnd;
      } else pbf.skip(val);
    }
  }
  return contents;
}

function decodeNode(
  pbf: Pbf,
  end: number,
  strings: string[],
  granularity: number,
  latOffset: number,
  lonOffset: number,
  cb: NonNullable<BlockVisitor['node']>,
  interesting: Uint8Array | null,
): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  while (pbf.pos < end) {
    const val = pbf.readVarint();
    const tag = val >> 3;
    // Without this, readPackedVarint takes a packed field for one varint (it reads `type`, which only readFields sets).
    pbf.type = val & 7;
    if (tag === 1) id = pbf.readSVarint();
    else if (tag === 2) pbf.readPackedVarint(keys);
    else if (tag === 3) pbf.readPackedVarint(vals);
    else if (tag === 8) lat = pbf.readSVarint();
    else if (tag === 9) lon = pbf.readSVarint();
    else pbf.skip(val);
  }
  let tags: Record<string, string> | null = null;
  if (keys.length > 0 && (!interesting || keys.some((k) => interesting[k]))) {
    tags = {};
    for (let i = 0; i < keys.length; i++) tags[strings[keys[i] as number] ?? ''] = strings[vals[i] as number] ?? '';
  }
  cb(id, (lonOffset + granularity * lon) / 1e9, (latOffset + granularity * lat) / 1e9, tags);
}

function decodeDense(
  pbf: Pbf,
  end: number,
  strings: string[],
  granularity: number,
  latOffset: number,
  lonOffset: number,
  cb: NonNullable<BlockVisitor['node']>,
  interesting: Uint8Array | null,
): void {
  let ids: [number, number] | null = null;
  let lats: [number, number] | null = null;
  let lons: [number, number] | null = null;
  let kv: [number, number] | null = null;
  while (pbf.pos < end) {
    const val = pbf.readVarint();
    const tag = val >> 3;
    if (tag === 1 || tag === 8 || tag === 9 || tag === 10) {
      const len = pbf.readVarint();
      const range: [number, number] = [pbf.pos, pbf.pos + len];
      if (tag === 1) ids = range;
      else if (tag === 8) lats = range;
      else if (tag === 9) lons = range;
      else kv = range;
      pbf.pos += len;
    } else pbf.skip(val);
  }
  if (!ids || !lats || !lons) return;
  // Three packed delta-coded streams read in step, plus the keys_vals stream (k v k v … 0 per node).
  const pi = new Pbf(pbf.buf);
  const pa = new Pbf(pbf.buf);
  const po = new Pbf(pbf.buf);
  const pk = kv ? new Pbf(pbf.buf) : null;
  pi.pos = ids[0];
  pa.pos = lats[0];
  po.pos = lons[0];
  if (pk && kv) pk.pos = kv[0];
  let id = 0;
  let lat = 0;
  let lon = 0;
  while (pi.pos < ids[1]) {
    id += pi.readSVarint();
    lat += pa.readSVarint();
    lon += po.readSVarint();
    let tags: Record<string, string> | null = null;
    if (pk && kv && pk.pos < kv[1]) {
      // Tags only for nodes with a key that was asked for: most tagged nodes are shops, signs, addresses.
      const first = pk.pos;
      let wanted = !interesting;
      for (;;) {
        const k = pk.readVarint();
        if (k === 0) break;
        pk.readVarint();
        if (interesting?.[k]) wanted = true;
      }
      if (wanted) {
        const after = pk.pos;
        pk.pos = first;
        for (;;) {
          const k = pk.readVarint();
          if (k === 0) break;
          const v = pk.readVarint();
          (tags ??= {})[strings[k] ?? ''] = strings[v] ?? '';
        }
        pk.pos = after;
      }
    }
    // Integer nanodegrees divided once: the same double as the decimal an XML file would carry.
    cb(id, (lonOffset + granularity * lon) / 1e9, (latOffset + granularity * lat) / 1e9, tags);
  }
}

/** Whether the packed key indexes in `range` include an interesting one (reads with a scratch position). */
function hasKey(pbf: Pbf, range: [number, number], interesting: Uint8Array): boolean {
  const saved = pbf.pos;
  pbf.pos = range[0];
  let found = false;
  while (pbf.pos < range[1]) if (interesting[pbf.readVarint()]) found = true;
  pbf.pos = saved;
  return found;
}

function decodeWay(
  pbf: Pbf,
  end: number,
  strings: string[],
  cb: NonNullable<BlockVisitor['way']>,
  interesting: Uint8Array | null,
  skipped: BlockVisitor['skippedWay'],
): void {
  let id = 0;
  let keys: [number, number] | null = null;
  let vals: [number, number] | null = null;
  let count = 0;
  while (pbf.pos < end) {
    const val = pbf.readVarint();
    const tag = val >> 3;
    if (tag === 1) id = pbf.readVarint(true);
    else if (tag === 2 || tag === 3) {
      const len = pbf.readVarint();
      const range: [number, number] = [pbf.pos, pbf.pos + len];
      if (tag === 2) keys = range;
      else vals = range;
      pbf.pos += len;
      if (tag === 2 && interesting && !hasKey(pbf, range, interesting)) {
        // Not a way anyone asked for (a building, a river…): skip its references undecoded.
        skipped?.();
        pbf.pos = end;
        return;
      }
    } else if (tag === 8) {
      if (interesting && !keys) {
        skipped?.();
        pbf.pos = end;
        return;
      }
      const refEnd = pbf.readVarint() + pbf.pos;
      let ref = 0;
      while (pbf.pos < refEnd) {
        ref += pbf.readSVarint();
        if (count === refBuffer.length) {
          const grown = new Float64Array(refBuffer.length * 2);
          grown.set(refBuffer);
          refBuffer = grown;
        }
        refBuffer[count++] = ref;
      }
    } else pbf.skip(val);
  }
  if (interesting && !keys) {
    skipped?.();
    return;
  }
  const tags: Record<string, string> = {};
  if (keys && vals) {
    const saved = pbf.pos;
    const vs: number[] = [];
    pbf.pos = vals[0];
    while (pbf.pos < vals[1]) vs.push(pbf.readVarint());
    pbf.pos = keys[0];
    let i = 0;
    while (pbf.pos < keys[1]) tags[strings[pbf.readVarint()] ?? ''] = strings[vs[i++] as number] ?? '';
    pbf.pos = saved;
  }
  cb(id, refBuffer, count, tags);
}

const MEMBER_TYPES = ['node', 'way', 'relation'] as const;

/** A Relation message (osmformat.proto: id 1, keys 2, vals 3, roles_sid 8, memids 9 delta-coded, types 10). */
function decodeRelation(
  pbf: Pbf,
  end: number,
  strings: string[],
  cb: NonNullable<BlockVisitor['relation']>,
  interesting: Uint8Array | null,
): void {
  let id = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  const roles: number[] = [];
  const memids: number[] = [];
  const types: number[] = [];
  while (pbf.pos < end) {
    const val = pbf.readVarint();
    const tag = val >> 3;
    // readPacked* read a packed field only when `type` says so (readFields sets it; this loop must).
    pbf.type = val & 7;
    if (tag === 1) id = pbf.readVarint(true);
    else if (tag === 2) pbf.readPackedVarint(keys);
    else if (tag === 3) pbf.readPackedVarint(vals);
    else if (tag === 8) pbf.readPackedVarint(roles, true);
    else if (tag === 9) pbf.readPackedSVarint(memids);
    else if (tag === 10) pbf.readPackedVarint(types);
    else pbf.skip(val);
  }
  if (interesting && !keys.some((k) => interesting[k])) return;
  const tags: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) tags[strings[keys[i] as number] ?? ''] = strings[vals[i] as number] ?? '';
  const members: RelationMember[] = [];
  let ref = 0;
  for (let i = 0; i < memids.length; i++) {
    ref += memids[i] as number;
    members.push({ type: MEMBER_TYPES[types[i] as number] ?? 'node', ref, role: strings[roles[i] as number] ?? '' });
  }
  cb(id, members, tags);
}
