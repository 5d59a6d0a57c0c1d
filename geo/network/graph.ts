/**
 * The routable network of the zone: expressway interchanges joined along their expressways,
 * rail stations joined along their lines, and facilities and markets attached to the road
 * network by ordinary-road access legs (straight line × detour factor at ordinary-road speed).
 *
 * Positions are `[lng, lat]` WGS-84; edge weights are minutes under the given
 * {@link NetworkAssumptions}. The graph is undirected.
 */
import type { LngLat } from '../lnglat.ts';
import { accessMinutes, assumptionsProblem, minutesAt, type NetworkAssumptions } from './assumptions.ts';
import { distanceMetresXY, polylineMetres } from './distance.ts';
import { openIn, type Opening } from './years.ts';

/** What a node offers; a node can have several classes (an HSR station that also handles freight). */
/** `user-facility`: a point of a layer the user imported with the role "facilities". */
export const FACILITY_CLASSES = [
  'interchange',
  'hsr-station',
  'freight',
  'international-rail',
  'airport',
  'airport-cargo',
  'bonded-zone',
  'port',
  'logistics-hub',
  'user-facility',
  'market',
] as const;
export type FacilityClass = (typeof FACILITY_CLASSES)[number];
/** The classes a travel-time query reports a nearest facility for (markets are reported by name). */
export type DestinationClass = Exclude<FacilityClass, 'market'>;
export const DESTINATION_CLASSES: readonly DestinationClass[] = FACILITY_CLASSES.filter((c): c is DestinationClass => c !== 'market');

/** How an edge is travelled. Road queries use `expressway` and `access` only. */
export const EDGE_MODES = ['expressway', 'access', 'hsr', 'rail'] as const;
export type EdgeMode = (typeof EDGE_MODES)[number];

export interface PointInput {
  id: string;
  name_zh: string;
  name_en: string;
  position: LngLat;
  classes: readonly FacilityClass[];
  /** The position is a stand-in (e.g. the county seat), not where the facility is: times to it are approximate. */
  approximate?: boolean;
  /** When it opened or opens (years.ts); absent: open, year unknown. */
  opening?: Opening;
}

export interface LineInput {
  id: string;
  name_zh: string;
  /** `[lng, lat]` vertices; every stop listed must be one of them (validate:data checks it). */
  coordinates: readonly LngLat[];
  /** Ids of the nodes the line passes, in order. */
  stops: readonly string[];
  mode: Exclude<EdgeMode, 'access'>;
  /** When the line opened or opens (years.ts); absent: open, year unknown. */
  opening?: Opening;
}

export interface NetworkInput {
  /** Road network nodes: expressway interchanges. */
  interchanges: readonly PointInput[];
  expressways: readonly LineInput[];
  /** Everything else: stations, airports, bonded zones, ports, logistics hubs, markets. */
  facilities: readonly PointInput[];
  railLines: readonly LineInput[];
}

export interface NetworkNode extends PointInput {
  index: number;
  /** True for interchanges: the nodes every point and facility is linked to by access legs. */
  road: boolean;
}

export interface NetworkEdge {
  from: number;
  to: number;
  minutes: number;
  lengthMetres: number;
  mode: EdgeMode;
  /** The line or expressway the edge belongs to, or null for access legs. */
  via: string | null;
}

/** An expressway edge's geometry, oriented from `from` to `to`, for points that lie on the carriageway. */
export interface CarriagewayEdge {
  from: number;
  to: number;
  coordinates: LngLat[];
  lengthMetres: number;
  bbox: [number, number, number, number];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  carriageways: CarriagewayEdge[];
  assumptions: NetworkAssumptions;
  byId: ReadonlyMap<string, NetworkNode>;
  /** Compressed adjacency: the edges of node i are `adjEdge[adjStart[i] .. adjStart[i+1])`. */
  adjStart: Int32Array;
  adjTarget: Int32Array;
  adjMinutes: Float64Array;
  adjMode: Uint8Array;
  /** Indexes of road nodes, and their positions as flat arrays for fast nearest-node search. */
  roadIndex: Int32Array;
  roadLng: Float64Array;
  roadLat: Float64Array;
}

