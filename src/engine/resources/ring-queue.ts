/**
 * A FIFO queue on a growable ring buffer: O(1) push and shift without the O(n) of `Array.prototype.shift`.
 *
 * @module
 */

/** FIFO queue with O(1) `push`, `shift` and indexed `peek`. */
export class RingQueue<T> {
  private items: (T | undefined)[] = storage(16);
  private head = 0;
  private count = 0;

  /** Number of items queued. */
  get length(): number {
    return this.count;
  }

  /** Adds an item at the tail. */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    this.count++;
  }

  /** Removes and returns the head, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    // Clear the slot so the queue does not keep a shifted object alive. Numbers are left in place: writing
    // `undefined` would turn an all-number array into a generic one that boxes every double it stores.
    if (typeof item !== 'number') this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return item;
  }

  /**
   * Removes and returns the head, like {@link shift}, but throws a RangeError when the queue is empty instead of
   * returning undefined. For callers that check {@link length} first: the result is always a `T`, which lets V8
   * keep numbers unboxed.
   */
  take(): T {
    if (this.count === 0) throw new RangeError('RingQueue.take: the queue is empty');
    const item = this.items[this.head] as T;
    if (typeof item !== 'number') this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return item;
  }

  /** The item `index` places from the head (0 = head), or undefined. */
  peek(index = 0): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.head + index) & (this.items.length - 1)];
  }

  /** Replaces the item `index` places from the head. */
  set(index: number, item: T): void {
    if (index < 0 || index >= this.count) throw new RangeError(`RingQueue.set: index ${index} out of range`);
    this.items[(this.head + index) & (this.items.length - 1)] = item;
  }

  /** Removes every item. */
  clear(): void {
    this.items = storage(16);
    this.head = 0;
    this.count = 0;
  }

  /** Iterates head to tail. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) & (this.items.length - 1)] as T;
  }

  /**
   * Doubles the storage with one native copy: `items.concat(items)` keeps the elements kind (packed doubles stay
   * unboxed) and lays the ring out twice, so the queue, read from `head`, is already contiguous in the new storage
   * and `head` stays where it is. The second copy of each item outside the queue is cleared, unless it is a number,
   * so the queue keeps no extra reference to an object alive (numbers are left, as in {@link shift}).
   */
  private grow(): void {
    const items = this.items;
    const size = items.length;
    const next = items.concat(items);
    const head = this.head;
    for (let i = 0; i < head; i++) if (typeof next[i] !== 'number') next[i] = undefined;
    for (let i = head + size; i < 2 * size; i++) if (typeof next[i] !== 'number') next[i] = undefined;
    this.items = next;
  }
}

/**
 * Ring storage of `size` entries, filled with 0 instead of left as holes (`new Array(size)` stays holey for good):
 * V8 then keeps a queue of numbers in packed double elements (unboxed doubles, no hole checks) and a queue of
 * objects in packed elements.
 */
function storage<T>(size: number): (T | undefined)[] {
  const items: unknown[] = [];
  for (let i = 0; i < size; i++) items.push(0);
  return items as (T | undefined)[];
}
