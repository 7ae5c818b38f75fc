/**
 * One direction of a Dijkstra search ({@link Frontier}): tentative distances, tree edges and an indexed binary heap
 * keyed on them, in typed arrays reused between searches (an epoch counter marks what the current search reached and
 * settled, so starting a search costs nothing per node).
 *
 * @module
 */

/** Epochs wrap before this: the stamps are then cleared once. */
export const EPOCH_LIMIT = 0xfffffff0;

/**
 * One direction of a Dijkstra search: tentative distances, tree edges and an indexed binary heap keyed on them.
 * Distances are pairs compared lexicographically: the criterion first, a tie-breaker second.
 */
export class Frontier {
  readonly dist: Float64Array;
  /** Tie-breaking distance (e.g. hours when minimising cost). */
  readonly dist2: Float64Array;
  /** Heap key: distance plus the A* heuristic (just the distance without one). */
  readonly key: Float64Array;
  /** Tree edge of each reached node: into it (forward) or out of it (backward); -1 at the root. */
  readonly edge: Int32Array;
  readonly reachedAt: Uint32Array;
  readonly settledAt: Uint32Array;
  readonly heap: Int32Array;
  readonly pos: Int32Array;
  size = 0;
  epoch = 0;

  constructor(n: number) {
    this.dist = new Float64Array(n);
    this.dist2 = new Float64Array(n);
    this.key = new Float64Array(n);
    this.edge = new Int32Array(n);
    this.reachedAt = new Uint32Array(n);
    this.settledAt = new Uint32Array(n);
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
  }

  begin(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i] as number] = -1;
    this.size = 0;
    this.epoch++;
    if (this.epoch >= EPOCH_LIMIT) {
      this.reachedAt.fill(0);
      this.settledAt.fill(0);
      this.epoch = 1;
    }
  }

  reached(v: number): boolean {
    return this.reachedAt[v] === this.epoch;
  }

  settled(v: number): boolean {
    return this.settledAt[v] === this.epoch;
  }

  /** The node at the heap's top (-1 when empty). */
  top(): number {
    return this.size > 0 ? (this.heap[0] as number) : -1;
  }

  /** Offers distance (`d`, `d2`) via `edge` to `v` (not settled); `h` is an A* estimate of the rest (default 0). */
  relax(v: number, d: number, d2: number, edge: number, h = 0): void {
    if (this.reachedAt[v] !== this.epoch) {
      this.reachedAt[v] = this.epoch;
      this.dist[v] = d;
      this.dist2[v] = d2;
      this.key[v] = d + h;
      this.edge[v] = edge;
      const i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
      this.siftUp(i);
    } else {
      const old = this.dist[v] as number;
      if (d < old || (d === old && d2 < (this.dist2[v] as number))) {
        this.dist[v] = d;
        this.dist2[v] = d2;
        this.key[v] = d + h;
        this.edge[v] = edge;
        this.siftUp(this.pos[v] as number);
      }
    }
  }

  /** Whether node a's key is below node b's: key (distance + heuristic), then tie-breaker, then index. */
  private less(a: number, b: number): boolean {
    const da = this.key[a] as number;
    const db = this.key[b] as number;
    if (da !== db) return da < db;
    const ea = this.dist2[a] as number;
    const eb = this.dist2[b] as number;
    return ea !== eb ? ea < eb : a < b;
  }

  /** Removes and returns the closest node, marking it settled. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0] as number;
    this.pos[top] = -1;
    this.settledAt[top] = this.epoch;
    const last = heap[--this.size] as number;
    if (this.size > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(start: number): void {
    const { heap, pos } = this;
    const node = heap[start] as number;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if (this.less(p, node)) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private siftDown(start: number): void {
    const { heap, pos, size } = this;
    const node = heap[start] as number;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      let child = left;
      let c = heap[left] as number;
      const right = left + 1;
      if (right < size) {
        const r = heap[right] as number;
        if (this.less(r, c)) {
          child = right;
          c = r;
        }
      }
      if (this.less(node, c)) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }
}
