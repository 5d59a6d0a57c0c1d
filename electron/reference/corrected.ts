/**
 * The zone's layers as the user corrected them: a park a park manager moved (or whose OSM match
 * was accepted) stands where the correction puts it, marked exact with the correction's source,
 * date and note, and the bonded zone that is the same place moves with it; a reference rail
 * station whose OSM match was accepted moves the same way. Everything that uses positions (the
 * network, the scoring facts, the map, reports) reads the layers through here.
 */
import type { LayerCollection, LayerFeature, LayerId } from '../../data/schema/layers.ts';
import type { CorrectionRow } from '../db/correction-store.ts';
import type { ReferenceLayer } from './layers.ts';

/** What a corrected feature carries about its correction. */
export interface CorrectionInfo {
  source: CorrectionRow['source'];
  osm_id: string | null;
  /** The OSM element's page and the licence credit (ODbL), for a position from OpenStreetMap. */
  citation: string | null;
  credit: string | null;
  /** The correction's date, YYYY-MM-DD. */
  date: string;
  note: string;
  given: { crs: CorrectionRow['crs']; lng: number; lat: number };
  /** Where the shipped data put it, `[lng, lat]` WGS-84, and how good that was. */
  original: { position: [number, number] | null; precision: string; precision_note: string };
}

function corrected(f: LayerFeature, c: CorrectionRow): LayerFeature {
  const p = f.properties;
  const date = c.updated_at.slice(0, 10);
  const info: CorrectionInfo = {
    source: c.source,
    osm_id: c.osm_id,
    citation: c.citation ?? null,
    credit: c.credit ?? null,
    date,
    note: c.note,
    given: { crs: c.crs, lng: c.given_lng, lat: c.given_lat },
    original: {
      position: f.geometry?.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null,
      precision: String(p['precision']),
      precision_note: String(p['precision_note']),
    },
  };
  const by = c.source === 'user' ? 'the user' : `OpenStreetMap (${c.citation ?? c.osm_id ?? 'no id'}; ${c.credit ?? 'ODbL'})`;
  return {
    ...f,
    geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
    properties: {
      ...p,
      precision: 'exact',
      position_basis: c.source === 'user' ? 'user' : 'osm',
      precision_note: `Position corrected by ${by} on ${date}${c.note ? `: ${c.note}` : ''} (given in ${c.crs.toUpperCase()} as ${c.given_lng}, ${c.given_lat}).`,
      correction: info,
    },
  } as LayerFeature;
}

/**
 * The layers with the corrections applied (parks by id; bonded zones by their `park_id`).
 * @returns the same map when there is no correction
 */
export function correctedLayers(
  layers: ReadonlyMap<LayerId, ReferenceLayer>,
  corrections: readonly CorrectionRow[],
): ReadonlyMap<LayerId, ReferenceLayer> {
  if (corrections.length === 0) return layers;
  const byPark = new Map(corrections.filter((c) => (c.feature_kind ?? 'park') === 'park').map((c) => [c.park_id, c]));
  const byStation = new Map(corrections.filter((c) => c.feature_kind === 'station').map((c) => [c.park_id, c]));
  const out = new Map(layers);
  const apply = (id: LayerId, key: (f: LayerFeature) => unknown, by = byPark) => {
    const layer = layers.get(id);
    if (!layer) return;
    const features = layer.collection.features.map((f) => {
      const c = by.get(String(key(f)));
      return c ? corrected(f, c) : f;
    });
    out.set(id, { ...layer, collection: { ...layer.collection, features } as LayerCollection });
  };
  apply('parks', (f) => f.properties.id);
  apply('bonded-zones', (f) => f.properties['park_id']);
  if (byStation.size > 0) apply('rail-stations', (f) => f.properties.id, byStation);
  return out;
}
