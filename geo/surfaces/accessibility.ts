/**
 * Accessibility surfaces: minutes from every cell of a zone-wide grid to the nearest facility of
 * a class (or to one market), by multi-source shortest paths from the destinations and one pass
 * over the cells (see time-field.ts). Cells outside the zone are NaN.
 */
import type { FacilityClass, Network } from '../network/graph.ts';
import { shortestPaths, type TravelMode } from '../network/shortest-paths.ts';
import type { Grid } from './grid.ts';
import { timeField, type FieldOptions } from './time-field.ts';

export interface Surface {
  grid: Grid;
  minutes: Float32Array;
  /** Largest finite value, for the colour ramp. */
  max: number;
}

/** Destination: every node of a class, or one node by id (a market, a particular terminal). */
export type Destination = { class: FacilityClass } | { node: string };

/**
 * @param mask - zone mask from `rasterize` (cells ≥ 0 are computed)
 * @throws Error when no destination node has a known position
 */
export function accessibilitySurface(
  net: Network,
  grid: Grid,
  destination: Destination,
  options: FieldOptions & { mode?: TravelMode } = {},
): Surface {
  const targets =
    'class' in destination
      ? net.nodes.filter((n) => n.classes.includes(destination.class))
      : [net.byId.get(destination.node)].filter((n) => n !== undefined);
  if (targets.length === 0)
    throw new Error(`no ${'class' in destination ? destination.class : destination.node} with a known position in the network`);
  const tree = shortestPaths(
    net,
    targets.map((n) => ({ node: n.index, minutes: 0 })),
    options.mode ?? 'road',
  );
  const minutes = timeField(net, grid, tree.minutes, options);
  let max = 0;
  for (const v of minutes) if (Number.isFinite(v) && v > max) max = v;
  return { grid, minutes, max };
}
