import type { Api, LayerSummary } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';

export function layerHandlers(deps: HandlerDeps): Pick<Api, 'listLayers'> {
  const userLayers = deps.userDb.prepare(`
    SELECT l.id, l.name, l.geometry, l.source_file, COUNT(f.id) AS featureCount
    FROM user_layers l LEFT JOIN user_features f ON f.layer_id = l.id
    GROUP BY l.id ORDER BY l.created_at, l.id`);
  return {
    listLayers(): LayerSummary[] {
      const source = deps.reference.meta.sources[0]?.origin_en ?? null;
      const reference: LayerSummary[] = deps.reference.meta.layers.map((l) => ({ ...l, kind: 'reference', source }));
      const user = (userLayers.all() as { id: string; name: string; geometry: LayerSummary['geometry']; source_file: string | null; featureCount: number }[]).map(
        (l): LayerSummary => ({ id: l.id, name_zh: l.name, name_en: l.name, kind: 'user', geometry: l.geometry, featureCount: l.featureCount, source: l.source_file }),
      );
      return [...reference, ...user];
    },
  };
}
