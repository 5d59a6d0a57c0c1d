/**
 * Reference data shipped with the app: the basemap MBTiles, opened read-only. Its `siteselect`
 * metadata row (written by data/build/build-basemap.ts) describes the layers and their sources.
 */
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { flipTileRow } from '../../geo/index.ts';
import { DataSourceInfo, LayerBreakdown } from '../contract/api.ts';
import { openReadonly, type Db } from '../db/index.ts';

const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const ReferenceMeta = z.object({
  builtAt: z.string(),
  bounds: BBox,
  zoneBounds: BBox,
  layers: z.array(
    z.object({
      id: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      geometry: z.enum(['polygon', 'line', 'point', 'mixed']),
      featureCount: z.number().int(),
      breakdown: z.array(LayerBreakdown).optional(),
    }),
  ),
  sources: z.array(DataSourceInfo),
  places: z.array(
    z.object({
      kind: z.enum(['county', 'prefecture']),
      adcode: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      prefecture_zh: z.string().nullable(),
      in_zone: z.boolean(),
      center: z.tuple([z.number(), z.number()]),
    }),
  ),
});
export type ReferenceMeta = z.infer<typeof ReferenceMeta>;

export interface ReferenceData {
  meta: ReferenceMeta;
  minzoom: number;
  maxzoom: number;
  /** Uncompressed vector tile (XYZ addressing), or null where the basemap has no data. */
  getTile(z: number, x: number, y: number): Buffer | null;
  close(): void;
}

export function openReference(file: string): ReferenceData {
  let db: Db;
  try {
    db = openReadonly(file);
  } catch (error) {
    throw new Error(`reference basemap not found at ${file}: run \`npm run build:data\` (${(error as Error).message})`, { cause: error });
  }
  const metaRows = db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[];
  const metadata = Object.fromEntries(metaRows.map((r) => [r.name, r.value]));
  const meta = ReferenceMeta.parse(JSON.parse(metadata['siteselect'] ?? 'null'));
  const tileQuery = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
  return {
    meta,
    minzoom: Number(metadata['minzoom']),
    maxzoom: Number(metadata['maxzoom']),
    getTile(zoom, x, y) {
      const data = tileQuery.get(zoom, x, flipTileRow(y, zoom)) as Buffer | undefined;
      if (!data) return null;
      // MBTiles vector tiles are gzip-compressed by convention; the custom protocol cannot rely
      // on Content-Encoding, so both transports serve them inflated.
      return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
    },
    close: () => db.close(),
  };
}
