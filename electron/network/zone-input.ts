/**
 * The schematic network's input from the zone's reference layers: interchanges, expressways,
 * rail lines and stations, airports, bonded zones, ports and logistics hubs. Only features with a
 * known position take part.
 */
import {
  yearOf,
  type FacilityClass,
  type LineInput,
  type LngLat,
  type NetworkInput,
  type Opening,
  type OpeningStatus,
  type PointInput,
} from '../../geo/index.ts';
import type { LayerFeature, LayerId } from '../../data/schema/layers.ts';
import type { Market, ReferenceLayer } from '../reference/index.ts';

const located = (f: LayerFeature): f is LayerFeature & { geometry: { type: 'Point'; coordinates: [number, number] } } =>
  f.geometry?.type === 'Point';

function stationClasses(f: LayerFeature, markets: ReadonlySet<string>, international: ReadonlySet<string>): FacilityClass[] {
  const kind = String(f.properties['kind']);
  const classes: FacilityClass[] = [];
  if (kind.includes('hsr')) classes.push('hsr-station');
  if (kind === 'freight') classes.push('freight');
  if (international.has(f.properties.id)) classes.push('international-rail');
  if (markets.has(f.properties.id)) classes.push('market');
  return classes;
}

/**
 * A feature's `status` as an opening status. Absent (null) or "open" is open; "construction" and
 * "planned" are themselves. Any other value is not evidence that the facility exists, so it counts
 * as planned (never open, and without a year never opens): an unbuilt port whose source's wording
 * was copied as its status must not be routed to (validate:data keeps the layers to the three words).
 */
export function statusOf(value: unknown): OpeningStatus {
  if (value === undefined || value === null || value === 'open') return 'open';
  return value === 'construction' ? 'construction' : 'planned';
}

/**
 * A feature's opening (geo/network/years.ts) from its `status` and `opened` properties: an
 * expressway's `opened` is the latest opening year among its segments in the segment table (so the
 * line counts from the year it was complete), a rail line's, station's or airport's is its opening
 * date. Undefined when the feature is open and no year is given (open, year unknown).
 */
export function openingOf(f: LayerFeature): Opening | undefined {
  const status = statusOf(f.properties['status']);
  const year = yearOf(f.properties['opened']);
  return status === 'open' && year === null ? undefined : { status, year };
}

/** The network's input from the reference layers: only features with a known position take part. */
export function zoneNetworkInput(layers: ReadonlyMap<LayerId, ReferenceLayer>, markets: readonly Market[]): NetworkInput {
  const features = (id: LayerId) => layers.get(id)?.collection.features ?? [];
  const marketNodes = new Set(markets.map((m) => m.node));
  const international = new Set(markets.filter((m) => m.id === 'huaihua-international-rail').map((m) => m.node));
  const pointOf = (f: LayerFeature, classes: FacilityClass[]): PointInput => {
    const opening = openingOf(f);
    return {
      id: f.properties.id,
      name_zh: f.properties.name_zh,
      name_en: f.properties.name_en,
      position: (f.geometry as { coordinates: [number, number] }).coordinates,
      classes: marketNodes.has(f.properties.id) && !classes.includes('market') ? [...classes, 'market'] : classes,
      approximate: f.properties.precision === 'approximate',
      ...(opening ? { opening } : {}),
    };
  };
  const interchanges = features('interchanges')
    .filter(located)
    .map((f) => pointOf(f, ['interchange']));
  const facilities: PointInput[] = [
    ...features('rail-stations')
      .filter(located)
      .map((f) => pointOf(f, stationClasses(f, marketNodes, international))),
    ...features('airports')
      .filter(located)
      .map((f) => pointOf(f, f.properties['cargo'] ? ['airport', 'airport-cargo'] : ['airport'])),
    ...features('bonded-zones')
      .filter(located)
      .map((f) => pointOf(f, ['bonded-zone'])),
    ...features('ports')
      .filter(located)
      .map((f) => pointOf(f, ['port'])),
    // Hubs and logistics parks are destinations; international train services are not places (their
    // departure yard is a station already).
    ...features('logistics-hubs')
      .filter((f) => located(f) && f.properties['kind'] !== 'rail-service')
      .map((f) => pointOf(f, ['logistics-hub'])),
  ];
  const known = new Set([...interchanges, ...facilities].map((p) => p.id));
  const lines = (id: LayerId, stopsKey: 'interchanges' | 'stations', mode: (f: LayerFeature) => LineInput['mode']): LineInput[] =>
    features(id)
      .filter((f) => f.geometry?.type === 'LineString')
      .map((f) => {
        const opening = openingOf(f);
        return {
          id: f.properties.id,
          name_zh: f.properties.name_zh,
          coordinates: (f.geometry as { coordinates: LngLat[] }).coordinates,
          // Stops without a known position are skipped: the line joins the located ones.
          stops: (f.properties[stopsKey] as string[]).filter((s) => known.has(s)),
          mode: mode(f),
          ...(opening ? { opening } : {}),
        };
      })
      .filter((l) => l.stops.length >= 2);
  return {
    interchanges,
    expressways: lines('expressways', 'interchanges', () => 'expressway'),
    facilities,
    railLines: lines('rail-lines', 'stations', (f) => (f.properties['kind'] === 'hsr' ? 'hsr' : 'rail')),
  };
}
