import { describe, expect, it } from 'vitest';
import { resolveValueFunction, valueFunctionProblem, valueOf, VALUE_FUNCTION_KINDS, type ValueFunction } from '../../../../geo/index.ts';
import {
  addPoint,
  curvePath,
  defaultFunction,
  movePoint,
  nudgePoint,
  PLOT_BOX,
  plotDomain,
  plotDots,
  pxToX,
  pxToY,
  removePoint,
  resolveForPlot,
  ticks,
  xToPx,
  yToPx,
} from './value-function-plot.ts';

// Land prices in 万元/亩 of five parks, one unknown (test data).
const prices = [12, 8, null, 5.5, 20];

/** The path's vertices as [x, y] in SVG units. */
const vertices = (path: string) => path.split(' ').map((p) => p.slice(1).split(',').map(Number) as [number, number]);

describe('value-function plot', () => {
  it('draws the candidates and the function’s corners, 5 % either side', () => {
    const d = plotDomain({ kind: 'trapezoid', a: 2, b: 6, c: 9, d: 30 }, prices);
    expect(d.lo).toBeCloseTo(2 - 28 * 0.05, 9);
    expect(d.hi).toBeCloseTo(30 + 28 * 0.05, 9);
    expect(plotDomain({ kind: 'linear', direction: 'cost', bounds: 'candidates' }, [4])).toEqual({ lo: 3, hi: 5 });
    expect(plotDomain({ kind: 'linear', direction: 'cost', bounds: 'candidates' }, [])).toEqual({ lo: 0, hi: 1 });
  });

  it('maps raw values and scores to the box and back', () => {
    const d = { lo: 5, hi: 20 };
    expect(xToPx(5, d)).toBe(PLOT_BOX.left);
    expect(xToPx(20, d)).toBe(PLOT_BOX.width - PLOT_BOX.right);
    expect(yToPx(0)).toBe(PLOT_BOX.height - PLOT_BOX.bottom);
    expect(yToPx(1)).toBe(PLOT_BOX.top);
    expect(pxToX(xToPx(13.7, d), d)).toBeCloseTo(13.7, 9);
    expect(pxToY(yToPx(0.42))).toBeCloseTo(0.42, 9);
  });

  it('puts every known value on the curve as geo scores it (cost: the cheapest 1, the dearest 0)', () => {
    const f = resolveValueFunction({ kind: 'linear', direction: 'cost', bounds: 'candidates' }, prices);
    const d = plotDomain(f, prices);
    const dots = plotDots(f, prices, d);
    expect(dots.map((p) => p.index)).toEqual([0, 1, 3, 4]);
    expect(dots.find((p) => p.raw === 5.5)?.score).toBe(1);
    expect(dots.find((p) => p.raw === 20)?.score).toBe(0);
    for (const p of dots) expect(p.y).toBeCloseTo(yToPx(valueOf(f, p.raw) as number), 9);
    // The dots lie on the drawn line: interpolate the path at each dot's x.
    const line = vertices(curvePath(f, d));
    for (const p of dots) {
      const k = line.findIndex(([x]) => x >= p.x);
      const [x0, y0] = line[k - 1] ?? (line[k] as [number, number]);
      const [x1, y1] = line[k] as [number, number];
      const y = x1 === x0 ? y1 : y0 + ((y1 - y0) * (p.x - x0)) / (x1 - x0);
      expect(Math.abs(y - p.y)).toBeLessThan(0.6);
    }
  });

  it('draws a step upright at its threshold on the passing side', () => {
    const d = { lo: 0, hi: 10 };
    const above = vertices(curvePath({ kind: 'step', threshold: 4, pass: 'above' }, d));
    const x4 = xToPx(4, d);
    const at = above.filter(([x]) => Math.abs(x - x4) < 0.05).map(([, y]) => y);
    expect(at).toEqual([yToPx(0), yToPx(1)]);
    const below = vertices(curvePath({ kind: 'step', threshold: 4, pass: 'below' }, d));
    expect(below.filter(([x]) => Math.abs(x - x4) < 0.05).map(([, y]) => y)).toEqual([yToPx(1), yToPx(0)]);
  });

  it('levels have dots but no line; a value that is no level gets no dot', () => {
    const f: ValueFunction = {
      kind: 'levels',
      levels: [
        { value: 0, score: 0 },
        { value: 1, score: 0.5 },
        { value: 2, score: 1 },
      ],
    };
    const d = plotDomain(f, [0, 2, 1, 1.5]);
    expect(curvePath(f as never, d)).toBe('');
    expect(plotDots(f as never, [0, 2, 1, 1.5], d).map((p) => p.score)).toEqual([0, 1, 0.5]);
  });

  it('keeps dragged points in order and scores in 0…1, by mouse and by arrow keys', () => {
    const d = { lo: 0, hi: 100 };
    const pts: [number, number][] = [
      [0, 0],
      [50, 0.5],
      [100, 1],
    ];
    // Dragged past its right neighbour: it stops just short of it.
    const moved = movePoint(pts, 1, 140, 1.4, d);
    expect(moved[1]?.[0]).toBeCloseTo(99.8, 9);
    expect(moved[1]?.[1]).toBe(1);
    expect(valueFunctionProblem({ kind: 'piecewise', points: moved })).toBeNull();
    expect(nudgePoint(pts, 1, 'ArrowRight', d)?.[1]).toEqual([51, 0.5]);
    expect(nudgePoint(pts, 1, 'ArrowLeft', d, true)?.[1]).toEqual([40, 0.5]);
    expect(nudgePoint(pts, 1, 'ArrowUp', d)?.[1]).toEqual([50, 0.55]);
    expect(nudgePoint(pts, 0, 'ArrowDown', d)?.[0]).toEqual([0, 0]);
    expect(nudgePoint(pts, 1, 'Enter', d)).toBeNull();
    // A point added in the widest gap, on the line; removing keeps at least two.
    expect(
      addPoint([
        [0, 0],
        [10, 1],
        [100, 0],
      ])[2],
    ).toEqual([55, 0.5]);
    expect(removePoint(pts, 1)).toEqual([
      [0, 0],
      [100, 1],
    ]);
    expect(
      removePoint(
        [
          [0, 0],
          [1, 1],
        ],
        0,
      ),
    ).toHaveLength(2);
  });

  it('starts every kind from the candidates with valid parameters, oriented by the direction', () => {
    for (const kind of VALUE_FUNCTION_KINDS)
      for (const type of ['benefit', 'cost'] as const) {
        const f = defaultFunction(kind, prices, type);
        expect(valueFunctionProblem(f), `${kind} ${type}`).toBeNull();
        expect(resolveForPlot(f, prices).ok).toBe(true);
      }
    const cheap = resolveValueFunction(defaultFunction('logistic', prices, 'cost'), prices);
    expect(valueOf(cheap, 5.5)).toBeGreaterThan(valueOf(cheap, 20) as number);
    expect(defaultFunction('levels', [0, 1, 2, 1], 'benefit', [0, 1, 2])).toEqual({
      kind: 'levels',
      levels: [
        { value: 0, score: 0 },
        { value: 1, score: 0.5 },
        { value: 2, score: 1 },
      ],
    });
    expect(resolveForPlot({ kind: 'ideal', ideal: 3, tolerance: 0 }, prices)).toMatchObject({ ok: false, problem: /tolerance/ });
  });

  it('ticks fall on round numbers inside the domain', () => {
    expect(ticks({ lo: 4.3, hi: 20.9 })).toEqual([5, 10, 15, 20]);
    expect(ticks({ lo: 0, hi: 1 })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
