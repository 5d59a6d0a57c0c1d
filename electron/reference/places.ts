/** Known places with names and WGS-84 positions, the evidence for detecting an import's CRS. */
import type { NamedPosition } from '../../geo/index.ts';
import type { LayerId } from '../../data/schema/layers.ts';
import type { ReferenceMeta } from './basemap.ts';
import type { ReferenceLayer } from './layers.ts';

/** County and prefecture seats of the basemap, and every located point of the zone's layers. */
export function referencePlaces(meta: ReferenceMeta, layers: ReadonlyMap<LayerId, ReferenceLayer>): NamedPosition[] {
  const places: NamedPosition[] = meta.places.map((p) => ({ name: p.name_zh, position: p.center }));
  for (const layer of layers.values()) {
    for (const f of layer.collection.features) {
      if (f.geometry?.type === 'Point') places.push({ name: f.properties.name_zh, position: f.geometry.coordinates as [number, number] });
    }
  }
  return places;
}
