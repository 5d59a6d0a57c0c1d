import { describe, expect, it } from 'vitest';
import {
  distanceFactor,
  familyAgreement,
  MATCH_THRESHOLDS,
  MIN_MATCH_SCORE,
  parkNameCore,
  parkNameScore,
  proposeMatches,
  stationNameCore,
  stationNameScore,
  type CatalogueFeature,
  type OsmFeature,
} from './match.ts';
import { metresPerDegree } from './measure.ts';

describe('the name-core rule', () => {
  it.each([
    // Catalogue names of the zone (data/layers/parks.geojson) and the forms OSM mappers write.
    ['湖南怀化经济开发区', '怀化', 'economic'],
    ['怀化高新技术产业开发区', '怀化', 'hightech'],
    ['怀化市经济开发区', '怀化', 'economic'],
    ['怀化高新区', '怀化', 'hightech'],
    ['沅陵工业集中区', '沅陵', 'industrial'],
    ['湖南零陵工业园区', '零陵', 'industrial'],
    ['永州经济技术开发区', '永州', 'economic'],
    ['湖南衡阳松木经济开发区', '衡阳松木', 'economic'],
    ['湖南衡阳西渡高新技术产业园区', '衡阳西渡', 'hightech'],
    ['衡阳综合保税区', '衡阳', 'bonded'],
    ['大祥工业集中区', '大祥', 'industrial'],
    ['大祥区工业园', '大祥', 'industrial'],
    ['邵阳县工业集中区', '邵阳', 'industrial'],
    ['湖南常宁水口山经济开发区', '常宁水口山', 'economic'],
    ['衡山水泥厂', '衡山水泥厂', null],
    ['（规划）衡东 经济开发区', '衡东', 'economic'],
    ['Huaihua Economic Development Zone', 'huaihua', 'economic'],
    ['Hunan Lingling Industrial Park', 'lingling', 'industrial'],
  ])('%s → %s (%s)', (name, core, family) => {
    expect(parkNameCore(name)).toEqual({ core, family });
  });

  it('keeps 高新技术产业开发区 one ending (not 开发区 after a core 高新技术产业)', () => {
    expect(parkNameCore('郴州高新技术产业开发区').core).toBe('郴州');
  });

  it('scores equal cores and endings 1, the same core with a different kind of zone lower, and a core inside another 0.85', () => {
    expect(parkNameScore('湖南怀化经济开发区', '怀化经济开发区')).toBe(1);
    expect(parkNameScore('湖南零陵工业园区', '零陵工业园')).toBe(1);
    // Both 怀化: the endings tell the economic development zone from the high-tech zone.
    expect(parkNameScore('湖南怀化经济开发区', '怀化高新区')).toBe(0.5 * 1);
    expect(parkNameScore('湖南怀化经济开发区', '怀化高新区')).toBeLessThan(MATCH_THRESHOLDS.park.minName);
    // A generic OSM ending beside the catalogue's specific one.
    expect(parkNameScore('湖南衡东经济开发区', '衡东工业园')).toBeCloseTo(0.9, 12);
    expect(parkNameScore('湖南衡阳松木经济开发区', '松木经济开发区')).toBeCloseTo(0.85, 12);
    expect(parkNameScore('衡阳综合保税区', '衡阳高新区')).toBeCloseTo(0.4, 12);
    expect(parkNameScore('湖南衡东经济开发区', '衡山水泥厂')).toBeLessThan(0.6);
    expect(parkNameScore('Huaihua Economic Development Zone', 'Huaihua Economic Development Zone')).toBe(1);
    expect(familyAgreement(null, 'economic')).toBe(0.8);
  });

  it('compares station names without 站 but with their direction', () => {
    expect(stationNameCore('长沙南站')).toBe('长沙南');
    expect(stationNameCore('怀化西（货运）')).toBe('怀化西');
    expect(stationNameCore('衡阳火车站')).toBe('衡阳');
    expect(stationNameScore('长沙南', '长沙南站')).toBe(1);
    expect(stationNameScore('衡阳', '衡阳东站')).toBe(0);
    expect(stationNameScore('衡山西', '衡山站')).toBe(0);
    expect(stationNameScore('Changsha South', 'Changsha South Railway Station')).toBe(1);
  });
});

/** A point `km` east of `[lng, lat]`. */
function east(p: [number, number], km: number): [number, number] {
  return [p[0] + (km * 1000) / metresPerDegree(p[1]).kx, p[1]];
}

