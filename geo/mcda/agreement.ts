/**
 * Agreement between the rankings that several methods give the same alternatives: Kendall's τ-b
 * between each pair, Borda and Copeland consensus rankings, and a verdict a UI can put in a
 * sentence ("湖南邵阳经济开发区 is first under 5 of 6 methods; TOPSIS puts it second").
 *
 * A method's ranking is given as ranks: ranks[i] is alternative i's position, 1 = best; equal
 * numbers are ties (ELECTRE, for instance, gives its kernel rank 1 and the rest rank 2).
 *
 * - Kendall τ-b (Kendall, M.G. 1945, "The treatment of ties in ranking problems", Biometrika 33,
 *   239–251): τ = (P − Q) / √((P + Q + T)(P + Q + U)) with P concordant and Q discordant pairs, T
 *   pairs tied only in x and U pairs tied only in y (the definition scipy.stats.kendalltau
 *   documents). 1 for the same order, −1 for the reverse; NaN when either ranking ties everything
 *   (τ is undefined there, as in SciPy).
 * - Borda count (de Borda, J.-C. 1781): an alternative scores, in each ranking, the number of
 *   alternatives ranked below it plus ½ for each one tied with it (m − position without ties);
 *   rankings may carry weights (e.g. numbers of voters).
 * - Copeland (Copeland, A.H. 1951): a beats b when more (weighted) rankings put a above b than b
 *   above a; score = wins − losses.
 * Consensus rankings order by score, highest first; ties keep input order.
 */

export interface MethodRanks {
  /** The method's display name, used as given in the verdict ("TOPSIS", "VIKOR (v = 0.5)"). */
  method: string;
  /** One rank per alternative, 1 = best; ties allowed. */
  ranks: readonly number[];
}

/** Ranks 1…m from a best-first order of alternative indexes (a permutation). @throws RangeError if it is not one */
export function ranksFromOrder(order: readonly number[]): number[] {
  const m = order.length;
  const ranks = new Array<number>(m).fill(0);
  order.forEach((a, k) => {
    if (!Number.isInteger(a) || a < 0 || a >= m || ranks[a] !== 0)
      throw new RangeError(`the order must list each of the ${m} alternatives once`);
    ranks[a] = k + 1;
  });
  return ranks;
}

/**
 * Competition ranks from scores ("1224": tied alternatives share the best of their positions).
 * @param better - `higher` when a larger score is better (TOPSIS closeness, φ), `lower` otherwise (VIKOR Q)
 */
export function ranksFromScores(scores: readonly number[], better: 'higher' | 'lower'): number[] {
  const sign = better === 'higher' ? 1 : -1;
  return scores.map((s) => 1 + scores.filter((o) => sign * o > sign * s).length);
}

/**
 * Kendall's τ-b between two rankings (or any two lists of numbers of the same orientation).
 * @returns a number in [−1, 1], or NaN when either list is constant
 * @throws RangeError for lists of different lengths or non-finite entries
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new RangeError(`the rankings have ${x.length} and ${y.length} entries`);
  if ([...x, ...y].some((v) => !Number.isFinite(v))) throw new RangeError('rankings must be finite numbers');
  let p = 0;
  let q = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign((x[i] as number) - (x[j] as number));
      const dy = Math.sign((y[i] as number) - (y[j] as number));
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tx++;
      else if (dy === 0) ty++;
      else if (dx === dy) p++;
      else q++;
    }
  const denominator = Math.sqrt((p + q + tx) * (p + q + ty));
  return denominator === 0 ? Number.NaN : (p - q) / denominator;
}

function checkRankings(rankings: readonly MethodRanks[], weights: readonly number[] | undefined): number {
  if (rankings.length === 0) throw new RangeError('at least one ranking is needed');
  const m = (rankings[0] as MethodRanks).ranks.length;
  rankings.forEach((r) => {
    if (r.ranks.length !== m) throw new RangeError(`${r.method} ranks ${r.ranks.length} alternatives; expected ${m}`);
    if (r.ranks.some((x) => !Number.isFinite(x))) throw new RangeError(`${r.method} has a rank that is not a finite number`);
  });
  if (weights && (weights.length !== rankings.length || weights.some((w) => !Number.isFinite(w) || w < 0)))
    throw new RangeError('ranking weights must be one non-negative number per ranking');
  return m;
}

const byScore = (scores: readonly number[]) =>
  scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);

/** Borda count over rankings (optionally weighted). */
export function borda(rankings: readonly MethodRanks[], weights?: readonly number[]): { scores: number[]; ranking: number[] } {
  const m = checkRankings(rankings, weights);
  const scores = new Array<number>(m).fill(0);
  rankings.forEach((r, k) => {
    const w = weights ? (weights[k] as number) : 1;
    for (let a = 0; a < m; a++) {
      let points = 0;
      for (let b = 0; b < m; b++) {
        if (b === a) continue;
        if ((r.ranks[b] as number) > (r.ranks[a] as number)) points += 1;
        else if (r.ranks[b] === r.ranks[a]) points += 0.5;
      }
      scores[a] = (scores[a] as number) + w * points;
    }
  });
  return { scores, ranking: byScore(scores) };
}

