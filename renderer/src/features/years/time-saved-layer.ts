/**
 * The time-saved map of a two-network comparison: every cell of the zone grid where the second
 * network (b) is faster or slower than the first (a) to the target, as a square coloured by the
 * minutes saved. Squares rather than an image: MapLibre projects them, so nothing is resampled,
 * and a cell with no saving draws nothing.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import type { CompareNetworksResult } from '../../../../electron/contract/api.ts';
import { OVERLAY_IDS, useOverlay, type Overlay } from '../../components/map/overlays.ts';

/** Savings smaller than this (minutes) are not drawn: the grid rounds to 0.1 min, and a sliver of a minute is noise on a zone map. */
export const MIN_DRAWN_MINUTES = 0.5;

/** The legend's stops, minutes saved (negative: slower in b). Sequential purples for savings, one orange for losses. */
export const TIME_SAVED_STOPS: readonly { minutes: number; colour: string }[] = [
  { minutes: -10, colour: '#e6550d' },
  { minutes: 0, colour: '#f2f0f7' },
  { minutes: 5, colour: '#cbc9e2' },
  { minutes: 15, colour: '#9e9ac8' },
  { minutes: 30, colour: '#756bb1' },
  { minutes: 60, colour: '#54278f' },
];

type Grid = CompareNetworksResult['timeSaved']['grid'];

/** The cells with a saving (or loss) of at least {@link MIN_DRAWN_MINUTES}, as polygons with `saved` in minutes. */
export function timeSavedCells(t: CompareNetworksResult['timeSaved']): GeoJSON.FeatureCollection<GeoJSON.Polygon, { saved: number }> {
  const g: Grid = t.grid;
  const features: GeoJSON.Feature<GeoJSON.Polygon, { saved: number }>[] = [];
  t.minutes.forEach((saved, c) => {
    if (saved === null || Math.abs(saved) < MIN_DRAWN_MINUTES) return;
    const i = c % g.nx;
    const j = Math.floor(c / g.nx);
    const w = g.west + i * g.dLng;
    const n = g.north - j * g.dLat;
    const e = w + g.dLng;
    const s = n - g.dLat;
    features.push({
      type: 'Feature',
      properties: { saved },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [w, n],
            [e, n],
            [e, s],
            [w, s],
            [w, n],
          ],
        ],
      },
    });
  });
  return { type: 'FeatureCollection', features };
}

const FILL_COLOUR = ['interpolate', ['linear'], ['get', 'saved'], ...TIME_SAVED_STOPS.flatMap((s) => [s.minutes, s.colour])];

/** Draws the time saved while `result` is given (in the surface slot, under the boundary lines and corridors). */
export function useTimeSavedLayer(map: MapLibreMap | null, result: CompareNetworksResult | null): void {
  useOverlay(
    map,
    useMemo(
      () =>
        result
          ? ({
              id: OVERLAY_IDS.timeSaved,
              source: { type: 'geojson', data: timeSavedCells(result.timeSaved) },
              layers: [
                {
                  slot: 'surface',
                  layer: {
                    id: OVERLAY_IDS.timeSavedFill,
                    type: 'fill',
                    paint: { 'fill-color': FILL_COLOUR as never, 'fill-opacity': 0.78, 'fill-antialias': false },
                  },
                },
              ],
            } satisfies Overlay)
          : null,
      [result],
    ),
  );
}
