/**
 * The facts of every candidate that do not depend on an enterprise profile: travel times on the
 * active network (or the one asked for, in the scenario year) and the 60-minute labour pool.
 * Computed once per site and network and cached, so a ranking is a pure computation in
 * geo/scoring taking a few milliseconds.
 */
import {
  prefectureOf,
  type CandidateFacts,
  type DestinationClass,
  type LngLat,
  type NetworkAssumptions,
  type NetworkLabel,
  type PopulationRaster,
  type TravelNetwork,
} from '../../geo/index.ts';
import type { LayerStore } from '../db/layer-store.ts';
import type { SiteStore } from '../db/site-store.ts';
import { featureName } from '../imports/feature-name.ts';
import { asUserInput, LABOUR_CELL_KM, type NetworkChoice, type ZoneNetworkService } from '../network/service.ts';
import type { Reference } from '../reference/index.ts';

/** Labour pool: residents within this many minutes. */
export const LABOUR_MINUTES = 60;

interface SiteRef {
  id: string;
  name: string;
  lng: number;
  lat: number;
}

export interface SiteFacts {
  /** Every located zone park. */
  parks(choice?: NetworkChoice): CandidateFacts[];
  /** The user's own sites and imported candidates inside the zone and within the network's reach. */
  customSites(choice?: NetworkChoice): CandidateFacts[];
  /** Imported competitor parks inside the zone and within reach (comparisons only). */
  competitors(choice?: NetworkChoice): CandidateFacts[];
  /** The network those facts come from. */
  network(choice?: NetworkChoice): NetworkLabel;
  /** Parks and sites left out because they lie outside the network's coverage (a partial imported extract), after `parks`/`customSites` ran. */
  uncovered(choice?: NetworkChoice): string[];
}

/** The classes and markets (by id) the facts read: the others' search trees are never built for a ranking. */
const FACT_CLASSES = [
  'interchange',
  'freight',
  'international-rail',
  'airport-cargo',
  'bonded-zone',
  'port',
  'hsr-station',
] as const satisfies readonly DestinationClass[];
const FACT_MARKETS = ['guangzhou', 'shenzhen', 'changsha'] as const;

/** A site's identity and position: what its facts are computed from. */
export type SiteBase = Omit<CandidateFacts, 'minutes' | 'labour' | 'labourUnknown'>;

/**
 * Facts of one site on one network: travel times and the labour pool (residents of `raster`).
 *
 * @throws UserInputError when the position cannot reach the network
 */
export function factsOn(
  reference: Pick<Reference, 'zone'>,
  travel: TravelNetwork,
  raster: PopulationRaster,
  base: SiteBase,
): CandidateFacts {
  const marketNode = (id: string) => reference.zone.markets.find((m) => m.id === id)?.node;
  const only = { classes: FACT_CLASSES, markets: FACT_MARKETS.flatMap((id) => marketNode(id) ?? []) };
  const t = asUserInput(() => travel.travelTimes(base.position, { via: false, only }));
  const reachedMarket = (id: string) => {
    const node = marketNode(id);
    return node ? (t.markets[node] ?? null) : null;
  };
  const market = (id: string) => reachedMarket(id)?.minutes ?? null;
  const gz = market('guangzhou');
  const sz = market('shenzhen');
  // The nearer of Guangzhou and Shenzhen is the one whose stand-in decides.
  const gba = gz !== null && (sz === null || gz <= sz) ? reachedMarket('guangzhou') : reachedMarket('shenzhen');
  const labour = asUserInput(() => travel.labourWithin(base.position, LABOUR_MINUTES, raster));
  return {
    ...base,
    minutes: {
      interchange: t.facilities.interchange?.minutes ?? null,
      freight: t.facilities.freight?.minutes ?? null,
      'intl-rail': t.facilities['international-rail']?.minutes ?? null,
      airport: t.facilities['airport-cargo']?.minutes ?? null,
      bonded: t.facilities['bonded-zone']?.minutes ?? null,
      port: t.facilities.port?.minutes ?? null,
      gba: gz === null && sz === null ? null : Math.min(gz ?? Infinity, sz ?? Infinity),
      changsha: market('changsha'),
      hsr: t.facilities['hsr-station']?.minutes ?? null,
    },
    labour: labour.population,
    labourUnknown: labour.unknownCounties,
    approximateMinutes: {
      interchange: t.facilities.interchange?.approximate === true,
      freight: t.facilities.freight?.approximate === true,
      'intl-rail': t.facilities['international-rail']?.approximate === true,
      airport: t.facilities['airport-cargo']?.approximate === true,
      bonded: t.facilities['bonded-zone']?.approximate === true,
      port: t.facilities.port?.approximate === true,
      gba: gba?.approximate === true,
      changsha: reachedMarket('changsha')?.approximate === true,
      hsr: t.facilities['hsr-station']?.approximate === true,
    },
  };
}

/**
 * Facts of one site on the active network in the stored year, with other assumptions of the
 * schematic network (the rank ranges use both). The OpenStreetMap network has its own class
 * speeds, so there the assumptions change nothing.
 *
 * @throws UserInputError when the position cannot reach the network
 */
