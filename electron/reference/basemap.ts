/**
 * The bundled basemap: an MBTiles file shipped with the app, opened read-only. Its `siteselect`
 * metadata row (written by data/build/build-basemap.ts) describes the layers, their sources and
 * the named places (county and prefecture seats) the search and the CRS detection use.
 */
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { flipTileRow } from '../../geo/index.ts';
import { BBox, DataSourceInfo, LayerBreakdown } from '../contract/api.ts';
import { openMbtiles, type MbtilesReader } from '../db/mbtiles.ts';

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

export interface Basemap {
  meta: ReferenceMeta;
  minzoom: number;
  maxzoom: number;
  /** Uncompressed vector tile (XYZ addressing), or null where the basemap has no data. */
  getTile(z: number, x: number, y: number): Buffer | null;
  close(): void;
}

/** @throws naming the file and `npm run build:data` when the basemap is missing or unreadable */
export function openBasemap(file: string): Basemap {
  let reader: MbtilesReader;
  try {
    reader = openMbtiles(file);
  } catch (error) {
    throw new Error(`reference basemap not found at ${file}: run \`npm run build:data\` (${(error as Error).message})`, { cause: error });
  }
  const { metadata } = reader;
  let meta: ReferenceMeta;
  try {
    meta = ReferenceMeta.parse(JSON.parse(metadata['siteselect'] ?? 'null'));
  } catch (error) {
    reader.close();
    throw new Error(`reference basemap ${file} has no valid siteselect metadata: run \`npm run build:data\``, { cause: error });
  }
  return {
    meta,
    minzoom: Number(metadata['minzoom']),
    maxzoom: Number(metadata['maxzoom']),
    getTile(zoom, x, y) {
      const data = reader.tile(zoom, x, flipTileRow(y, zoom));
      if (!data) return null;
      // MBTiles vector tiles are gzip-compressed by convention; the custom protocol cannot rely
      // on Content-Encoding, so both transports serve them inflated.
      return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
    },
    close: () => reader.close(),
  };
}
