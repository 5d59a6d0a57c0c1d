/**
 * Offline basemap packs: MBTiles (SQLite) and PMTiles (one file, read by byte ranges, never
 * loaded whole). A pack is opened from a path on this machine, described (raster or vector,
 * zoom range, bounds, vector layers), and serves tiles on demand.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { flipTileRow } from '../../geo/index.ts';
import { openMbtiles, type MbtilesReader } from '../db/mbtiles.ts';
import { UserInputError } from '../errors.ts';

export interface PackInfo {
  name: string;
  container: 'mbtiles' | 'pmtiles';
  tileType: 'raster' | 'vector';
  /** png, jpg, webp or pbf */
  format: string;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number] | null;
  /** Vector layer ids (for a generic style). */
  layers: string[];
}

export interface Pack {
  info: PackInfo;
  /** Tile bytes ready to serve (vector tiles inflated), or null where the pack has none. */
  getTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): void;
}

/** A file that is not a usable tile pack (the user's input). */
export class PackError extends UserInputError {}

export const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

/** Vector layer ids from TileJSON-style metadata (`vector_layers`); none when it cannot be read. */
function vectorLayerIds(read: () => unknown): string[] {
  try {
    return (((read() as { vector_layers?: { id: string }[] }) ?? {}).vector_layers ?? []).map((l) => l.id);
  } catch {
    return [];
  }
}

const inflate = (data: Uint8Array) => (data[0] === 0x1f && data[1] === 0x8b ? new Uint8Array(gunzipSync(data)) : data);

function openMbtilesPack(path: string): Pack {
  let reader: MbtilesReader;
  try {
    reader = openMbtiles(path);
  } catch (error) {
    throw new PackError(`"${basename(path)}" is not an MBTiles file: ${(error as Error).message}`, { cause: error });
  }
  const meta = reader.metadata;
  const format = (meta['format'] ?? '').toLowerCase();
  if (!CONTENT_TYPES[format]) {
    reader.close();
    throw new PackError(`"${basename(path)}": tile format "${meta['format'] ?? '(none)'}" is not png, jpg, webp or pbf`);
  }
  const zooms = reader.zoomRange();
  const bounds = meta['bounds'] ? (meta['bounds'].split(',').map(Number) as [number, number, number, number]) : null;
  const layers = vectorLayerIds(() => JSON.parse(meta['json'] ?? '{}'));
  return {
    info: {
      name: meta['name'] ?? basename(path),
      container: 'mbtiles',
      tileType: format === 'pbf' ? 'vector' : 'raster',
      format: format === 'jpeg' ? 'jpg' : format,
      minzoom: Number(meta['minzoom'] ?? zooms.lo ?? 0),
      maxzoom: Number(meta['maxzoom'] ?? zooms.hi ?? 14),
      bounds: bounds && bounds.every(Number.isFinite) ? bounds : null,
      layers,
    },
    async getTile(z, x, y) {
      const data = reader.tile(z, x, flipTileRow(y, z));
      return data ? inflate(new Uint8Array(data)) : null;
    },
    close: () => reader.close(),
  };
}

/** Byte-range reads from a local file: the pmtiles reader asks only for what it needs. */
class LocalFileSource implements Source {
  private fd: number;
  constructor(private readonly path: string) {
    this.fd = openSync(path, 'r');
  }
  getKey(): string {
    return this.path;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buffer = Buffer.alloc(length);
    const read = readSync(this.fd, buffer, 0, length, offset);
    return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + read) };
  }
  close(): void {
    closeSync(this.fd);
  }
}

async function openPmtiles(path: string): Promise<Pack> {
  const source = new LocalFileSource(path);
  const archive = new PMTiles(source, undefined, async (buf, compression) =>
    compression === Compression.Gzip ? gunzipSync(new Uint8Array(buf)).buffer : buf,
  );
  let header: Awaited<ReturnType<PMTiles['getHeader']>>;
  try {
    header = await archive.getHeader();
  } catch (error) {
    source.close();
    throw new PackError(`"${basename(path)}" is not a PMTiles file: ${(error as Error).message}`, { cause: error });
  }
  const format = { [TileType.Mvt]: 'pbf', [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp' }[
    header.tileType as number
  ];
  if (!format) {
    source.close();
    throw new PackError(`"${basename(path)}": tile type ${header.tileType} is not vector (MVT), PNG, JPEG or WebP`);
  }
  const metadata = await archive.getMetadata().catch(() => ({}));
  const layers = vectorLayerIds(() => metadata);
  return {
    info: {
      name: basename(path, extname(path)),
      container: 'pmtiles',
      tileType: format === 'pbf' ? 'vector' : 'raster',
      format,
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      layers,
    },
    async getTile(z, x, y) {
      const tile = await archive.getZxy(z, x, y);
      if (!tile) return null;
      const data = new Uint8Array(tile.data);
      return header.tileCompression === Compression.Gzip ? inflate(data) : data;
    },
    close: () => source.close(),
  };
}

/**
 * @throws PackError naming the problem for a file that is missing, of another type, or not a tile pack
 */
export async function openPack(path: string): Promise<Pack> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new PackError(`no file at "${path}"`);
  }
  if (size === 0) throw new PackError(`"${basename(path)}" is empty`);
  const ext = extname(path).toLowerCase();
  if (ext === '.mbtiles') return openMbtilesPack(path);
  if (ext === '.pmtiles') return openPmtiles(path);
  throw new PackError(`"${basename(path)}": a basemap pack must be an .mbtiles or .pmtiles file`);
}
