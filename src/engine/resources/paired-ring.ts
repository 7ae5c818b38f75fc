/**
 * Internal storage of the resources: a FIFO of entries made of one item and two numbers (a job with its arrival
 * time and service hours; a waiting item with its units and arrival time), on one ring with one head and one count.
 *
 * The numbers live in a Float64Array, three per entry: the two numbers and, while every item stored is a number,
 * the item itself. Such a ring (the common case of the benchmarks and of number payloads) is one typed array that
 * doubles with two block copies, whatever its size. The first item that is not a number starts a packed JS array of
 * items beside it (once); that one doubles by one native `concat`.
 *
 * Not exported from the package: {@link RingQueue} is the public FIFO.
 *
 * @module
 */

const INITIAL_SIZE = 16;
/** Numbers per entry: first, second, and the item while the items are numbers. */
const STRIDE = 3;

/** FIFO of (item, first number, second number) entries. Indices count from the head (0 = oldest). */
export class PairedRing<T> {
  /** Entry `slot` keeps its numbers at 3 × slot (first), 3 × slot + 1 (second), 3 × slot + 2 (a number item). */
  private numbers = new Float64Array(STRIDE * INITIAL_SIZE);
  /** The items once one that is not a number has been stored; null until then. */
  private items: (T | undefined)[] | null = null;
  private head = 0;
  private count = 0;
  /** Ring size − 1 (the size is a power of two). */
  private mask = INITIAL_SIZE - 1;

  /** Entries queued. */
  get length(): number {
    return this.count;
  }

  /** Adds an entry at the tail. */
  push(item: T, first: number, second: number): void {
    if (this.count > this.mask) this.grow();
    const slot = (this.head + this.count) & this.mask;
    const at = STRIDE * slot;
    const numbers = this.numbers;
    numbers[at] = first;
    numbers[at + 1] = second;
    const items = this.items;
    if (items !== null) items[slot] = item;
    else if (typeof item === 'number') numbers[at + 2] = item;
    else this.toItems()[slot] = item;
    this.count++;
  }

  /** The item of the entry `index` places from the head. The caller keeps `index` in [0, length). */
  item(index: number): T {
    const slot = (this.head + index) & this.mask;
    const items = this.items;
    return items !== null ? (items[slot] as T) : (this.numbers[STRIDE * slot + 2] as T & number);
  }

  /** The first number of the entry `index` places from the head. The caller keeps `index` in [0, length). */
  first(index: number): number {
    return this.numbers[STRIDE * ((this.head + index) & this.mask)] as number;
  }

  /** The second number of the entry `index` places from the head. The caller keeps `index` in [0, length). */
  second(index: number): number {
    return this.numbers[STRIDE * ((this.head + index) & this.mask) + 1] as number;
  }

  /** Replaces the first number of the entry `index` places from the head. The caller keeps `index` in range. */
  setFirst(index: number, value: number): void {
    this.numbers[STRIDE * ((this.head + index) & this.mask)] = value;
  }

  /**
   * Removes the head entry (read it first with {@link item}, {@link first}, {@link second}). The caller checks that
   * the ring is not empty. An item in the JS array is overwritten with 0 so the ring does not keep it alive (0 keeps
   * the array's elements kind, where `undefined` would make an array that also holds numbers generic).
   */
  dropHead(): void {
    const head = this.head;
    const items = this.items;
    if (items !== null) items[head] = 0 as T;
    this.head = (head + 1) & this.mask;
    this.count--;
  }

  /** Doubles the ring (called when it is full), with the entries in order from slot 0. */
  private grow(): void {
    const size = this.mask + 1;
    const head = this.head;
    const numbers = new Float64Array(2 * STRIDE * size);
    numbers.set(this.numbers.subarray(STRIDE * head), 0);
    numbers.set(this.numbers.subarray(0, STRIDE * head), STRIDE * (size - head));
    this.numbers = numbers;
    const items = this.items;
    if (items !== null) {
      // Two native slices joined, then the stale second half overwritten with 0 by a native fill.
      const next = items.slice(head).concat(items.slice(0, head), items);
      next.fill(0 as T, size, 2 * size);
      this.items = next;
    }
    this.head = 0;
    this.mask = 2 * size - 1;
  }

  /** Starts the JS array of items (once, at the first item that is not a number) and returns it. */
  private toItems(): (T | undefined)[] {
    const items: (T | undefined)[] = [];
    const numbers = this.numbers;
    for (let slot = 0; slot <= this.mask; slot++) items.push(numbers[STRIDE * slot + 2] as T & number);
    this.items = items;
    return items;
  }
}
