/**
 * Monotonic bead alignment by dynamic programming over a band around the diagonal.
 *
 * Generic over the cost of a bead: the caller says what aligning Russian items [i, i+a) with English items
 * [j, j+b) costs. The band follows the slope m/n, so even very unequal lengths (1 vs 500) cost O(n + m)
 * cells per unit of band width; when the best path touches the band's edge the band is doubled and the
 * search repeated, so the band does not cut the answer off. Widening stops at {@link MAX_WIDENED_BAND_CELLS}
 * cells: past that, two long texts that drift far apart (or do not translate each other at all) would cost
 * O(n·m) time and about 40 bytes per cell (16 bits per stored bead cost, see BandSearch), so the best path
 * inside the band is kept and the caller is told (`limited`), never left with a silently truncated search.
 */
import { RELEASABLE, releasableBuffer, releaseBuffer } from '../buffers.js';

/** A bead shape: how many Russian and English items one link takes. */
export interface BeadShape {
  ru: number;
  en: number;
}

/** One step of the best path. */
export interface PathStep {
  /** First Russian item. */
  i: number;
  /** First English item. */
  j: number;
  shape: BeadShape;
  cost: number;
  /**
   * How much worse (in cost units) the best path becomes if the boundary *after* this bead moves to a
   * neighbouring position: large = a sure boundary. Infinity at the end of the texts.
   */
  endMargin: number;
}

/** The problem: sizes, shapes, cost. */
export interface BeadProblem {
  n: number;
  m: number;
  shapes: readonly BeadShape[];
  /**
   * Cost of aligning Russian [i, i + shape.ru) with English [j, j + shape.en). Must be finite, and the same
   * each time it is asked: a long search keeps costs rounded and asks again for the few it must compare exactly.
   */
  cost(i: number, j: number, shape: BeadShape): number;
  /**
   * For a shape whose every bead costs the same wherever it lies (a paragraph left without counterpart, say),
   * that cost, exactly as {@link cost} would return it; `undefined` for the others. Such a shape's costs are not
   * stored cell by cell (the stored costs are most of the search's memory).
   */
  fixedCost?(shape: BeadShape): number | undefined;
  /** Called before each search with the widest row of its band (in English items), to size any cache by it. */
  prepare?(columns: number): void;
  /**
   * A number no larger than {@link cost} for the same bead, cheaper to compute: the search then skips asking for
   * the cost of a bead that cannot win where it ends, and asks for it later only if it could. Any bound above
   * `above` is enough for that: a cheaper, looser one may then be returned.
   */
  lowerBound?(i: number, j: number, shape: BeadShape, above?: number): number;
}

/** Options for {@link solveBeads}. */
export interface SolveOptions {
  /** Initial half-width of the band, in items. @default 24 */
  band?: number;
  /**
   * Largest band, in DP cells, the search widens to when the best path touches the band's edge. The first
   * band is always searched, whatever its size. @default MAX_WIDENED_BAND_CELLS
   */
  maxWidenedCells?: number;
  /**
   * Called once with the best path; may return an extra cost per shape (indexed as `problem.shapes`), and the
   * search is then repeated in the same band with every bead's cost moved by its shape's extra cost, reusing the
   * bead costs already computed (no call to `problem.cost`). For adapting shape costs to the document.
   */
  reprice?: (path: readonly PathStep[]) => Float64Array | undefined;
}

/**
 * Default of {@link SolveOptions.maxWidenedCells}: 1,000,000 cells, about 40 MB and 10 s at worst. Documents of
 * up to about a thousand paragraphs each can widen to the full grid; longer ones keep a narrower band.
 */
export const MAX_WIDENED_BAND_CELLS = 1_000_000;

/** The best path and how wide a band found it. */
export interface BeadSolution {
  path: PathStep[];
  /** Half-width of the band the path was found in. */
  width: number;
  /** True when the path touches the band's edge but widening further would pass `maxWidenedCells`. */
  limited: boolean;
}

/** Build the band for a given half-width: for each row i, the columns [lo, hi] it holds. */
class Band {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly offset: Int32Array;
  readonly size: number;

