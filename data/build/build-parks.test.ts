import { describe, expect, it } from 'vitest';
import { buildParks, type CatalogueRow } from './build-parks.ts';

const empty = { type: 'FeatureCollection' as const, features: [] };
// 石鼓区 (S437009 松木) in 衡阳; GCJ-02 positions (the builder converts them).
const row = (over: Partial<CatalogueRow>): CatalogueRow => ({
  code: 'S437009',
  name_zh: '湖南衡阳松木经济开发区',
  place: '衡阳松木',
  level: 'provincial',
  kind: '经济开发区',
  approved: '2006-04',
  area_ha: 777.34,
  main_industries_zh: '盐卤化工及精细化工、新材料、新能源',
  prefecture_adcode: '430400',
  gcj02: [112.62255, 26.96343],
  wgs84_extract: null,
  geocode_precision_zh: '住宅区',
  geocode_address_zh: '湖南省衡阳市石鼓区湖南衡阳松木经济开发区',
  serial: '1285',
  ...over,
});

describe('park positions from the catalogue geocode', () => {
  it('uses a point-like geocode inside the park’s own county, converted to WGS-84', () => {
    const [p] = buildParks([row({})], empty).parks;
    expect(p?.properties).toMatchObject({
      position_basis: 'geocode',
      precision: 'exact',
      county: '石鼓区',
      geocode_precision_zh: '住宅区',
    });
    const [lng, lat] = p?.geometry?.coordinates as [number, number];
    // GCJ-02 → WGS-84 moves points here by about 0.005° west and 0.0036° north.
    expect(lng).toBeCloseTo(112.6173, 3);
    expect(lat).toBeCloseTo(26.967, 3);
  });

  it('falls back to the county seat when the geocode lies in another county', () => {
    const [p] = buildParks(
      [row({ gcj02: [80.381016, 40.660447], geocode_address_zh: '新疆维吾尔自治区阿克苏地区阿瓦提县工业集中区' })],
      empty,
    ).parks;
    expect(p?.properties).toMatchObject({ position_basis: 'county-seat', precision: 'approximate', county: '石鼓区' });
    expect(String(p?.properties['precision_note'])).toMatch(/falls outside the zone/);
  });

  it('does not take a district-centre geocode (区县) for the park', () => {
    const [p] = buildParks([row({ geocode_precision_zh: '区县' })], empty).parks;
    expect(p?.properties).toMatchObject({ position_basis: 'county-seat', precision: 'approximate' });
  });

  it('flags an interchange stand-in within 500 m', () => {
    const seatOfShigu = buildParks([row({ geocode_precision_zh: '区县' })], empty).parks[0]?.geometry?.coordinates as [number, number];
    const standIn = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: seatOfShigu },
          properties: { id: 'ic-x', name_zh: 'x', name_en: 'x', precision: 'approximate' },
        },
      ],
    };
    const [p] = buildParks([row({ geocode_precision_zh: '区县' })], standIn).parks;
    expect(p?.properties['interchange_stand_in']).toBe('ic-x');
  });
});
