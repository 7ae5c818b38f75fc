/**
 * Internal storage of the resources: a FIFO of entries made of one item and two numbers (a job with its arrival
 * time and service hours; a waiting item with its units and arrival time), on one ring with one head and one count.
 * The numbers live in a Float64Array (unboxed, never holey), the items in a packed array. One bounds check and one
 * index computation per operation instead of one per parallel queue.
 *
 * Not exported from the package: {@link RingQueue} is the public FIFO.
 *
 * @module
 */

const INITIAL_SIZE = 16;

/** FIFO of (item, first number, second number) entries. Indices count from the head (0 = oldest). */
export class PairedRing<T> {
  private items: (T | undefined)[] = packed(INITIAL_SIZE);
  /** Entry `slot` keeps its numbers at 2 × slot and 2 × slot + 1. */
  private numbers = new Float64Array(2 * INITIAL_SIZE);
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
    this.items[slot] = item;
    this.numbers[2 * slot] = first;
    this.numbers[2 * slot + 1] = second;
    this.count++;
  }

  /** The item of the entry `index` places from the head. The caller keeps `index` in [0, length). */
  item(index: number): T {
    return this.items[(this.head + index) & this.mask] as T;
  }

  /** The first number of the entry `index` places from the head. The caller keeps `index` in [0, length). */
  first(index: number): number {
    return this.numbers[2 * ((this.head + index) & this.mask)] as number;
  }

  /** The second number of the entry `index` places from the head. The caller keeps `index` in [0, length). */
  second(index: number): number {
    return this.numbers[2 * ((this.head + index) & this.mask) + 1] as number;
  }

  /** Replaces the first number of the entry `index` places from the head. The caller keeps `index` in range. */
  setFirst(index: number, value: number): void {
    this.numbers[2 * ((this.head + index) & this.mask)] = value;
  }

  /**
   * Removes the head entry (read it first with {@link item}, {@link first}, {@link second}). The caller checks that
   * the ring is not empty. An object item's slot is cleared so the ring does not keep it alive; a number is left in
   * place so a ring of numbers stays in unboxed double elements.
   */
  dropHead(): void {
    const head = this.head;
    if (typeof this.items[head] !== 'number') this.items[head] = undefined;
    this.head = (head + 1) & this.mask;
    this.count--;
  }

  /**
   * Doubles the ring with the entries in order from slot 0: the items by two native slices joined (the elements
   * kind is kept), the numbers by two block copies.
   */
  private grow(): void {
    const size = this.mask + 1;
    const head = this.head;
    const items = this.items;
    this.items = items.slice(head).concat(items.slice(0, head), items);
    // The second half holds stale copies: clear object references (numbers are harmless, see dropHead).
    for (let i = size; i < 2 * size; i++) if (typeof this.items[i] !== 'number') this.items[i] = undefined;
    const numbers = new Float64Array(4 * size);
    numbers.set(this.numbers.subarray(2 * head), 0);
    numbers.set(this.numbers.subarray(0, 2 * head), 2 * (size - head));
    this.numbers = numbers;
    this.head = 0;
    this.mask = 2 * size - 1;
  }
}

/** A packed array of `size` zeros (`new Array(size)` would stay holey for good). */
function packed<T>(size: number): (T | undefined)[] {
  const items: unknown[] = [];
  for (let i = 0; i < size; i++) items.push(0);
  return items as (T | undefined)[];
}