  constructor(
    readonly n: number,
    readonly m: number,
    width: number,
  ) {
    this.lo = new Int32Array(n + 1);
    this.hi = new Int32Array(n + 1);
    this.offset = new Int32Array(n + 1);
    const slope = n === 0 ? m : m / n;
    let size = 0;
    for (let i = 0; i <= n; i++) {
      const center = i * slope;
      this.lo[i] = Math.max(0, Math.floor(center - slope - width));
      this.hi[i] = Math.min(m, Math.ceil(center + slope + width));
      if (n === 0) {
        this.lo[i] = 0;
        this.hi[i] = m;
      }
      this.offset[i] = size;
      size += this.hi[i] - this.lo[i] + 1;
    }
    this.size = size;
  }

  /** Flat index of cell (i, j), or -1 outside the band. */
  index(i: number, j: number): number {
    if (i < 0 || i > this.n || j < this.lo[i] || j > this.hi[i]) return -1;
    return this.offset[i] + j - this.lo[i];
  }

  /** Whether (i, j) lies on an edge of the band that is not an edge of the whole grid. */
  onInnerEdge(i: number, j: number): boolean {
    return (j === this.lo[i] && j > 0) || (j === this.hi[i] && j < this.m);
  }

  get full(): boolean {
    for (let i = 0; i <= this.n; i++) if (this.lo[i] > 0 || this.hi[i] < this.m) return false;
    return true;
  }
}

/** Find the least-cost monotonic sequence of beads covering both sequences. */
export function solveBeads(problem: BeadProblem, options: SolveOptions = {}): PathStep[] {
  return solveBeadsInBand(problem, options).path;
}

/** {@link solveBeads}, also saying how wide the band was and whether widening was cut short. */
export function solveBeadsInBand(problem: BeadProblem, options: SolveOptions = {}): BeadSolution {
  let width = Math.max(1, options.band ?? 24);
  const maxCells = options.maxWidenedCells ?? MAX_WIDENED_BAND_CELLS;
  let band = new Band(problem.n, problem.m, width);
  for (;;) {
    const search = new BandSearch(problem, band);
    try {
      const first = search.forward();
      let limited: boolean | undefined;
      if (band.full || !first.some((step) => band.onInnerEdge(step.i, step.j))) limited = false;
      // Doubling without bound made unrelated long texts take minutes and gigabytes (O(n·m)); stop at a budget.
      const wider = limited === undefined ? new Band(problem.n, problem.m, width * 2) : undefined;
      if (wider && wider.size > maxCells) limited = true;
      if (limited !== undefined) {
        // Margins only for a path that is handed out (a path that only tells the band to widen needs none).
        search.addMargins(first);
        const delta = options.reprice?.(first);
        if (!delta) return { path: first, width, limited };
        const path = search.forward(delta);
        search.addMargins(path);
        return { path, width, limited };
      }
      band = wider!;
      width *= 2;
    } finally {
      search.release();
    }
  }
}

/**
 * Bead costs are kept rounded to 1/{@link COST_SCALE} of a nat in 16 bits (costs beyond ±{@link MAX_ROUNDED_COST}
 * are marked {@link UNROUNDED} and always recomputed); an absolute slack covers the rounding of the sums the
 * bounds are made of.
 */
const COST_SCALE = 64;
const MAX_ROUNDED_COST = 32767 / COST_SCALE - 1;
const UNROUNDED = -32768;
const ROUNDING_ERROR = 0.5 / COST_SCALE;
const SUM_SLACK = 1e-12;
/**
 * Slack for comparing `base` + a lower bound with a best total: a lower bound is summed in another order than
 * the cost it bounds, so it may exceed that cost by a few units in the last place.
 */
const boundSlack = (base: number, low: number): number => 1e-9 * (1 + Math.abs(base) + Math.abs(low));
/** A bead's mark (see {@link BeadMarks}): the stored number is its cost (or the shape has none stored). */
const COST = 0;
/** A bead's mark: the stored number is the problem's full lower bound of its cost. */
const BOUNDED = 1;
/**
 * A bead's mark: the stored number is a lower bound the problem may have left loose (see
 * {@link BeadProblem.lowerBound}'s `above`). Where costs are kept exactly only: kept rounded, a bound is a full one.
 */
