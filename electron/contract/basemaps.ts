/** Offline basemap packs (MBTiles, PMTiles) registered by path. */
import { z } from 'zod';
import { BBox, IdArg, NoArgs } from './common.ts';
import { method } from './define.ts';

export const BasemapPack = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  container: z.enum(['mbtiles', 'pmtiles']),
  tileType: z.enum(['raster', 'vector']),
  format: z.string(),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  bounds: BBox.nullable(),
  layers: z.array(z.string()),
});
export type BasemapPack = z.infer<typeof BasemapPack>;

export const BASEMAP_METHODS = {
  listBasemaps: method(NoArgs, z.array(BasemapPack)),
  addBasemap: method(z.object({ path: z.string().min(1).max(4096) }).strict(), BasemapPack, { writes: true }),
  removeBasemap: method(IdArg, z.object({ removed: z.boolean() }), { writes: true }),
};
