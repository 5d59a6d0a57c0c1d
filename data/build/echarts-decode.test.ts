import { describe, expect, it } from 'vitest';
import { decodeGeometry, decodeRing } from './echarts-decode.ts';

// Encode with the inverse of the rule, so the test does not depend on a real file's bytes.
function encodeRing(points: [number, number][], offset: [number, number]): string {
  let prev = offset;
  let out = '';
  for (const [lng, lat] of points) {
    const x = Math.round(lng * 1024);
    const y = Math.round(lat * 1024);
    const dx = x - prev[0];
    const dy = y - prev[1];
    out += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
    prev = [x, y];
  }
  return out;
}

describe('echarts compressed geometry', () => {
  const ring: [number, number][] = [
    [108.91015625, 30.58203125],
    [108.89453125, 30.5673828125],
    [108.9, 30.6],
    [108.91015625, 30.58203125],
  ];
  const offset: [number, number] = [Math.round(108.91015625 * 1024), Math.round(30.58203125 * 1024)];

  it('decodes a ring back to its positions (1/1024° grid)', () => {
    const decoded = decodeRing(encodeRing(ring, offset), offset);
    expect(decoded).toHaveLength(4);
    decoded.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(ring[i]![0], 3);
      expect(p[1]).toBeCloseTo(ring[i]![1], 3);
    });
  });

  it('passes decoded geometry through and drops nothing', () => {
    const plain = { type: 'Polygon' as const, coordinates: [ring], encodeOffsets: [[1, 2]] };
    expect(decodeGeometry(plain).coordinates).toEqual([ring]);
  });

  it('decodes MultiPolygon rings that are strings', () => {
    const raw = { type: 'MultiPolygon' as const, coordinates: [[encodeRing(ring, offset)]] as never, encodeOffsets: [[offset]] };
    const g = decodeGeometry(raw);
    expect(g.type).toBe('MultiPolygon');
    expect((g.coordinates as number[][][][])[0]![0]![2]![1]).toBeCloseTo(30.6, 3);
  });
});