const LOOSE = 2;

/**
 * A mark per cell of a band ({@link COST}, {@link BOUNDED} or {@link LOOSE}), in bytes cut from a search's slab:
 * two bits a cell, or one where costs are kept rounded and only {@link BOUNDED} is used (in two bits, a 5 MB pair's
 * marks added some 2 MB to its peak, 0.4 MB per MB of input).
 */
class BeadMarks {
  private readonly perByteShift: number;
  private readonly within: number;
  private readonly mask: number;

  /** Bytes the marks of `cells` cells take, `width` bits each. */
  static bytes(cells: number, width: 1 | 2): number {
    return width === 1 ? (cells + 7) >> 3 : (cells + 3) >> 2;
  }

  constructor(
    private readonly bits: Uint8Array,
    private readonly width: 1 | 2,
  ) {
    this.perByteShift = width === 1 ? 3 : 2;
    this.within = (1 << this.perByteShift) - 1;
    this.mask = (1 << width) - 1;
  }

  get(cell: number): number {
    return (this.bits[cell >> this.perByteShift] >> ((cell & this.within) * this.width)) & this.mask;
  }

  set(cell: number, mark: number): void {
    const at = cell >> this.perByteShift;
    const shift = (cell & this.within) * this.width;
    this.bits[at] = (this.bits[at] & ~(this.mask << shift)) | (mark << shift);
  }
}

/**
 * Stored costs (cells × shapes) up to which they are kept exactly, as doubles (8 MB): a band that small costs
 * little memory, and the later passes then ask the problem for nothing.
 */
const EXACT_STORED_COSTS = 1 << 20;

/**
 * The searches in one band: a forward pass that asks the problem for every bead's cost, a repriced forward pass
 * (every bead's cost moved by its shape's delta), and the backward pass behind the boundary margins.
 *
 * Why the costs are kept rounded and recomputed: the later passes need every bead's cost again, and keeping them
 * as doubles was most of an alignment's memory (16 shapes × cells × 8 bytes: 55 MB for a 5 MB pair; 12 MB now).
 * A later pass decides each cell from the rounded costs when they settle it — every other candidate's lower bound
 * above the best one's upper bound — and asks the problem for the exact cost of the candidates still in the
 * running (at most one per cell mostly, none when an omission wins), so its sums are exactly those of a pass over
 * exact costs, ties included.
 *
 * With lower bounds of the bead costs ({@link BeadProblem.lowerBound}), the first pass asks for a bead's cost only
 * when its bound cannot rule the bead out where it ends, and keeps the bound in its place otherwise (marked, see
 * {@link BeadMarks}); the later passes read such a bound as a range with no top and ask for the cost only if the
 * bead stays in the running. On the 116 development cases the first pass then prices 6 % of the beads, 11 % with
 * the later passes; 2 320 pairs align in 11 % less time on one thread and a 5 MB pair in 21 % less, with the same
 * output byte for byte (bench/dump-outputs.sh) and the same peak memory.
 */
class BandSearch {
  /** The memory of the tables below, given back by {@link release}. */
  private readonly slab: Slab;
  private readonly forwardCost: Float64Array;
  private readonly back: Int8Array;
  /**
   * The backward pass's least cost to the end, for the rows a bead from the current row can reach: row i at
   * `(i % rows) * width` (see {@link addMargins}); allocated by the first one.
   */
  private backwardRows: { rows: number; width: number; cost: Float64Array } | undefined;
  /**
   * `stored[s][cell]`: the cost of the bead of shape s ending at cell, rounded in 16 bits (see {@link COST_SCALE};
   * exactly, as a double, when the band is small: see {@link EXACT_STORED_COSTS}); undefined for a fixed-cost shape.
   */
  private readonly stored: Array<Int16Array | Float64Array | undefined>;
  private readonly exact: boolean;
  /**
   * Per stored shape, where `stored` holds a lower bound of the bead's cost instead of the cost (see
   * {@link BeadProblem.lowerBound}): the first pass keeps only that for a bead that cannot win where it ends, and
   * a later pass asks for the cost when the bound does not rule the bead out. Undefined without lower bounds.
   */
  private readonly marks: Array<BeadMarks | undefined>;
  /**
   * The order the first pass tries the shapes in: fixed-cost ones first (they cost nothing to price), then the
   * others by size (1-1 first): the best total so far is then low early, and more beads are ruled out by their
   * lower bounds. The choice among equal totals is the problem's order all the same.
   */
  private readonly order: Int32Array;
  /** The cost of each fixed-cost shape (NaN for the others), see {@link BeadProblem.fixedCost}. */
  private readonly fixed: Float64Array;
  /** Each shape's cost change of the last repricing (zeros before one). */
  private delta: Float64Array | undefined;
  private searched = false;
  /** Scratch per shape for one cell: lower and upper bounds of the candidates' totals. */
  private readonly low: Float64Array;
  private readonly high: Float64Array;

