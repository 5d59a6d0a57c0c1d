/** Register, list and remove offline basemap packs (MBTiles, PMTiles). */
import { PackError } from '../basemaps/packs.ts';
import type { Api } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';

export function basemapHandlers(deps: HandlerDeps): Pick<Api, 'listBasemaps' | 'addBasemap' | 'removeBasemap'> {
  return {
    listBasemaps: () => deps.packs.list(),
    async addBasemap({ path }) {
      try {
        return await deps.packs.add(path);
      } catch (error) {
        if (error instanceof PackError) throw new ApiError('BAD_ARGUMENT', error.message);
        throw error;
      }
    },
    removeBasemap: ({ id }) => ({ removed: deps.packs.remove(id) }),
  };
}
