/** The app's own description: version, edition, data folder, the reference data's provenance. */
import type { AppInfo } from '../contract/api.ts';
import type { Context, Handlers } from './context.ts';

function appInfo(ctx: Context): AppInfo {
  const { meta, minzoom, maxzoom } = ctx.reference.basemap;
  return {
    ...ctx.info,
    userSchemaVersion: ctx.userDb.pragma('user_version', { simple: true }) as number,
    reference: {
      builtAt: meta.builtAt,
      bounds: meta.bounds,
      zoneBounds: meta.zoneBounds,
      minzoom,
      maxzoom,
      sources: meta.sources,
      registry: [...ctx.reference.sources],
    },
  };
}

export const appHandlers = { appInfo } satisfies Handlers<'appInfo'>;