  constructor(
    private readonly problem: BeadProblem,
    private readonly band: Band,
  ) {
    this.fixed = Float64Array.from(problem.shapes, (shape) => problem.fixedCost?.(shape) ?? NaN);
    const storedShapes = problem.shapes.filter((_, s) => Number.isNaN(this.fixed[s])).length;
    this.exact = storedShapes * band.size <= EXACT_STORED_COSTS;
    const cells = band.size;
    const storedBytes = this.exact ? 8 : 2;
    const markWidth = this.exact ? 2 : 1;
    const markBytes = problem.lowerBound ? BeadMarks.bytes(cells, markWidth) : 0;
    const slab = new Slab(cells * (8 + storedShapes * storedBytes + 1) + storedShapes * markBytes);
    this.slab = slab;
    this.forwardCost = slab.float64(cells);
    this.stored = problem.shapes.map((_, s) => (Number.isNaN(this.fixed[s]) ? (this.exact ? slab.float64(cells) : slab.int16(cells)) : undefined));
    this.back = slab.int8(cells);
    const size = (s: number): number => (Number.isNaN(this.fixed[s]) ? problem.shapes[s].ru + problem.shapes[s].en : 0);
    this.order = Int32Array.from(problem.shapes.keys()).sort((a, b) => size(a) - size(b) || a - b);
    this.marks = this.stored.map((store) => (store && problem.lowerBound ? new BeadMarks(slab.uint8(markBytes), markWidth) : undefined));
    this.low = new Float64Array(problem.shapes.length);
    this.high = new Float64Array(problem.shapes.length);
    let widest = 0;
    for (let i = 0; i <= problem.n; i++) widest = Math.max(widest, band.hi[i] - band.lo[i] + 1);
    problem.prepare?.(widest);
  }

  /**
   * The exact current cost of the bead of shape `s` starting at (i, j) and ending at `cell`: as the problem says
   * (or as stored, when stored exactly), plus the repricing.
   */
  private exactCost(s: number, i: number, j: number, cell: number): number {
    const store = this.stored[s];
    const marks = this.marks[s];
    let cost: number;
    if (marks !== undefined && marks.get(cell) !== COST) {
      // Only a bound was kept: the cost now, kept as any other.
      cost = this.problem.cost(i, j, this.problem.shapes[s]);
      this.keepCost(s, cell, cost);
      marks.set(cell, COST);
    } else {
      cost = !store ? this.fixed[s] : this.exact ? store[cell] : this.problem.cost(i, j, this.problem.shapes[s]);
    }
    return this.delta ? cost + this.delta[s] : cost;
  }

  /** Keep the cost of the bead of stored shape `s` ending at `cell`: exactly, or rounded (see {@link COST_SCALE}). */
  private keepCost(s: number, cell: number, cost: number): void {
    this.stored[s]![cell] = this.exact ? cost : Math.abs(cost) <= MAX_ROUNDED_COST ? Math.round(cost * COST_SCALE) : UNROUNDED;
  }