/** Indexes of the `k` nearest road nodes within `maxMetres`, nearest first, with their distances. */
export function nearestRoadNodes(
  net: Network,
  lng: number,
  lat: number,
  k: number,
  maxMetres: number,
): { index: number; metres: number }[] {
  const best: { index: number; metres: number }[] = [];
  for (let i = 0; i < net.roadIndex.length; i++) {
    const d = distanceMetresXY(lng, lat, net.roadLng[i] as number, net.roadLat[i] as number);
    if (d > maxMetres) continue;
    if (best.length < k || d < (best[best.length - 1] as { metres: number }).metres) {
      if (best.length === k) best.pop();
      let j = best.length;
      while (j > 0 && (best[j - 1] as { metres: number }).metres > d) j--;
      best.splice(j, 0, { index: net.roadIndex[i] as number, metres: d });
    }
  }
  return best;
}

/**
 * Builds the network.
 * @throws Error naming the problem when assumptions are invalid, an id repeats, or a line lists a
 *   stop that is not a node or not one of its vertices.
 */
export function buildNetwork(input: NetworkInput, assumptions: NetworkAssumptions): Network {
  const problem = assumptionsProblem(assumptions);
  if (problem) throw new RangeError(problem);
  const nodes: NetworkNode[] = [];
  const byId = new Map<string, NetworkNode>();
  const add = (p: PointInput, road: boolean) => {
    if (byId.has(p.id)) throw new Error(`network node id "${p.id}" is used twice`);
    const node: NetworkNode = { ...p, index: nodes.length, road };
    nodes.push(node);
    byId.set(p.id, node);
  };
  input.interchanges.forEach((p) => add(p, true));
  input.facilities.forEach((p) => add(p, false));

  const edges: NetworkEdge[] = [];
  const carriageways: CarriagewayEdge[] = [];
  const addLine = (line: LineInput, kmh: number) => {
    const vertexOf = (id: string) => {
      const node = byId.get(id);
      if (!node) throw new Error(`${line.id} lists "${id}", which is not a network node`);
      const i = line.coordinates.findIndex((c) => c[0] === node.position[0] && c[1] === node.position[1]);
      if (i < 0) throw new Error(`${line.id} lists "${id}" but does not pass through its position`);
      return { node, i };
    };
    const stops = line.stops.map(vertexOf);
    for (let s = 1; s < stops.length; s++) {
      const a = stops[s - 1] as { node: NetworkNode; i: number };
      const b = stops[s] as { node: NetworkNode; i: number };
      const [lo, hi] = a.i <= b.i ? [a.i, b.i] : [b.i, a.i];
      const slice = line.coordinates.slice(lo, hi + 1);
      const lengthMetres = polylineMetres(slice);
      edges.push({
        from: a.node.index,
        to: b.node.index,
        minutes: minutesAt(lengthMetres, kmh),
        lengthMetres,
        mode: line.mode,
        via: line.id,
      });
      if (line.mode === 'expressway') {
        const coordinates = (a.i <= b.i ? slice : [...slice].reverse()).map((c) => [c[0], c[1]] as LngLat);
        const lngs = coordinates.map((c) => c[0]);
        const lats = coordinates.map((c) => c[1]);
        carriageways.push({
          from: a.node.index,
          to: b.node.index,
          coordinates,
          lengthMetres,
          bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
        });
      }
    }
  };
  input.expressways.forEach((l) => addLine(l, assumptions.expresswayKmh));
  input.railLines.forEach((l) => addLine(l, l.mode === 'hsr' ? assumptions.hsrKmh : assumptions.conventionalRailKmh));

  const roadNodes = nodes.filter((n) => n.road);
  const roadIndex = Int32Array.from(roadNodes.map((n) => n.index));
  const roadLng = Float64Array.from(roadNodes.map((n) => n.position[0]));
  const roadLat = Float64Array.from(roadNodes.map((n) => n.position[1]));
  const partial = { nodes, roadIndex, roadLng, roadLat } as unknown as Network;
  const maxMetres = assumptions.maxAccessKm * 1000;
  // Ordinary-road links: every facility to its nearest interchanges, and every interchange to its
  // nearest other interchanges (so the network stays connected where a junction is missing).
  const linked = new Set<string>();
  for (const node of nodes) {
    const near = nearestRoadNodes(
      partial,
      node.position[0],
      node.position[1],
      assumptions.accessNeighbours + (node.road ? 1 : 0),
      maxMetres,
    );
    for (const { index, metres } of near) {
      if (index === node.index) continue;
      const key = node.index < index ? `${node.index}-${index}` : `${index}-${node.index}`;
      if (linked.has(key)) continue;
      linked.add(key);
      edges.push({
        from: node.index,
        to: index,
        minutes: accessMinutes(metres, assumptions),
        lengthMetres: metres * assumptions.detourFactor,
        mode: 'access',
        via: null,
      });
    }
  }

  const degree = new Int32Array(nodes.length + 1);
  for (const e of edges) {
    degree[e.from + 1] = (degree[e.from + 1] as number) + 1;
    degree[e.to + 1] = (degree[e.to + 1] as number) + 1;
  }
  const adjStart = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) adjStart[i + 1] = (adjStart[i] as number) + (degree[i + 1] as number);
  const fill = adjStart.slice(0, nodes.length);
  const adjTarget = new Int32Array(edges.length * 2);
  const adjMinutes = new Float64Array(edges.length * 2);
  const adjMode = new Uint8Array(edges.length * 2);
  const put = (from: number, to: number, e: NetworkEdge) => {
    const slot = fill[from] as number;
    fill[from] = slot + 1;
    adjTarget[slot] = to;
    adjMinutes[slot] = e.minutes;
    adjMode[slot] = EDGE_MODES.indexOf(e.mode);
  };
  for (const e of edges) {
    put(e.from, e.to, e);
    put(e.to, e.from, e);
  }
  return { nodes, edges, carriageways, assumptions, byId, adjStart, adjTarget, adjMinutes, adjMode, roadIndex, roadLng, roadLat };
}

