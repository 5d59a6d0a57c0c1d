/** Known places with names and WGS-84 positions, the evidence for detecting an import's CRS. */
import type { NamedPosition } from '../../geo/index.ts';
import type { HandlerDeps } from '../handlers/deps.ts';

export function referencePlaces(deps: Pick<HandlerDeps, 'reference' | 'layers'>): NamedPosition[] {
  const places: NamedPosition[] = deps.reference.meta.places.map((p) => ({ name: p.name_zh, position: p.center }));
  for (const layer of deps.layers.values()) {
    for (const f of layer.collection.features) {
      if (f.geometry?.type === 'Point') places.push({ name: f.properties.name_zh, position: f.geometry.coordinates as [number, number] });
    }
  }
  return places;
}