  /** Keep a lower bound of the cost instead, rounded down when costs are kept rounded, marked `mark`. */
  private keepBound(s: number, cell: number, low: number, mark: number): void {
    this.stored[s]![cell] = this.exact ? low : low > MAX_ROUNDED_COST ? MAX_ROUNDED_COST * COST_SCALE : low < -MAX_ROUNDED_COST ? UNROUNDED : Math.floor(low * COST_SCALE);
    this.marks[s]!.set(cell, mark);
  }

  /** The lower bound kept for a marked bead (see {@link keepBound}). */
  private keptBound(s: number, cell: number): number {
    const kept = this.stored[s]![cell];
    return this.exact ? kept : kept === UNROUNDED ? -Infinity : kept / COST_SCALE;
  }

  /**
   * Whether the bead of shape `s` from (i, j) ending at `cell`, `base` + its cost, may still be below `bound`:
   * a bead the first pass kept a loose lower bound of gets the problem's full bound first, and is ruled out by
   * it when it can be, before its cost is asked for.
   */
  private stillInRunning(s: number, i: number, j: number, cell: number, base: number, bound: number): boolean {
    const marks = this.marks[s];
    if (marks === undefined || marks.get(cell) !== LOOSE) return true;
    this.keepBound(s, cell, this.problem.lowerBound!(i, j, this.problem.shapes[s]), BOUNDED);
    this.bounds(s, cell, base);
    return this.low[s] <= bound;
  }

  /** Give the tables' memory back now, not when the collector next finds them: the search is not used again. */
  release(): void {
    this.slab.release();
    this.backwardRows = undefined;
  }

  /**
   * One forward pass and the best path it finds (margins not yet set). The first asks the problem for each
   * bead's cost and keeps it rounded; with `delta`, every bead's cost is the first pass's plus its shape's delta.
   */
  forward(delta?: Float64Array): PathStep[] {
    const { problem, band, stored, forwardCost: forward, back, low, high } = this;
    const { n, m, shapes } = problem;
    if (delta) {
      if (!this.searched) throw new Error('a repriced search needs the costs of a first one; this is a bug');
      this.delta = delta;
    }
    const first = !this.searched;
    this.searched = true;
    forward.fill(Infinity);
    back.fill(-1);
    forward[band.index(0, 0)] = 0;
    for (let i = 0; i <= n; i++) {
      for (let j = band.lo[i]; j <= band.hi[i]; j++) {
        const cell = band.index(i, j);
        let best = forward[cell];
        let bestShape = back[cell];
        if (first) {
          for (let k = 0; k < shapes.length; k++) {
            const s = this.order[k];
            const shape = shapes[s];
            const from = band.index(i - shape.ru, j - shape.en);
            if (from < 0 || forward[from] === Infinity) continue;
            const store = stored[s];
            let cost = this.fixed[s];
            if (this.marks[s] !== undefined) {
              // A bead that cannot beat the best so far keeps a lower bound of its cost only (a full one where
              // costs are kept rounded: its mark has one bit).
              const low = problem.lowerBound!(i - shape.ru, j - shape.en, shape, this.exact ? best - forward[from] : undefined);
              if (forward[from] + low - boundSlack(forward[from], low) > best) {
                this.keepBound(s, cell, low, this.exact ? LOOSE : BOUNDED);
                continue;
              }
            }
            if (store) {
              cost = problem.cost(i - shape.ru, j - shape.en, shape);
              this.keepCost(s, cell, cost);
            }
            const total = forward[from] + cost;
            // The first shape (in the problem's order) of the least total, whatever order they are tried in.
            if (total < best || (total === best && s < bestShape)) {
              best = total;
              bestShape = s;
            }
          }
        } else {
          // Bounds from the rounded costs; exact costs only for the candidates they leave in the running.
          let bound = Infinity;
          for (let s = 0; s < shapes.length; s++) {
            const shape = shapes[s];
            const from = band.index(i - shape.ru, j - shape.en);
            if (from < 0 || forward[from] === Infinity) {
              low[s] = NaN; // not a candidate
              continue;
            }
            this.bounds(s, cell, forward[from]);
            if (high[s] < bound) bound = high[s];
          }
          for (let s = 0; s < shapes.length; s++) {
            if (!(low[s] <= bound)) continue; // not a candidate, or surely worse than the best
            const shape = shapes[s];
            const base = forward[band.index(i - shape.ru, j - shape.en)];
            if (!this.stillInRunning(s, i - shape.ru, j - shape.en, cell, base, bound)) continue;
            const total = base + this.exactCost(s, i - shape.ru, j - shape.en, cell);
            if (total < best) {
              best = total;
              bestShape = s;
            }
          }
        }
        forward[cell] = best;
        back[cell] = bestShape;
      }
    }

    const path: PathStep[] = [];
    let i = n;
    let j = m;
    while (i > 0 || j > 0) {
      const cell = band.index(i, j);
      const s = back[cell];
      if (s < 0) throw new Error(`alignment DP found no path through (${i}, ${j}); this is a bug`);
      const shape = shapes[s];
      path.push({ i: i - shape.ru, j: j - shape.en, shape, cost: this.exactCost(s, i - shape.ru, j - shape.en, cell), endMargin: Infinity });
      i -= shape.ru;
      j -= shape.en;
    }
    return path.reverse();
  }

