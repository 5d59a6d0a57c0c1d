/**
 * ELECTRE I with veto thresholds, ELECTRE Iv (Roy, B. 1968, "Classement et choix en présence de
 * points de vue multiples (la méthode ELECTRE)", RIRO 2(8), 57–75; Figueira, J., Mousseau, V. &
 * Roy, B. 2005, "ELECTRE methods", in Figueira, Greco & Ehrgott (eds) *Multiple Criteria Decision
 * Analysis: State of the Art Surveys*, Springer, 133–162, section "ELECTRE Iv").
 *
 * Definitions used here (issue 17), with g_j(a) the raw value of criterion j, negated for a cost
 * criterion so that more is better, and weights w_j ≥ 0:
 * - concordance c(a, b) = Σ_{j : g_j(a) ≥ g_j(b)} w_j / Σ_j w_j, in [0, 1] (ties count for a);
 * - veto: b vetoes "a outranks b" when g_j(b) − g_j(a) ≥ v_j on some criterion j with a veto
 *   threshold v_j (in the criterion's unit; none on criteria without one);
 * - a outranks b (a S b, a ≠ b) when c(a, b) ≥ the concordance threshold s and b vetoes nothing.
 *
 * The result of ELECTRE I is a kernel of the outranking graph: a set K that is independent (no
 * member outranks another) and absorbing (every alternative outside K is outranked by some member).
 * An acyclic graph has exactly one kernel. With cycles (which S allows: a S b and b S a is an
 * indifference, and longer circuits arise too) a kernel may not exist (a 3-cycle has none) or may
 * not be unique (a 2-cycle has two). The classical treatment (Roy 1968; Figueira et al. 2005) is to
 * regard the alternatives of a circuit as equivalent and reduce each strongly connected component
 * to one node; the reduced graph is acyclic and has a unique kernel. This module does that:
 * `kernel` lists the alternatives of the kernel's components, `kernelComponents` the groups, and
 * `cycles` every component of more than one alternative, so a UI can say "A and B are equivalent
 * (they outrank each other)". The reduced kernel need not be a kernel of the relation as given: a
 * circuit inside it breaks independence, and a circuit outside it is absorbed as a whole (some
 * kernel member outranks one of its alternatives) but its other alternatives may be outranked by no
 * kernel member. `kernelIsExact` says whether it is a kernel of the relation as given.
 * {@link kernels} enumerates the exact kernels of a small graph, for explanations and tests.
 */

import { checkWeightedProblem } from './problem.ts';
import { finite } from './problem.ts';

export interface ElectreResult {
  /** concordance[a][b] = c(a, b); 1 on the diagonal. */
  concordance: number[][];
  /** veto[a][b]: some criterion vetoes "a outranks b". */
  veto: boolean[][];
  /** outranks[a][b]: a S b (false on the diagonal). */
  outranks: boolean[][];
  /** Alternatives in the kernel of the reduced graph, ascending. */
  kernel: number[];
  /** The kernel's strongly connected components (each ascending), ordered by their first alternative. */
  kernelComponents: number[][];
  /** Components of more than one alternative: circuits of the outranking relation. */
  cycles: number[][];
  /** True when `kernel` is also independent and absorbing in the relation as given (always so without cycles). */
  kernelIsExact: boolean;
  /** Weights as used (normalised to sum 1). */
  weights: number[];
}

/**
 * @param matrix - rows are alternatives, columns criteria; finite raw values in each criterion's unit
 * @param weights - one per criterion, non-negative, not all zero
 * @param types - 1 benefit (more is better), −1 cost
 * @param options - `concordance`: threshold s in (0, 1]; `veto`: one threshold per criterion, positive, in the
 *   criterion's unit, or null for no veto on that criterion
 * @throws RangeError naming the problem
 */
export function electreIv(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  types: readonly number[],
  options: { concordance: number; veto: readonly (number | null)[] },
): ElectreResult {
  const n = weights.length;
  const w = checkWeightedProblem(matrix, weights, types, { 'veto thresholds': options.veto });
  options.veto.forEach((v, j) => {
    if (v !== null && v !== Infinity && (!finite(v) || v <= 0))
      throw new RangeError(`criterion ${j + 1} veto threshold must be a positive number or none, got ${v}`);
  });
  const s = options.concordance;
  if (!finite(s) || s <= 0 || s > 1) throw new RangeError(`the concordance threshold must lie in (0, 1], got ${s}`);

  const g = matrix.map((row) => row.map((x, j) => (types[j] as number) * x));
  const concordance = g.map((a, i) =>
    g.map((b, k) => {
      if (i === k) return 1;
      let c = 0;
      for (let j = 0; j < n; j++) if ((a[j] as number) >= (b[j] as number)) c += w[j] as number;
      return c;
    }),
  );
  const veto = g.map((a, i) =>
    g.map((b, k) => {
      if (i === k) return false;
      for (let j = 0; j < n; j++) {
        const v = options.veto[j];
        if (v !== null && v !== undefined && (b[j] as number) - (a[j] as number) >= v) return true;
      }
      return false;
    }),
  );
  // A small slack keeps weights written as decimals (0.25 + 0.25 + 0.1 + 0.2 + 0.2) from missing a threshold by 1e-16.
  const outranks = concordance.map((row, i) => row.map((c, k) => i !== k && c >= s - 1e-12 && !(veto[i] as boolean[])[k]));
  const reduced = reducedKernel(outranks);
  return { concordance, veto, outranks, ...reduced, weights: w };
}

