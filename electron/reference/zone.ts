/**
 * The zone: its county polygons (built by `npm run build:data` into
 * data/generated/zone-counties.geojson), their 2020 populations (data/counties.json) and the
 * markets travel times are measured to (data/markets.json). Files are parsed, not cast: a file
 * that does not have the expected shape stops start-up with a message naming it.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { bboxOf, positionsOf, type LngLat } from '../../geo/index.ts';
import { readJson } from './read-json.ts';

export const Market = z.object({ id: z.string().min(1), name_zh: z.string().min(1), name_en: z.string().min(1), node: z.string().min(1) });
export type Market = z.infer<typeof Market>;
const MarketsFile = z.looseObject({ markets: z.array(Market).min(1) });

const CountiesFile = z.looseObject({
  counties: z.array(
    z.looseObject({
      adcode: z.string().regex(/^\d{6}$/),
      name_zh: z.string().min(1),
      population_2020: z.number().int().nonnegative().nullable(),
    }),
  ),
});

const CountyPolygons = z.object({
  features: z.array(
    z.looseObject({
      type: z.literal('Feature'),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.unknown() }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.unknown() }),
      ]),
      properties: z.looseObject({ adcode: z.string(), name_zh: z.string(), name_en: z.string(), prefecture_adcode: z.string() }),
    }),
  ),
});

export interface ZoneCounty {
  adcode: string;
  name_zh: string;
  name_en: string;
  prefecture_adcode: string;
  /** 2020 resident population; null when unknown. */
  population: number | null;
  feature: Feature<Polygon | MultiPolygon>;
}

export interface ZoneData {
  counties: ZoneCounty[];
  /** [west, south, east, north] in degrees, WGS-84. */
  bbox: [number, number, number, number];
  markets: Market[];
}

/** Joins polygons and populations; the boundary data predates 2019 (邵东县, 祁阳县), so a county is matched on adcode, then on its name without the unit. */
export function loadZone(zoneFile: string, countiesFile: string, marketsFile: string): ZoneData {
  const polygons = readJson(zoneFile, CountyPolygons);
  const table = readJson(countiesFile, CountiesFile);
  const stem = (name: string) => name.replace(/(自治县|县|市|区)$/u, '');
  const counties = polygons.features.map((f): ZoneCounty => {
    const p = f.properties;
    const row = table.counties.find((c) => c.adcode === p.adcode) ?? table.counties.find((c) => stem(c.name_zh) === stem(p.name_zh));
    return {
      adcode: p.adcode,
      name_zh: p.name_zh,
      name_en: p.name_en,
      prefecture_adcode: p.prefecture_adcode,
      population: row?.population_2020 ?? null,
      feature: f as unknown as Feature<Polygon | MultiPolygon>,
    };
  });
  if (counties.length === 0) throw new Error(`${zoneFile} holds no county polygons: run \`npm run build:data\``);
  const bbox = bboxOf(
    (function* (): Generator<LngLat> {
      for (const c of counties) for (const p of positionsOf(c.feature.geometry.coordinates)) yield [Number(p[0]), Number(p[1])];
    })(),
  );
  return { counties, bbox, markets: readJson(marketsFile, MarketsFile).markets };
}
