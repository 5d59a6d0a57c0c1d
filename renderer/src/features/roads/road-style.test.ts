import { describe, expect, it } from 'vitest';
import type { RoadLayerInfo } from '../../../../electron/contract/api.ts';
import { JUNCTION_MINZOOM, ROAD_LEGEND } from '../../../../geo/roads/road-layer.ts';
import { ROAD_CLASSES } from '../../../../geo/roads/profile.ts';
import { DRAWING_ORDER, OVERLAY_IDS } from '../../components/map/overlays.ts';
import { GROUP_OF, ROAD_STYLE, roadLegend, roadOverlay } from './road-style.ts';

const info: RoadLayerInfo = {
  available: true,
  tiles: '/tiles/roads/1733100000000/{z}/{x}/{y}.pbf',
  minzoom: 5,
  maxzoom: 12,
  bbox: [112.2, 26.6, 112.8, 27.2],
  attribution: '© OpenStreetMap contributors, ODbL 1.0',
  speeds_kmh: { motorway: 100, motorway_link: 60, trunk: 80, primary: 60, secondary: 50, tertiary: 40, trunk_link: 50 },
  km_by_class: { motorway: 120.5, motorway_link: 8.25, primary: 60, secondary: 70, tertiary: 300 },
  as_of: '2025-06-01',
};

describe('roadOverlay', () => {
  it('draws nothing while no OpenStreetMap network is active', () => {
    expect(roadOverlay(undefined, 'http://127.0.0.1:1')).toBeNull();
    expect(roadOverlay({ ...info, available: false }, 'http://127.0.0.1:1')).toBeNull();
    expect(roadOverlay({ ...info, tiles: null }, 'http://127.0.0.1:1')).toBeNull();
  });

  it('reads the tiles from the page’s own origin, in the zooms and bounds the backend gives, with the licence notice', () => {
    const o = roadOverlay(info, 'http://127.0.0.1:4321');
    expect(o?.id).toBe(OVERLAY_IDS.roads);
    expect(o?.source).toEqual({
      type: 'vector',
      tiles: ['http://127.0.0.1:4321/tiles/roads/1733100000000/{z}/{x}/{y}.pbf'],
      minzoom: 5,
      maxzoom: 12,
      bounds: [112.2, 26.6, 112.8, 27.2],
      attribution: '© OpenStreetMap contributors, ODbL 1.0',
    });
  });

  it('puts the lines in the roads slot, under the corridors, and the interchange names above the basemap labels from JUNCTION_MINZOOM', () => {
    const o = roadOverlay(info, '')!;
    const byId = new Map(o.layers.map((l) => [l.layer.id, l]));
    expect(byId.get(OVERLAY_IDS.roadLine)?.slot).toBe('roads');
    expect(DRAWING_ORDER.indexOf('roads')).toBeLessThan(DRAWING_ORDER.indexOf('reference-lines'));
    expect(DRAWING_ORDER.indexOf('roads')).toBeGreaterThan(DRAWING_ORDER.indexOf('basemap-lines'));
    const label = byId.get(OVERLAY_IDS.roadJunctionLabel)!;
    expect(label.slot).toBe('road-labels');
    expect(DRAWING_ORDER.indexOf('road-labels')).toBeGreaterThan(DRAWING_ORDER.indexOf('basemap-labels'));
    expect(label.layer.minzoom).toBe(JUNCTION_MINZOOM);
    expect(byId.get(OVERLAY_IDS.roadJunction)?.layer.minzoom).toBe(JUNCTION_MINZOOM);
    for (const l of o.layers) expect((l.layer as { 'source-layer'?: string })['source-layer']).toMatch(/^(roads|junctions)$/);
  });

  it('colours every class of the profile by its legend group', () => {
    const line = roadOverlay(info, '')!.layers.find((l) => l.layer.id === OVERLAY_IDS.roadLine)!.layer as {
      paint: { 'line-color': unknown[] };
    };
    const match = line.paint['line-color'];
    expect(match[0]).toBe('match');
    for (const cls of ROAD_CLASSES) {
      const i = match.findIndex((x, k) => k >= 2 && k % 2 === 0 && Array.isArray(x) && (x as string[]).includes(cls));
      expect(i, cls).toBeGreaterThan(0);
      expect(match[i + 1]).toBe(ROAD_STYLE[GROUP_OF[cls] as string]?.colour);
    }
  });

  it('hides, not removes, the layers when switched off', () => {
    const off = roadOverlay(info, '', false)!;
    for (const l of off.layers) expect((l.layer as { layout: { visibility: string } }).layout.visibility).toBe('none');
  });
});

describe('roadLegend', () => {
  it('lists the groups the network has roads of, top to bottom, with their kilometres and class speeds', () => {
    const rows = roadLegend(info);
    // trunk is in the profile (a speed) but has no road in this extract; minor roads are neither.
    expect(rows.map((r) => r.id)).toEqual(['motorway', 'primary', 'secondary', 'tertiary', 'link']);
    // The link group: motorway_link has roads (60 km/h), trunk_link only a speed (50 km/h); both speeds are the group's.
    expect(rows.find((r) => r.id === 'link')).toMatchObject({ km: 8.25, speeds: { min: 50, max: 60 } });
    expect(rows.find((r) => r.id === 'primary')).toMatchObject({ km: 60, speeds: { min: 60, max: 60 } });
    expect(rows.find((r) => r.id === 'motorway')?.colour).toBe(ROAD_STYLE['motorway']?.colour);
  });

  it('has a style for every legend group', () => {
    for (const g of ROAD_LEGEND) expect(ROAD_STYLE[g.id], g.id).toBeDefined();
  });
});