export function factsOnNetwork(
  reference: Pick<Reference, 'zone'>,
  network: ZoneNetworkService,
  base: SiteBase,
  overrides: Partial<NetworkAssumptions> = {},
): CandidateFacts {
  const choice: NetworkChoice = Object.keys(overrides).length > 0 ? { assumptions: overrides } : {};
  return factsOn(reference, network.travel(choice), network.population(LABOUR_CELL_KM), base);
}

/** @param referenceLayers - the zone's layers as they stand now (with park corrections): park facts are recomputed when it changes */
export function siteFacts(
  reference: Pick<Reference, 'layers' | 'zone'>,
  network: ZoneNetworkService,
  stores: { sites: Pick<SiteStore, 'list'>; layers: Pick<LayerStore, 'pointsWithRole'> },
  referenceLayers: () => Reference['layers'] = () => reference.layers,
): SiteFacts {
  /** Facts of one site on a network. */
  const factsAt = (travel: TravelNetwork, base: SiteBase): CandidateFacts =>
    factsOn(reference, travel, network.population(LABOUR_CELL_KM), base);

  /** Per network (each TravelNetwork the service hands out is one network in one year): the parks' facts and each site's. */
  const byNetwork = new WeakMap<
    TravelNetwork,
    { layers: Reference['layers']; parks?: CandidateFacts[]; sites: Map<string, CandidateFacts>; uncovered: Set<string> }
  >();
  const memo = (travel: TravelNetwork) => {
    const layers = referenceLayers();
    let m = byNetwork.get(travel);
    // Corrected parks stand elsewhere: their facts (and the network's input) change with the layers.
    if (!m || m.layers !== layers) {
      m = { layers, sites: new Map(), uncovered: new Set() };
      byNetwork.set(travel, m);
    }
    return m;
  };
  // Points of imported layers whose role is "candidates" join the ranking too; "competitors" join
  // comparisons (a park manager's rivals), not the enterprise's ranking.
  const imported = (role: 'candidates' | 'competitors'): SiteRef[] => {
    const seen = new Map<string, number>();
    return stores.layers.pointsWithRole(role).map((p) => {
      const n = (seen.get(p.layer) ?? 0) + 1;
      seen.set(p.layer, n);
      return { id: `imported-${p.id}`, name: featureName(p.properties) ?? `${p.layer} #${n}`, lng: p.position[0], lat: p.position[1] };
    });
  };
  const factsOf = (rows: SiteRef[], choice: NetworkChoice | undefined): CandidateFacts[] => {
    const travel = network.travel(choice);
    const cache = memo(travel).sites;
    return rows.flatMap((row) => {
      const key = `${row.id}|${row.lng}|${row.lat}|${row.name}`;
      let f = cache.get(key);
      if (!f) {
        const position: LngLat = [row.lng, row.lat];
        const county = network.countyAt(position);
        if (!county) return []; // imported points outside the zone are not candidates here
        try {
          f = factsAt(travel, {
            id: row.id,
            name_zh: row.name,
            name_en: row.name,
            kind: 'custom',
            position,
            level: null,
            prefectureAdcode: county.prefecture_adcode,
            industries: [],
          });
        } catch {
          memo(travel).uncovered.add(row.id);
          return []; // out of the network's reach: cannot be scored
        }
        cache.set(key, f);
      }
      return [f];
    });
  };

  return {
    parks(choice) {
      const travel = network.travel(choice);
      const m = memo(travel);
      m.parks ??= (m.layers.get('parks')?.collection.features ?? []).flatMap((f) => {
        if (f.geometry?.type !== 'Point') return [];
        const adcode = f.properties['adcode'];
        let facts: CandidateFacts;
        try {
          facts = factsAt(travel, {
            id: f.properties.id,
            name_zh: f.properties.name_zh,
            name_en: f.properties.name_en,
            kind: 'park',
            position: f.geometry.coordinates as [number, number],
            level: f.properties['level'] as 'national' | 'provincial',
            approximate: f.properties.precision === 'approximate',
            prefectureAdcode: typeof adcode === 'string' ? prefectureOf(adcode) : null,
            industries:
              (f.properties['plan_industries'] as { industry_id: string | null; subline_id: string | null; text_zh?: string }[]) ?? [],
            industriesText: typeof f.properties['main_industries_zh'] === 'string' ? f.properties['main_industries_zh'] : null,
          });
        } catch (error) {
          // A park outside an imported network's coverage (a partial extract), or beyond the reach of the lines open in a
          // scenario year, cannot be scored on it: left out and listed, not given a time. On the schematic network as
          // the data stands every park is reachable, so a failure there is a real error.
          if (travel.label.kind !== 'osm' && travel.label.year === null) throw error;
          m.uncovered.add(f.properties.id);
          return [];
        }
        return [facts];
      });
      return m.parks;
    },
    customSites: (choice) => factsOf([...stores.sites.list(), ...imported('candidates')], choice),
    competitors: (choice) => factsOf(imported('competitors'), choice),
    network: (choice) => network.travel(choice).label,
    uncovered: (choice) => [...memo(network.travel(choice)).uncovered],
  };
}
