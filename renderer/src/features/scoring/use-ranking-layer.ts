/**
 * Colours the candidates on the map by score (rank numbers as labels); excluded sites grey. With
 * rank ranges (the SMAA colouring mode), by the width of each one's 5–95 % rank range instead
 * (narrow green, wide red), labelled with the range.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import type { RankingResult } from '../../../../electron/contract/api.ts';
import { LABEL_FONT_BOLD } from '../../components/map/basemap-style.ts';
import { OVERLAY_IDS, useOverlay, type Overlay } from '../../components/map/overlays.ts';

const LAYERS: Overlay['layers'] = [
  {
    slot: 'ranking',
    layer: {
      id: OVERLAY_IDS.rankingCircle,
      type: 'circle',
      paint: {
        'circle-radius': ['case', ['get', 'selected'], 14, ['>=', ['get', 'spread'], 0], 13, ['<=', ['get', 'rank'], 3], 12, 9],
        'circle-color': [
          'case',
          ['==', ['get', 'rank'], 0],
          '#9e9e9e',
          // Rank-range mode: spread = p95 − p5 (−1 when not shown).
          ['>=', ['get', 'spread'], 0],
          ['interpolate', ['linear'], ['get', 'spread'], 0, '#1a9641', 5, '#a6d96a', 12, '#fdae61', 25, '#d7191c'],
          ['interpolate', ['linear'], ['get', 'total'], 0, '#f7fcb9', 50, '#78c679', 100, '#006837'],
        ],
        'circle-stroke-color': ['case', ['get', 'selected'], '#111111', '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'selected'], 3, 2],
      },
    },
  },
  {
    slot: 'ranking',
    layer: {
      id: OVERLAY_IDS.rankingRank,
      type: 'symbol',
      filter: ['>', ['get', 'rank'], 0],
      layout: {
        'text-field': ['case', ['>=', ['get', 'spread'], 0], ['get', 'range'], ['to-string', ['get', 'rank']]],
        'text-font': LABEL_FONT_BOLD,
        'text-size': ['case', ['>=', ['get', 'spread'], 0], 10, 12],
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': [
          'case',
          ['>=', ['get', 'spread'], 0],
          ['case', ['<=', ['get', 'spread'], 3], '#ffffff', '#1d1b18'],
          ['>', ['get', 'total'], 55],
          '#ffffff',
          '#1d1b18',
        ],
      },
    },
  },
];

export function useRankingLayer(
  map: MapLibreMap | null,
  result: RankingResult | null,
  selected: string | null,
  ranges: ReadonlyMap<string, { p5: number; p95: number }> | null = null,
): void {
  const overlay = useMemo(
    (): Overlay => ({
      id: OVERLAY_IDS.ranking,
      source: {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: (result?.candidates ?? []).map((c) => ({
            type: 'Feature' as const,
            geometry: { type: 'Point' as const, coordinates: c.position },
            properties: {
              id: c.id,
              rank: c.rank ?? 0,
              total: c.total ?? 0,
              selected: c.id === selected,
              spread: ranges?.has(c.id) ? (ranges.get(c.id)?.p95 ?? 0) - (ranges.get(c.id)?.p5 ?? 0) : -1,
              range: ranges?.has(c.id) ? `${ranges.get(c.id)?.p5}–${ranges.get(c.id)?.p95}` : '',
            },
          })),
        },
      },
      layers: LAYERS,
    }),
    [result, selected, ranges],
  );
  useOverlay(map, overlay);
}