/** Strongly connected components by Tarjan's algorithm (iterative), each ascending. */
function components(adj: readonly (readonly boolean[])[]): number[][] {
  const m = adj.length;
  const index = new Array<number>(m).fill(-1);
  const low = new Array<number>(m).fill(0);
  const onStack = new Array<boolean>(m).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < m; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; next: number }[] = [{ v: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { v: number; next: number };
      const v = frame.v;
      if (frame.next < m) {
        const u = frame.next++;
        if (!(adj[v] as readonly boolean[])[u]) continue;
        if (index[u] === -1) {
          index[u] = low[u] = counter++;
          stack.push(u);
          onStack[u] = true;
          work.push({ v: u, next: 0 });
        } else if (onStack[u]) low[v] = Math.min(low[v] as number, index[u] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[v] as number);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let u: number;
        do {
          u = stack.pop() as number;
          onStack[u] = false;
          comp.push(u);
        } while (u !== v);
        out.push(comp.sort((a, b) => a - b));
      }
    }
  }
  return out.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** Whether `set` is a kernel of the relation: independent (no arc inside) and absorbing (every outsider has an arc from inside). */
export function isKernel(outranks: readonly (readonly boolean[])[], set: readonly number[]): boolean {
  const inside = new Set(set);
  for (const a of set) for (const b of set) if (a !== b && (outranks[a] as readonly boolean[])[b]) return false;
  for (let b = 0; b < outranks.length; b++) if (!inside.has(b) && !set.some((a) => (outranks[a] as readonly boolean[])[b])) return false;
  return true;
}

/**
 * Every exact kernel of a small outranking relation (none, one or several), each ascending.
 * @throws RangeError for more than 20 alternatives (the enumeration is exponential)
 */
export function kernels(outranks: readonly (readonly boolean[])[]): number[][] {
  const m = outranks.length;
  if (m > 20) throw new RangeError(`kernels are enumerated for at most 20 alternatives, got ${m}`);
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << m; mask++) {
    const set: number[] = [];
    for (let i = 0; i < m; i++) if (mask & (1 << i)) set.push(i);
    if (isKernel(outranks, set)) out.push(set);
  }
  // Lexicographic order, so the list reads the same whatever the enumeration order.
  return out.sort((x, y) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return x.length - y.length;
  });
}

/**
 * The kernel after reducing each circuit to one node (the classical treatment of cycles): unique.
 * @param outranks - outranks[a][b] for a square relation; the diagonal is ignored
 */
export function reducedKernel(outranks: readonly (readonly boolean[])[]): {
  kernel: number[];
  kernelComponents: number[][];
  cycles: number[][];
  kernelIsExact: boolean;
} {
  const m = outranks.length;
  const adj = outranks.map((row, i) => row.map((x, k) => x && i !== k));
  const comps = components(adj);
  const compOf = new Array<number>(m).fill(0);
  comps.forEach((c, ci) => c.forEach((a) => (compOf[a] = ci)));
  const k = comps.length;
  // The condensation: component X → Y when some member of X outranks some member of Y.
  const cAdj = Array.from({ length: k }, () => new Array<boolean>(k).fill(false));
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++)
      if ((adj[a] as boolean[])[b] && compOf[a] !== compOf[b]) (cAdj[compOf[a] as number] as boolean[])[compOf[b] as number] = true;
  // Kernel of a DAG: take every remaining node nothing remaining points to, drop what it points to, repeat.
  const remaining = new Set(comps.map((_, i) => i));
  const chosen: number[] = [];
  while (remaining.size > 0) {
    const free = [...remaining].filter((y) => ![...remaining].some((x) => x !== y && (cAdj[x] as boolean[])[y]));
    for (const x of free) {
      chosen.push(x);
      remaining.delete(x);
    }
    for (const x of free) for (let y = 0; y < k; y++) if ((cAdj[x] as boolean[])[y]) remaining.delete(y);
  }
  const kernelComponents = chosen.sort((a, b) => a - b).map((ci) => comps[ci] as number[]);
  const kernel = kernelComponents.flat().sort((a, b) => a - b);
  return { kernel, kernelComponents, cycles: comps.filter((c) => c.length > 1), kernelIsExact: isKernel(adj, kernel) };
}
