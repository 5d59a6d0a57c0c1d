import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './heap.ts';

describe('MinHeap', () => {
  it('pops keys in ascending order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 200 }), (keys) => {
        const heap = new MinHeap();
        keys.forEach((k, i) => heap.push(i, k));
        const popped: number[] = [];
        while (heap.size > 0) {
          heap.pop();
          popped.push(heap.lastKey);
        }
        expect(popped).toEqual([...keys].sort((x, y) => x - y));
      }),
    );
  });
});
