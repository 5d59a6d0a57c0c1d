import type { Api, AppInfo } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';

export function appHandlers(deps: HandlerDeps): Pick<Api, 'appInfo'> {
  return {
    appInfo(): AppInfo {
      const { meta, minzoom, maxzoom } = deps.reference;
      return {
        ...deps.info,
        userSchemaVersion: deps.userDb.pragma('user_version', { simple: true }) as number,
        reference: { builtAt: meta.builtAt, bounds: meta.bounds, zoneBounds: meta.zoneBounds, minzoom, maxzoom, sources: meta.sources },
      };
    },
  };
}