/**
 * The input as it stands in year `asOf` (years.ts `openIn`): lines and facilities not open then are
 * left out, a line keeps only its stops that are open, and an interchange stays while at least one
 * expressway that lists it is open (or when none lists it: its year is unknown, so it counts as open).
 * Markets stay whatever their year (a city is a destination in every year).
 *
 * @param asOf - a calendar year, or null for the network as its data stands
 */
export function networkInputAsOf(input: NetworkInput, asOf: number | null): NetworkInput {
  const expressways = input.expressways.filter((l) => openIn(l.opening, asOf));
  const listed = new Set(input.expressways.flatMap((l) => l.stops));
  const onOpen = new Set(expressways.flatMap((l) => l.stops));
  const interchanges = input.interchanges.filter(
    (p) => p.classes.includes('market') || (openIn(p.opening, asOf) && (!listed.has(p.id) || onOpen.has(p.id))),
  );
  const facilities = input.facilities.filter((p) => p.classes.includes('market') || openIn(p.opening, asOf));
  const known = new Set([...interchanges, ...facilities].map((p) => p.id));
  const keep = (lines: readonly LineInput[]) =>
    lines
      .filter((l) => openIn(l.opening, asOf))
      .map((l) => ({ ...l, stops: l.stops.filter((s) => known.has(s)) }))
      .filter((l) => l.stops.length >= 2);
  return { interchanges, expressways: keep(expressways), facilities, railLines: keep(input.railLines) };
}
