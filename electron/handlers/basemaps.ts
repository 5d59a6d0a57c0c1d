/** Register, list and remove offline basemap packs (MBTiles, PMTiles). */
import type { Context, Handlers } from './context.ts';

const listBasemaps = (ctx: Context) => ctx.packs.list();
const addBasemap = (ctx: Context, { path }: { path: string }) => ctx.packs.add(path);
const removeBasemap = (ctx: Context, { id }: { id: string }) => ({ removed: ctx.packs.remove(id) });

export const basemapHandlers = { listBasemaps, addBasemap, removeBasemap } satisfies Handlers<
  'listBasemaps' | 'addBasemap' | 'removeBasemap'
>;