  /**
   * Bounds of `base` + the current cost of the bead of shape `s` ending at `cell` into `low[s]`, `high[s]`:
   * exact for a fixed-cost shape, the rounded cost ± its error bound otherwise.
   */
  private bounds(s: number, cell: number, base: number): void {
    const store = this.stored[s];
    const shift = this.delta ? this.delta[s] : 0;
    const marks = this.marks[s];
    if (marks !== undefined && marks.get(cell) !== COST) {
      // Only a lower bound is known: no upper one.
      const low = this.keptBound(s, cell) + shift;
      this.low[s] = base + low - boundSlack(base, low);
      this.high[s] = Infinity;
      return;
    }
    const rounded = store !== undefined && !this.exact;
    if (rounded && store[cell] === UNROUNDED) {
      // A cost too large to keep rounded: no bound, the exact cost decides.
      this.low[s] = -Infinity;
      this.high[s] = Infinity;
      return;
    }
    const cost = !store ? this.fixed[s] : rounded ? store[cell] / COST_SCALE : store[cell];
    const sum = base + (cost + shift);
    const error = (rounded ? ROUNDING_ERROR : 0) + SUM_SLACK * (Math.abs(base) + Math.abs(cost) + Math.abs(shift) + 1);
    this.low[s] = sum - error;
    this.high[s] = sum + error;
  }