/** Copeland's pairwise method over rankings (optionally weighted): score = wins − losses. */
export function copeland(
  rankings: readonly MethodRanks[],
  weights?: readonly number[],
): { scores: number[]; wins: number[]; losses: number[]; ranking: number[] } {
  const m = checkRankings(rankings, weights);
  const wins = new Array<number>(m).fill(0);
  const losses = new Array<number>(m).fill(0);
  for (let a = 0; a < m; a++)
    for (let b = a + 1; b < m; b++) {
      let forA = 0;
      let forB = 0;
      rankings.forEach((r, k) => {
        const w = weights ? (weights[k] as number) : 1;
        if ((r.ranks[a] as number) < (r.ranks[b] as number)) forA += w;
        else if ((r.ranks[b] as number) < (r.ranks[a] as number)) forB += w;
      });
      if (forA > forB) {
        wins[a] = (wins[a] as number) + 1;
        losses[b] = (losses[b] as number) + 1;
      } else if (forB > forA) {
        wins[b] = (wins[b] as number) + 1;
        losses[a] = (losses[a] as number) + 1;
      }
    }
  const scores = wins.map((w, i) => w - (losses[i] as number));
  return { scores, wins, losses, ranking: byScore(scores) };
}

export interface Verdict {
  /** The alternative first under the most methods (ties: higher Borda score, then input order). */
  leader: number;
  methodCount: number;
  /** Methods that put the leader first (alone or tied). */
  firstUnder: string[];
  /** Methods that do not, with the leader's position there and whom they put first. */
  dissent: { method: string; position: number; first: number[] }[];
  unanimous: boolean;
}

export interface Agreement {
  methods: string[];
  /** tau[i][k]: Kendall τ-b between methods i and k (1 on the diagonal unless a ranking ties everything). */
  tau: number[][];
  borda: { scores: number[]; ranking: number[] };
  copeland: { scores: number[]; wins: number[]; losses: number[]; ranking: number[] };
  verdict: Verdict;
}

/**
 * Compares the rankings of several methods over the same alternatives.
 * @throws RangeError for no rankings, rankings of different lengths, or non-finite ranks
 */
export function agreement(rankings: readonly MethodRanks[]): Agreement {
  checkRankings(rankings, undefined);
  const tau = rankings.map((a) => rankings.map((b) => kendallTauB(a.ranks, b.ranks)));
  const b = borda(rankings);
  const c = copeland(rankings);
  const m = (rankings[0] as MethodRanks).ranks.length;
  const best = rankings.map((r) => Math.min(...r.ranks));
  const firstCount = Array.from({ length: m }, (_, a) => rankings.filter((r, k) => r.ranks[a] === best[k]).length);
  const leader = Array.from({ length: m }, (_, a) => a).sort(
    (x, y) => (firstCount[y] as number) - (firstCount[x] as number) || (b.scores[y] as number) - (b.scores[x] as number) || x - y,
  )[0] as number;
  const firstUnder: string[] = [];
  const dissent: Verdict['dissent'] = [];
  rankings.forEach((r, k) => {
    if (r.ranks[leader] === best[k]) firstUnder.push(r.method);
    else
      dissent.push({
        method: r.method,
        position: 1 + r.ranks.filter((x) => x < (r.ranks[leader] as number)).length,
        first: r.ranks.map((x, a) => (x === best[k] ? a : -1)).filter((a) => a >= 0),
      });
  });
  return {
    methods: rankings.map((r) => r.method),
    tau,
    borda: b,
    copeland: c,
    verdict: { leader, methodCount: rankings.length, firstUnder, dissent, unanimous: dissent.length === 0 },
  };
}

const EN_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function enOrdinal(n: number): string {
  if (n <= EN_ORDINALS.length) return EN_ORDINALS[n - 1] as string;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

const zhOrdinal = (n: number) => `第${n <= ZH_NUMERALS.length ? ZH_NUMERALS[n - 1] : ` ${n} `}`;

function enList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The verdict as one sentence, e.g. "湖南邵阳经济开发区 is first under 5 of 6 methods; TOPSIS puts it
 * second" or "湖南邵阳经济开发区在 6 种方法中有 5 种排名第一；TOPSIS 把它排在第二". Dissenting methods
 * are grouped by the position they give the leader, best position first.
 * @param names - alternative names by index (in the language of the sentence)
 */
export function verdictText(verdict: Verdict, lang: 'zh' | 'en', names: readonly string[]): string {
  const name = names[verdict.leader] ?? String(verdict.leader + 1);
  const k = verdict.firstUnder.length;
  const n = verdict.methodCount;
  const groups = new Map<number, string[]>();
  for (const d of [...verdict.dissent].sort((a, b) => a.position - b.position))
    groups.set(d.position, [...(groups.get(d.position) ?? []), d.method]);
  if (lang === 'en') {
    if (verdict.unanimous) return `${name} is first under ${n === 1 ? 'the only method' : n === 2 ? 'both methods' : `all ${n} methods`}`;
    const head = `${name} is first under ${k} of ${n} methods`;
    const tail = [...groups].map(
      ([position, methods]) => `${enList(methods)} ${methods.length === 1 ? 'puts' : 'put'} it ${enOrdinal(position)}`,
    );
    return `${head}; ${tail.join('; ')}`;
  }
  if (verdict.unanimous) return n === 1 ? `${name}排名第一` : `${name}在全部 ${n} 种方法中均排名第一`;
  const head = `${name}在 ${n} 种方法中有 ${k} 种排名第一`;
  const tail = [...groups].map(([position, methods]) => `${methods.join('、')} 把它排在${zhOrdinal(position)}`);
  return `${head}；${tail.join('；')}`;
}
