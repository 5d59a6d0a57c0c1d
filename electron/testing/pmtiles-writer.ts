/**
 * Test helper: writes a PMTiles v3 archive (uncompressed directories, one root directory, no
 * leaves) from tiles, following the PMTiles v3 specification (header 127 bytes, varint
 * directory, tile data). Only for building fixtures; the app reads PMTiles with the `pmtiles` library.
 */
import { writeFileSync } from 'node:fs';
import { zxyToTileId } from 'pmtiles';

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

export interface WriterTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export function writePmtiles(
  path: string,
  tiles: WriterTile[],
  options: {
    tileType: 1 | 2 | 3 | 4;
    tileCompression: 1 | 2;
    minZoom: number;
    maxZoom: number;
    bounds: [number, number, number, number];
    metadata: object;
  },
): void {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const dataParts: Uint8Array[] = [];
  let offset = 0;
  const dir: { id: number; offset: number; length: number }[] = [];
  for (const e of entries) {
    dir.push({ id: e.id, offset, length: e.data.length });
    dataParts.push(e.data);
    offset += e.data.length;
  }
  const d: number[] = [];
  varint(d, dir.length);
  let last = 0;
  for (const e of dir) {
    varint(d, e.id - last);
    last = e.id;
  }
  for (const _ of dir) varint(d, 1); // run lengths
  for (const e of dir) varint(d, e.length);
  dir.forEach((e, i) => {
    const prev = dir[i - 1];
    varint(d, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  const root = Uint8Array.from(d);
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + metadata.length;
  const u64 = (pos: number, v: number) => header.writeBigUInt64LE(BigInt(v), pos);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, metadata.length);
  u64(40, dataOffset + offset); // leaf directories: none, placed at the end
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, offset);
  u64(72, dir.length);
  u64(80, dir.length);
  u64(88, dir.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(options.tileCompression, 98);
  header.writeUInt8(options.tileType, 99);
  header.writeUInt8(options.minZoom, 100);
  header.writeUInt8(options.maxZoom, 101);
  const [w, s, e, n] = options.bounds;
  header.writeInt32LE(Math.round(w * 1e7), 102);
  header.writeInt32LE(Math.round(s * 1e7), 106);
  header.writeInt32LE(Math.round(e * 1e7), 110);
  header.writeInt32LE(Math.round(n * 1e7), 114);
  header.writeUInt8(options.minZoom, 118);
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123);
  writeFileSync(path, Buffer.concat([header, root, metadata, ...dataParts]));
}
