import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { collectBoundaries } from './build-basemap.ts';
import { bordersOf, type BorderCounty } from './borders.ts';

type County = Feature<Polygon | MultiPolygon, BorderCounty>;

function square(x: number, y: number, prefecture: string, group: BorderCounty['group']): County {
  const ring = [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { prefecture_adcode: prefecture, group } };
}

/** Undirected unit segments as 'x1,y1|x2,y2' keys (the smaller end first). */
function segments(lines: Position[][]): string[] {
  const out: string[] = [];
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const a = String(line[i - 1]);
      const b = String(line[i]);
      out.push(a < b ? `${a}|${b}` : `${b}|${a}`);
    }
  return out;
}

function isPoint(edge: string): boolean {
  const [a, b] = edge.split('|');
  return a === b;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

describe('bordersOf', () => {
  // Row of four unit squares: A and B in zone prefecture P1, C in Hunan prefecture P2, D in a neighbour P3.
  const counties = [square(0, 0, 'P1', 'zone'), square(1, 0, 'P1', 'zone'), square(2, 0, 'P2', 'hunan'), square(3, 0, 'P3', 'neighbour')];
  const borders = bordersOf(counties);
  const of = (kind: string, group: string) =>
    segments(
      borders.filter((f) => f.properties.kind === kind && f.properties.group === group).flatMap((f) => f.geometry.coordinates),
    ).sort();

  it('draws the border between two counties of one prefecture as a county border, once', () => {
    expect(of('county', 'zone')).toEqual(['1,0|1,1']);
    expect(of('county', 'hunan')).toEqual([]);
  });

  it('gives a prefecture border the group of its side that ranks first (zone, hunan, neighbour)', () => {
    // The zone's outline: its outer edge and the edge it shares with C.
    expect(of('prefecture', 'zone')).toEqual(['0,0|0,1', '0,0|1,0', '0,1|1,1', '1,0|2,0', '1,1|2,1', '2,0|2,1'].sort());
    expect(of('prefecture', 'hunan')).toEqual(['2,0|3,0', '2,1|3,1', '3,0|3,1'].sort());
    expect(of('prefecture', 'neighbour')).toEqual(['3,0|4,0', '3,1|4,1', '4,0|4,1'].sort());
  });

  it('covers every edge of the real basemap’s 685 county rings, and a shared edge once', () => {
    const real = collectBoundaries().layers['counties'] as County[];
    // The source rings repeat points (zero-length edges) and have spikes (a→b→a); a spike's edge is
    // twice in its own ring, and stays twice in the border that has it.
    const ringEdges: string[] = [];
    const spikeEdges = new Set<string>();
    for (const c of real)
      for (const ring of ringsOf(c.geometry)) {
        const edges = segments([ring]).filter((e) => !isPoint(e));
        const once = new Set<string>();
        for (const e of edges) (once.has(e) ? spikeEdges : once).add(e);
        ringEdges.push(...edges);
      }
    const borderEdges = segments(bordersOf(real).flatMap((f) => f.geometry.coordinates)).filter((e) => !isPoint(e));
    const ringSet = new Set(ringEdges);
    const borderSet = new Set(borderEdges);
    // The same edges as the rings, nothing else…
    expect(borderSet.size).toBe(ringSet.size);
    for (const e of borderSet) if (!ringSet.has(e)) expect.fail(`border edge ${e} is on no county ring`);
    // …each once, but for a spike's.
    const seen = new Set<string>();
    for (const e of borderEdges) {
      if (seen.has(e) && !spikeEdges.has(e)) expect.fail(`border edge ${e} drawn twice`);
      seen.add(e);
    }
    // Shared borders are most of the rings' edges: drawing them once is the saving.
    expect(borderEdges.length / ringEdges.length).toBeLessThan(0.75);
  }, 60_000);
});
