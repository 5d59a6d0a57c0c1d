/** Layers: the basemap's (drawn from tiles), the zone's reference layers and the user's imported ones. */
import type { LayerFeature, LayerId } from '../../data/schema/layers.ts';
import type { FeatureCollectionResult, LayerSummary, PlaceHit } from '../contract/api.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { exportFeatures, type ExportFeature } from '../imports/export.ts';
import { searchIndex } from '../reference/search.ts';
import { layerStyle } from './app.ts';
import type { Context, Handlers } from './context.ts';

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

const MIME = {
  geojson: 'application/geo+json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  kml: 'application/vnd.google-earth.kml+xml',
} as const;

function breakdown(layer: LayerId, features: LayerFeature[]): LayerSummary['breakdown'] {
  const spec = SUBKINDS[layer];
  if (!spec) return undefined;
  const counts = new Map<string, number>();
  for (const f of features) counts.set(String(f.properties[spec.property]), (counts.get(String(f.properties[spec.property])) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, name_zh: spec.names[key]?.[0] ?? key, name_en: spec.names[key]?.[1] ?? key, count }));
}

function requireUserLayer(ctx: Context, id: string): void {
  if (!ctx.stores.layers.exists(id)) throw new NotFoundError(`no user layer with id "${id}"`);
}

function listLayers(ctx: Context): LayerSummary[] {
  const { meta } = ctx.reference.basemap;
  const source = meta.sources[0]?.origin_en ?? null;
  const basemap: LayerSummary[] = meta.layers.map((l) => ({ ...l, kind: 'basemap', source }));
  const reference: LayerSummary[] = [...ctx.layers().values()].map((l) => {
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
  const damaged = new Map(ctx.stores.layers.damagedFeatures().map((d) => [d.layerId, d]));
  const user = ctx.stores.layers.list().map((l): LayerSummary => {
    // One bad row never breaks the list: a style that cannot be read is left out and reported.
    const style = layerStyle(l.style);
    const colour = 'colour' in style ? style.colour : undefined;
    const bad = damaged.get(l.id);
    const problems = [
      ...('problem' in style ? [style.problem] : []),
      ...(bad ? [`${bad.count} feature(s) cannot be read and are left out`] : []),
    ];
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
      ...(problems.length > 0 ? { problems } : {}),
      ...(l.team_author ? { author: l.team_author } : {}),
    };
  });
  return [...basemap, ...reference, ...user];
}

function getLayer(ctx: Context, { id }: { id: string }): FeatureCollectionResult {
  const reference = ctx.layers().get(id as LayerId);
  if (reference) return reference.collection as FeatureCollectionResult;
  if (ctx.reference.basemap.meta.layers.some((l) => l.id === id)) {
    throw new UserInputError(`layer "${id}" is part of the basemap and is drawn from tiles, not fetched as GeoJSON`);
  }
  if (ctx.stores.layers.exists(id)) {
    const { features, skipped } = ctx.stores.layers.readFeatures(id);
    return {
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })),
      ...(skipped.length > 0 ? { skipped } : {}),
    };
  }
  throw new NotFoundError(`no layer with id "${id}" (see listLayers)`);
}

function searchPlaces(ctx: Context, { query, limit }: { query: string; limit: number }): PlaceHit[] {
  return searchIndex(ctx.reference.search, query, limit);
}

function renameLayer(ctx: Context, { id, name }: { id: string; name: string }) {
  requireUserLayer(ctx, id);
  ctx.stores.layers.rename(id, name);
  return { id, name };
}

function setLayerStyle(ctx: Context, { id, colour }: { id: string; colour: string }) {
  requireUserLayer(ctx, id);
  ctx.stores.layers.setStyle(id, { colour });
  return { id, colour };
}

function deleteLayer(ctx: Context, { id }: { id: string }) {
  requireUserLayer(ctx, id);
  return { deleted: ctx.stores.layers.remove(id) };
}

async function exportLayer(ctx: Context, { id, format }: { id: string; format: keyof typeof MIME }) {
  const layer = getLayer(ctx, { id });
  const bytes = await exportFeatures(id, layer.features as ExportFeature[], format);
  return { fileName: `${id}.${format}`, mime: MIME[format], dataBase64: Buffer.from(bytes).toString('base64') };
}

export const layerHandlers = {
  listLayers,
  getLayer,
  searchPlaces,
  renameLayer,
  setLayerStyle,
  deleteLayer,
  exportLayer,
} satisfies Handlers<'listLayers' | 'getLayer' | 'searchPlaces' | 'renameLayer' | 'setLayerStyle' | 'deleteLayer' | 'exportLayer'>;
