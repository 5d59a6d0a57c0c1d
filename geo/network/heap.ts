/** A binary min-heap of node indexes keyed by a float priority (Dijkstra's frontier). */
export class MinHeap {
  private nodes: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  push(node: number, key: number): void {
    const nodes = this.nodes;
    const keys = this.keys;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      nodes[i] = nodes[parent] as number;
      keys[i] = keys[parent] as number;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  /** Removes the smallest entry; returns its node, or -1 when empty. Its key is in `lastKey`. */
  pop(): number {
    const nodes = this.nodes;
    const keys = this.keys;
    if (nodes.length === 0) return -1;
    const top = nodes[0] as number;
    this.lastKey = keys[0] as number;
    const node = nodes.pop() as number;
    const key = keys.pop() as number;
    const n = nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child += 1;
        if ((keys[child] as number) >= key) break;
        nodes[i] = nodes[child] as number;
        keys[i] = keys[child] as number;
        i = child;
      }
      nodes[i] = node;
      keys[i] = key;
    }
    return top;
  }

  lastKey = 0;
}
