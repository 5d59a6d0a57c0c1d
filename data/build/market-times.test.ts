import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, haversineMetres } from '../../geo/index.ts';
import { MARKET_IDS, SEATS, seatToMarketMinutes } from './market-times.ts';

/**
 * ±25 %: the schematic network draws expressways as chords between county-seat stand-ins, which
 * are 10–25 % shorter than the road (the circuity of expressways), at 90 km/h (geo/network
 * assumptions) where the reference model uses its own speeds and network. A missing link shows as
 * a factor of two or more (邵阳→长沙 was about 7 h against 2.2 h), far outside this band.
 */
const TOLERANCE = 0.25;

describe('seat-to-market road times on the schematic expressway network', () => {
  const minutes = seatToMarketMinutes();
  const pairs = SEATS.flatMap((s) => MARKET_IDS.map((m) => ({ seat: s, market: m, hours: (minutes[s.id]?.[m] ?? Number.NaN) / 60 })));

  it.each(pairs.filter((p) => p.seat.reference_h[p.market] !== null).map((p) => [`${p.seat.name_zh}→${p.market}`, p]))(
    '%s is within ±25 % of the Ma & Tang (2024) prefecture-pair time',
    (_, p) => {
      const reference = p.seat.reference_h[p.market] as number;
      expect(p.hours).toBeGreaterThan(reference * (1 - TOLERANCE));
      expect(p.hours).toBeLessThan(reference * (1 + TOLERANCE));
    },
  );

  it('has no systematic bias: the median ratio to the reference lies within 0.9–1.1', () => {
    const ratios = pairs
      .filter((p) => p.seat.reference_h[p.market] !== null)
      .map((p) => p.hours / (p.seat.reference_h[p.market] as number))
      .sort((a, b) => a - b);
    expect(ratios).toHaveLength(20);
    const median = ((ratios[9] as number) + (ratios[10] as number)) / 2;
    expect(median).toBeGreaterThan(0.9);
    expect(median).toBeLessThan(1.1);
  });

  it('gives 吉首 (no reference row) times between the legal-speed bound and 怀化’s reference plus the 吉首–怀化 leg', () => {
    const jishou = SEATS.find((s) => s.id === 'jishou');
    const huaihua = SEATS.find((s) => s.id === 'huaihua');
    if (!jishou || !huaihua) throw new Error('seats missing');
    const leg =
      ((haversineMetres(jishou.position, huaihua.position) / 1000) * DEFAULT_ASSUMPTIONS.detourFactor) / DEFAULT_ASSUMPTIONS.expresswayKmh;
    for (const m of MARKET_IDS) {
      const hours = (minutes['jishou']?.[m] ?? Number.NaN) / 60;
      const market = {
        changsha: [113.032507, 28.138976],
        guangzhou: [113.267904, 23.160029],
        shenzhen: [114.04997, 22.524254],
        guilin: [110.276517, 25.264537],
      }[m] as [number, number];
      // No road vehicle averages more than the 120 km/h limit over the straight line.
      expect(hours).toBeGreaterThan(haversineMetres(jishou.position, market) / 1000 / 120);
      expect(hours).toBeLessThan(((huaihua.reference_h[m] as number) + leg) * (1 + TOLERANCE));
    }
  });
});
