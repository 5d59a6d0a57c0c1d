import { describe, expect, it } from 'vitest';
import { buildNetwork, networkInputAsOf, type NetworkInput } from './graph.ts';
import { DEFAULT_ASSUMPTIONS } from './assumptions.ts';
import { point } from './testing.ts';
import { travelTimes } from './travel-times.ts';
import { openIn, openingYears, osmOpening, yearOf } from './years.ts';

describe('opening years', () => {
  it('opens a record from its year on, and an open record without a year in every year', () => {
    expect(openIn(undefined, 1990)).toBe(true);
    expect(openIn({ status: 'open', year: null }, 1950)).toBe(true);
    expect(openIn({ status: 'open', year: 2012 }, 2011)).toBe(false);
    expect(openIn({ status: 'open', year: 2012 }, 2012)).toBe(true);
    expect(openIn({ status: 'construction', year: 2028 }, 2027)).toBe(false);
    expect(openIn({ status: 'construction', year: 2028 }, 2028)).toBe(true);
    expect(openIn({ status: 'planned', year: 2035 }, 2040)).toBe(true);
  });

  it('never invents a year: a road being built or planned without one is open in no year', () => {
    for (const year of [2000, 2030, 2100]) {
      expect(openIn({ status: 'construction', year: null }, year)).toBe(false);
      expect(openIn({ status: 'planned', year: null }, year)).toBe(false);
    }
  });

  it('takes the network as its data stands without a year: open records only', () => {
    expect(openIn({ status: 'open', year: 2030 }, null)).toBe(true);
    expect(openIn({ status: 'construction', year: 2020 }, null)).toBe(false);
  });

  it('reads years from numbers, dates, partial dates and dates with a note, and nothing else', () => {
    expect(yearOf(2012)).toBe(2012);
    expect(yearOf('2009-12-26')).toBe(2009);
    expect(yearOf('2018-12')).toBe(2018);
    expect(yearOf('2016 (basically built 2014)')).toBe(2016);
    expect(yearOf('2026/03')).toBe(2026);
    for (const bad of [null, undefined, '', 'soon', '20', '12345', 1850, 2012.5, 'Q3 2026']) expect(yearOf(bad)).toBeNull();
  });

  it('reads OSM ways under construction and planned as the class they are to be, with opening_date', () => {
    expect(osmOpening({ highway: 'construction', construction: 'motorway', opening_date: '2027-06' })).toEqual({
      status: 'construction',
      year: 2027,
      highway: 'motorway',
    });
    expect(osmOpening({ highway: 'proposed', proposed: 'trunk' })).toEqual({ status: 'planned', year: null, highway: 'trunk' });
    expect(osmOpening({ highway: 'primary', opening_date: '2019' })).toEqual({ status: 'open', year: 2019, highway: 'primary' });
    // No class to read a speed from: left as it is, which no profile keeps.
    expect(osmOpening({ highway: 'construction' }).highway).toBe('construction');
    expect(
      openingYears([{ status: 'open', year: 2012 }, undefined, { status: 'planned', year: null }, { status: 'open', year: 2009 }]),
    ).toEqual([2009, 2012]);
  });
});

describe('the schematic network in a year', () => {
  // A–B by an old expressway, B–C by one that opens in 2015; an airport opening in 2020 beside C.
  const input: NetworkInput = {
    interchanges: [point('A', [112, 26]), point('B', [112.5, 26]), point('C', [113, 26])],
    expressways: [
      {
        id: 'old',
        name_zh: 'old',
        coordinates: [
          [112, 26],
          [112.5, 26],
        ],
        stops: ['A', 'B'],
        mode: 'expressway',
        opening: { status: 'open', year: 2002 },
      },
      {
        id: 'new',
        name_zh: 'new',
        coordinates: [
          [112.5, 26],
          [113, 26],
        ],
        stops: ['B', 'C'],
        mode: 'expressway',
        opening: { status: 'open', year: 2015 },
      },
    ],
    facilities: [{ ...point('F', [113, 26.05], ['airport']), opening: { status: 'open', year: 2020 } }],
    railLines: [],
  };

  it('drops lines, their interchanges and facilities before their year', () => {
    const in2010 = networkInputAsOf(input, 2010);
    expect(in2010.expressways.map((l) => l.id)).toEqual(['old']);
    expect(in2010.interchanges.map((p) => p.id)).toEqual(['A', 'B']);
    expect(in2010.facilities).toEqual([]);
    const in2016 = networkInputAsOf(input, 2016);
    expect(in2016.interchanges.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(in2016.facilities).toEqual([]);
    expect(networkInputAsOf(input, 2020).facilities.map((p) => p.id)).toEqual(['F']);
    expect(networkInputAsOf(input, null)).toEqual({ ...input, expressways: input.expressways, railLines: [] });
  });

  it('gives later years times no longer than earlier ones when lines only open', () => {
    const from: [number, number] = [112.8, 26.1];
    const times = [2010, 2016, 2021].map((y) => travelTimes(buildNetwork(networkInputAsOf(input, y), DEFAULT_ASSUMPTIONS), from));
    expect(times[0]?.facilities.airport).toBeNull();
    expect(times[1]?.facilities.airport).toBeNull();
    expect(times[2]?.facilities.airport?.id).toBe('F');
    const ic = times.map((t) => t.facilities.interchange?.minutes as number);
    expect(ic[1]).toBeLessThan(ic[0] as number);
    expect(ic[2]).toBeCloseTo(ic[1] as number, 9);
  });
});