describe('match thresholds', () => {
  it('gives full distance credit up to fullKm, half at maxKm, none beyond', () => {
    const t = MATCH_THRESHOLDS.park.exact;
    expect(distanceFactor(0, t)).toBe(1);
    expect(distanceFactor(t.fullKm * 1000, t)).toBe(1);
    expect(distanceFactor(((t.fullKm + t.maxKm) / 2) * 1000, t)).toBeCloseTo(0.75, 12);
    expect(distanceFactor(t.maxKm * 1000, t)).toBeCloseTo(0.5, 12);
    expect(distanceFactor(t.maxKm * 1000 + 1, t)).toBe(0);
  });

  const park = (approximate: boolean): CatalogueFeature => ({
    id: 'park-hengyang-hengdong',
    names: ['湖南衡东经济开发区', 'Hunan Hengdong Economic Development Zone'],
    position: [112.947786, 27.084671],
    approximate,
  });
  const area = (km: number, name = '衡东经济开发区'): OsmFeature => ({
    key: `way/${km}`,
    names: [name],
    position: east(park(true).position, km),
  });

  it('offers a park match within 10 km of an exact position and 25 km of an approximate one', () => {
    expect(proposeMatches('park', [park(false)], [area(9.5)])).toHaveLength(1);
    expect(proposeMatches('park', [park(false)], [area(10.5)])).toHaveLength(0);
    expect(proposeMatches('park', [park(true)], [area(24)])).toHaveLength(1);
    expect(proposeMatches('park', [park(true)], [area(26)])).toHaveLength(0);
    const [p] = proposeMatches('park', [park(false)], [area(6.5)]);
    expect(p?.distanceM).toBeCloseTo(6500, -1);
    expect(p?.score).toBeCloseTo(distanceFactor(6500, MATCH_THRESHOLDS.park.exact), 3);
    expect(p?.nameScore).toBe(1);
  });

  it('needs a name: nothing for a near area of another name, or when name × distance falls below the minimum', () => {
    expect(proposeMatches('park', [park(false)], [area(0.1, '衡山水泥厂')])).toHaveLength(0);
    // 衡东县城关: the core 衡东 inside it (0.85), no ending (× 0.8) = 0.68, enough as a name…
    expect(parkNameScore('湖南衡东经济开发区', '衡东县城关')).toBeCloseTo(0.68, 12);
    expect(proposeMatches('park', [park(false)], [area(2, '衡东县城关')])).toMatchObject([{ score: expect.closeTo(0.68, 12) }]);
    // …but at 9.5 km of an exact position 0.68 × 0.54 falls below the minimum score.
    expect(0.68 * distanceFactor(9500, MATCH_THRESHOLDS.park.exact)).toBeLessThan(MIN_MATCH_SCORE);
    expect(proposeMatches('park', [park(false)], [area(9.5, '衡东县城关')])).toHaveLength(0);
  });

  it('pairs one to one, best score first, and offers the next candidate once a pair is excluded (rejected)', () => {
    const near = area(1);
    const far = area(5, '衡东工业园');
    const other: CatalogueFeature = {
      id: 'park-other',
      names: ['衡东工业园'],
      position: east(park(false).position, 6),
      approximate: false,
    };
    const first = proposeMatches('park', [park(false), other], [near, far]);
    expect(first.map((m) => `${m.featureId} ${m.osmKey}`).sort()).toEqual(['park-hengyang-hengdong way/1', 'park-other way/5']);
    const again = proposeMatches('park', [park(false)], [near, far], new Set(['park-hengyang-hengdong way/1']));
    expect(again.map((m) => m.osmKey)).toEqual(['way/5']);
  });

  it('matches a station only with the same name core, within 3 km of an exact position', () => {
    const station: CatalogueFeature = {
      id: 'station-hengshan-west',
      names: ['衡山西', 'Hengshan West'],
      position: [112.78379, 27.2511],
      approximate: false,
    };
    const osm = (km: number, name: string): OsmFeature => ({
      key: `node/${name}${km}`,
      names: [name],
      position: east(station.position, km),
    });
    expect(proposeMatches('station', [station], [osm(0.03, '衡山西站')])).toMatchObject([{ score: 1, nameScore: 1 }]);
    expect(proposeMatches('station', [station], [osm(0.03, '衡山站')])).toHaveLength(0);
    expect(proposeMatches('station', [station], [osm(2.9, '衡山西站')])).toHaveLength(1);
    expect(proposeMatches('station', [station], [osm(3.1, '衡山西站')])).toHaveLength(0);
  });
});