  /**
   * Set each step's {@link PathStep.endMargin}: the best total through a neighbouring cell off the path, minus
   * the best total, from a backward pass (the least cost from each cell to the end) over the last forward pass's
   * bead costs.
   *
   * The pass writes each cell's total through it (forward + backward cost) over its forward cost, which nothing
   * reads again before the next forward pass, and keeps backward costs only for the rows a bead reaches: a
   * backward cost per cell was another 8 bytes a cell (3 MB in a 5 MB pair), at the search's peak.
   */
  addMargins(path: PathStep[]): void {
    const { problem, band, forwardCost: forward, low, high } = this;
    const { n, m, shapes } = problem;
    if (this.backwardRows === undefined) {
      let width = 0;
      for (let i = 0; i <= n; i++) width = Math.max(width, band.hi[i] - band.lo[i] + 1);
      const rows = 1 + shapes.reduce((most, shape) => Math.max(most, shape.ru), 0);
      this.backwardRows = { rows, width, cost: new Float64Array(rows * width) };
    }
    const { rows, width, cost: backward } = this.backwardRows;
    // Where the backward cost of (i, j) is kept, for a cell of the band.
    const at = (i: number, j: number): number => (i % rows) * width + j - band.lo[i];
    for (let i = n; i >= 0; i--) {
      // The rows a bead from row i reaches are i … i + rows - 1: row i takes the place of row i + rows.
      backward.fill(Infinity, (i % rows) * width, (i % rows + 1) * width);
      if (i === n) backward[at(n, m)] = 0;
      for (let j = band.hi[i]; j >= band.lo[i]; j--) {
        const cell = band.index(i, j);
        // A bead from an unreachable cell was never priced.
        if (forward[cell] === Infinity) continue;
        let bound = Infinity;
        for (let s = 0; s < shapes.length; s++) {
          const shape = shapes[s];
          const to = band.index(i + shape.ru, j + shape.en);
          if (to < 0 || backward[at(i + shape.ru, j + shape.en)] === Infinity) {
            low[s] = NaN; // not a candidate
            continue;
          }
          this.bounds(s, to, backward[at(i + shape.ru, j + shape.en)]);
          if (high[s] < bound) bound = high[s];
        }
        let best = backward[at(i, j)];
        for (let s = 0; s < shapes.length; s++) {
          if (!(low[s] <= bound)) continue; // not a candidate, or surely worse than the best
          const shape = shapes[s];
          const to = band.index(i + shape.ru, j + shape.en);
          const base = backward[at(i + shape.ru, j + shape.en)];
          if (!this.stillInRunning(s, i, j, to, base, bound)) continue;
          const total = this.exactCost(s, i, j, to) + base;
          if (total < best) best = total;
        }
        backward[at(i, j)] = best;
        forward[cell] += best;
      }
    }

    const total = forward[band.index(n, m)];
    const onPath = new Set<number>([band.index(0, 0)]);
    for (const step of path) onPath.add(band.index(step.i + step.shape.ru, step.j + step.shape.en));
    for (const step of path) {
      const ei = step.i + step.shape.ru;
      const ej = step.j + step.shape.en;
      if (ei === n && ej === m) continue;
      let alternative = Infinity;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const cell = band.index(ei + di, ej + dj);
          if (cell < 0 || onPath.has(cell)) continue;
          alternative = Math.min(alternative, forward[cell]); // the total through the cell, see above
        }
      }
      step.endMargin = alternative - total;
    }
  }
}

/** Bytes from which a {@link Slab} is releasable (or, where buffers are not {@link RELEASABLE}, at least {@link MAPPED_SLAB_BYTES} long). */
const LARGE_SLAB_BYTES = 4 << 20;
/**
 * glibc's malloc serves a block below its mmap threshold from its own heap and keeps it there once freed; the
 * threshold starts at 128 KiB but rises to the size of each larger mapped block freed, up to 32 MiB. A search's
 * tables (some 20 MB in a 5 MB pair), allocated one by one, then stayed in the process after the search, under
 * the checks' and the export's memory. From 32 MiB a block is always mapped, and unmapped when freed; the
 * pages past what the tables use are never touched, so they cost address space, not memory.
 */
const MAPPED_SLAB_BYTES = (32 << 20) + (1 << 16);

/**
 * The typed arrays of one search, cut one after another from one buffer (largest elements first, so each is aligned).
 *
 * From {@link LARGE_SLAB_BYTES} the buffer is a {@link releasableBuffer}, which {@link release} gives back as soon
 * as the search is over: a 5 MB pair's 16 MB of tables otherwise stayed until the next full collection, which came
 * while the links were being built, and the run's peak memory was theirs plus everything made after. A smaller
 * search's tables are a plain buffer, left to the collector: typed arrays over a resizable buffer are a kind of
 * their own to V8, and a batch of short pairs is better off with one kind in the DP's loops.
 */
class Slab {
  private readonly buffer: ArrayBuffer;
  private used = 0;

  constructor(bytes: number) {
    if (bytes < LARGE_SLAB_BYTES) this.buffer = new ArrayBuffer(bytes);
    else this.buffer = RELEASABLE ? releasableBuffer(bytes) : new ArrayBuffer(Math.max(bytes, MAPPED_SLAB_BYTES));
  }

  /** Give the buffer's memory back if it is a large one; every array cut from it is empty from now on. */
  release(): void {
    releaseBuffer(this.buffer);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.buffer, this.take(length * 8), length);
  }

  int16(length: number): Int16Array {
    return new Int16Array(this.buffer, this.take(length * 2), length);
  }

  int8(length: number): Int8Array {
    return new Int8Array(this.buffer, this.take(length), length);
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.buffer, this.take(length), length);
  }

  private take(bytes: number): number {
    const at = this.used;
    this.used += bytes;
    return at;
  }
}
