/** An indexed binary min-heap for Dijkstra and A* over node indexes (no units: keys are whatever the caller stores). */
/**
 * Binary min-heap of node indexes keyed by a distance array the caller passes to each call (one heap
 * serves searches over different arrays), with decrease-key. Used by the router (route.ts) and the
 * road view (geo/network/road-view.ts).
 */
export class IndexedHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;
  constructor(n: number) {
    this.heap = new Int32Array(Math.max(1, n));
    this.pos = new Int32Array(Math.max(1, n)).fill(-1);
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i] as number] = -1;
    this.size = 0;
  }
  /** The smallest key (call only when size > 0). */
  topKey(key: Float64Array): number {
    return key[this.heap[0] as number] as number;
  }
  /** Inserts v, or moves it up after its key decreased. */
  push(v: number, key: Float64Array): void {
    let i = this.pos[v] as number;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    const { heap, pos } = this;
    const k = key[v] as number;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p] as number;
      if ((key[pv] as number) <= k) break;
      heap[i] = pv;
      pos[pv] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }
  pop(key: Float64Array): number {
    const { heap, pos } = this;
    const top = heap[0] as number;
    pos[top] = -1;
    const n = --this.size;
    if (n > 0) {
      const v = heap[n] as number;
      const k = key[v] as number;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (key[heap[c + 1] as number] as number) < (key[heap[c] as number] as number)) c++;
        const cv = heap[c] as number;
        if ((key[cv] as number) >= k) break;
        heap[i] = cv;
        pos[cv] = i;
        i = c;
      }
      heap[i] = v;
      pos[v] = i;
    }
    return top;
  }
}
