import type { Api, FeatureCollectionResult, LayerSummary, PlaceHit } from '../contract/api.ts';
import type { LayerFeature, LayerId } from '../../data/schema/layers.ts';
import { positionsOf } from '../../geo/index.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { createSearchIndex, searchIndex } from './search.ts';

/** Names of the sub-kinds the layer panel can switch on and off, per layer and property. */
const SUBKINDS: Partial<Record<LayerId, { property: string; names: Record<string, [string, string]> }>> = {
  parks: { property: 'level', names: { national: ['国家级', 'National'], provincial: ['省级', 'Provincial'] } },
  'rail-lines': { property: 'kind', names: { hsr: ['高速铁路', 'High-speed rail'], conventional: ['普速铁路', 'Conventional rail'] } },
  'rail-stations': {
    property: 'kind',
    names: {
      hsr: ['高铁站', 'HSR station'],
      conventional: ['普速站', 'Conventional station'],
      'hsr+conventional': ['高普合一站', 'HSR and conventional'],
      freight: ['货场', 'Freight yard'],
    },
  },
  'logistics-hubs': {
    property: 'kind',
    names: {
      'national-hub': ['国家物流枢纽', 'National logistics hub'],
      'logistics-park': ['物流园区', 'Logistics park'],
      'rail-service': ['国际班列', 'International rail service'],
    },
  },
};

export function subkindOf(layer: LayerId, f: LayerFeature): string | null {
  const spec = SUBKINDS[layer];
  return spec ? String(f.properties[spec.property]) : null;
}

function breakdown(layer: LayerId, features: LayerFeature[]): LayerSummary['breakdown'] {
  const spec = SUBKINDS[layer];
  if (!spec) return undefined;
  const counts = new Map<string, number>();
  for (const f of features) counts.set(String(f.properties[spec.property]), (counts.get(String(f.properties[spec.property])) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, name_zh: spec.names[key]?.[0] ?? key, name_en: spec.names[key]?.[1] ?? key, count }));
}

/** A representative position: the point itself, or the middle vertex of a line or ring. */
function centreOf(f: LayerFeature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  const all = [...positionsOf(g.coordinates)];
  const mid = all[Math.floor(all.length / 2)];
  return mid ? [mid[0] as number, mid[1] as number] : null;
}

export function layerHandlers(deps: HandlerDeps): Pick<Api, 'listLayers' | 'getLayer' | 'searchPlaces'> {
  const userLayers = deps.userDb.prepare(`
    SELECT l.id, l.name, l.geometry, l.source_file, l.role, l.style, COUNT(f.id) AS featureCount
    FROM user_layers l LEFT JOIN user_features f ON f.layer_id = l.id
    GROUP BY l.id ORDER BY l.created_at, l.id`);
  const userFeatures = deps.userDb.prepare('SELECT geometry, properties FROM user_features WHERE layer_id = ? ORDER BY id');
  const userLayerExists = deps.userDb.prepare('SELECT 1 FROM user_layers WHERE id = ?').pluck();

  const search = createSearchIndex([
    ...deps.reference.meta.places.map((p) => ({
      inZone: p.in_zone,
      hit: {
        layer: p.kind === 'county' ? 'counties' : 'prefectures',
        id: `${p.kind}-${p.adcode}`,
        name_zh: p.name_zh,
        name_en: p.name_en,
        detail_zh: p.kind === 'county' ? `${p.prefecture_zh ?? ''} · 县级行政区` : '地级行政区',
        detail_en: p.kind === 'county' ? 'County-level unit' : 'Prefecture',
        center: p.center,
      } satisfies PlaceHit,
    })),
    ...[...deps.layers.values()].flatMap((layer) =>
      layer.collection.features.map((f) => ({
        inZone: f.properties['external_hub'] !== true,
        hit: {
          layer: layer.id,
          id: f.properties.id,
          name_zh: f.properties.name_zh,
          name_en: f.properties.name_en,
          detail_zh: layer.name_zh,
          detail_en: layer.name_en,
          center: centreOf(f),
        } satisfies PlaceHit,
      })),
    ),
  ]);

  return {
    listLayers(): LayerSummary[] {
      const source = deps.reference.meta.sources[0]?.origin_en ?? null;
      const basemap: LayerSummary[] = deps.reference.meta.layers.map((l) => ({ ...l, kind: 'basemap', source }));
      const reference: LayerSummary[] = [...deps.layers.values()].map((l) => {
        const b = breakdown(l.id, l.collection.features);
        return {
          id: l.id,
          name_zh: l.name_zh,
          name_en: l.name_en,
          kind: 'reference',
          geometry: l.geometry,
          featureCount: l.collection.features.length,
          source: 'data/SOURCES.md',
          unlocated: l.collection.features.filter((f) => f.geometry === null).length,
          ...(b ? { breakdown: b } : {}),
        };
      });
      const user = (
        userLayers.all() as {
          id: string;
          name: string;
          geometry: LayerSummary['geometry'];
          source_file: string | null;
          role: NonNullable<LayerSummary['role']>;
          style: string;
          featureCount: number;
        }[]
      ).map((l): LayerSummary => {
        const colour = (JSON.parse(l.style || '{}') as { colour?: string }).colour;
        return {
          id: l.id,
          name_zh: l.name,
          name_en: l.name,
          kind: 'user',
          geometry: l.geometry,
          featureCount: l.featureCount,
          source: l.source_file,
          role: l.role,
          ...(colour ? { colour } : {}),
        };
      });
      return [...basemap, ...reference, ...user];
    },

    getLayer({ id }): FeatureCollectionResult {
      const reference = deps.layers.get(id as LayerId);
      if (reference) return reference.collection as FeatureCollectionResult;
      if (deps.reference.meta.layers.some((l) => l.id === id))
        throw new ApiError('BAD_ARGUMENT', `layer "${id}" is part of the basemap and is drawn from tiles, not fetched as GeoJSON`);
      if (userLayerExists.get(id)) {
        const rows = userFeatures.all(id) as { geometry: string; properties: string }[];
        return {
          type: 'FeatureCollection',
          features: rows.map((r) => ({
            type: 'Feature',
            geometry: JSON.parse(r.geometry) as never,
            properties: JSON.parse(r.properties) as Record<string, unknown>,
          })),
        };
      }
      throw new ApiError('NOT_FOUND', `no layer with id "${id}" (see listLayers)`);
    },

    searchPlaces({ query, limit }): PlaceHit[] {
      return searchIndex(search, query, limit);
    },
  };
}
