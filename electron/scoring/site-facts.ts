/**
 * The facts of every candidate that do not depend on an enterprise profile: travel times on the
 * default network and the 60-minute labour pool. Computed once per site and cached, so a ranking
 * is a pure computation in geo/scoring taking a few milliseconds.
 */
import { prefectureOf, travelTimes, type CandidateFacts, type LngLat, type NetworkAssumptions } from '../../geo/index.ts';
import type { LayerStore } from '../db/layer-store.ts';
import type { SiteStore } from '../db/site-store.ts';
import { featureName } from '../imports/feature-name.ts';
import { asUserInput, type ZoneNetworkService } from '../network/service.ts';
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
  parks(): CandidateFacts[];
  /** The user's own sites and imported candidates inside the zone and within the network's reach. */
  customSites(): CandidateFacts[];
  /** Imported competitor parks inside the zone and within reach (comparisons only). */
  competitors(): CandidateFacts[];
}

/** A site's identity and position: what its facts are computed from. */
export type SiteBase = Omit<CandidateFacts, 'minutes' | 'labour' | 'labourUnknown'>;

/**
 * Facts of one site: travel times and the labour pool, on the default network or on the network
 * of other assumptions (the rank ranges use both).
 *
 * @throws UserInputError when the position cannot reach the network
 */
export function factsOnNetwork(
  reference: Pick<Reference, 'zone'>,
  network: ZoneNetworkService,
  base: SiteBase,
  overrides: Partial<NetworkAssumptions> = {},
): CandidateFacts {
  const marketNode = (id: string) => reference.zone.markets.find((m) => m.id === id)?.node;
  const net = network.networkFor(overrides);
  const t = asUserInput(() => travelTimes(net, base.position));
  const reachedMarket = (id: string) => {
    const node = marketNode(id);
    return node ? (t.markets[node] ?? null) : null;
  };
  const market = (id: string) => reachedMarket(id)?.minutes ?? null;
  const gz = market('guangzhou');
  const sz = market('shenzhen');
  // The nearer of Guangzhou and Shenzhen is the one whose stand-in decides.
  const gba = gz !== null && (sz === null || gz <= sz) ? reachedMarket('guangzhou') : reachedMarket('shenzhen');
  const labour = network.labourWithin(base.position, LABOUR_MINUTES, overrides);
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

/** @param referenceLayers - the zone's layers as they stand now (with park corrections): park facts are recomputed when it changes */
export function siteFacts(
  reference: Pick<Reference, 'layers' | 'zone'>,
  network: ZoneNetworkService,
  stores: { sites: Pick<SiteStore, 'list'>; layers: Pick<LayerStore, 'pointsWithRole'> },
  referenceLayers: () => Reference['layers'] = () => reference.layers,
): SiteFacts {
  const factsAt = (base: SiteBase): CandidateFacts => factsOnNetwork(reference, network, base);

  let parkFacts: CandidateFacts[] | undefined;
  let parkLayers: Reference['layers'] | undefined;
  const cache = new Map<string, CandidateFacts>();
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
  const factsOf = (rows: SiteRef[]): CandidateFacts[] =>
    rows.flatMap((row) => {
      const key = `${row.id}|${row.lng}|${row.lat}|${row.name}`;
      let f = cache.get(key);
      if (!f) {
        const position: LngLat = [row.lng, row.lat];
        const county = network.countyAt(position);
        if (!county) return []; // imported points outside the zone are not candidates here
        try {
          f = factsAt({
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
          return []; // out of the network's reach: cannot be scored
        }
        cache.set(key, f);
      }
      return [f];
    });

  return {
    parks() {
      const layers = referenceLayers();
      if (layers !== parkLayers) {
        parkLayers = layers;
        parkFacts = undefined;
        cache.clear(); // the network changes with the layers
      }
      parkFacts ??= (layers.get('parks')?.collection.features ?? []).flatMap((f) => {
        if (f.geometry?.type !== 'Point') return [];
        const adcode = f.properties['adcode'];
        return [
          factsAt({
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
          }),
        ];
      });
      return parkFacts;
    },
    customSites: () => factsOf([...stores.sites.list(), ...imported('candidates')]),
    competitors: () => factsOf(imported('competitors')),
  };
}
