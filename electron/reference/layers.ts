/**
 * The zone's reference layers (data/layers/*.geojson: parks, airports, rail, …), read once at
 * start-up and checked against their schemas. `npm run validate:data` applies the full rules at
 * build time; here a file that does not parse stops start-up with a message naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYER_IDS, LAYERS, type LayerCollection, type LayerId } from '../../data/schema/layers.ts';

export interface ReferenceLayer {
  id: LayerId;
  name_zh: string;
  name_en: string;
  geometry: 'point' | 'line';
  collection: LayerCollection;
}

export function loadReferenceLayers(dir: string): Map<LayerId, ReferenceLayer> {
  const layers = new Map<LayerId, ReferenceLayer>();
  for (const id of LAYER_IDS) {
    const spec = LAYERS[id];
    const file = join(dir, spec.file);
    if (!existsSync(file)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`reference layer ${spec.file} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    const features = (raw as { features?: unknown[] }).features;
    if (!Array.isArray(features)) throw new Error(`reference layer ${spec.file} is not a FeatureCollection`);
    features.forEach((f, i) => {
      const parsed = spec.feature.safeParse(f);
      if (!parsed.success)
        throw new Error(
          `reference layer ${spec.file}, feature ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        );
    });
    layers.set(id, { id, name_zh: spec.name_zh, name_en: spec.name_en, geometry: spec.geometry, collection: raw as LayerCollection });
  }
  return layers;
}
