/**
 * A FIFO queue on a growable ring buffer: O(1) push and shift without the O(n) of `Array.prototype.shift`.
 *
 * Storage. While every item stored is a number, the ring is a `Float64Array`: numbers stay unboxed and the ring
 * doubles with one block copy, whatever its size (a JS array of a hundred thousand doubles takes tens of
 * milliseconds to copy and collect; a typed array well under one). The first item that is not a number moves the
 * ring, once, to a packed JS array, which then doubles by one native `concat`.
 *
 * @module
 */

const INITIAL_SIZE = 16;

/** FIFO queue with O(1) `push`, `shift` and indexed `peek`. */
export class RingQueue<T> {
  /** The ring while it holds only numbers. */
  private values = new Float64Array(INITIAL_SIZE);
  /** The ring once an item that is not a number has been stored (then `values` is no longer used). */
  private items: (T | undefined)[] | null = null;
  private head = 0;
  private count = 0;
  /** Ring size − 1 (the size is a power of two). */
  private mask = INITIAL_SIZE - 1;

  /** Number of items queued. */
  get length(): number {
    return this.count;
  }

  /** Adds an item at the tail. */
  push(item: T): void {
    if (this.count > this.mask) this.grow();
    this.store((this.head + this.count) & this.mask, item);
    this.count++;
  }

  /** Removes and returns the head, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    return this.removeHead();
  }

  /**
   * Removes and returns the head, like {@link shift}, but throws a RangeError when the queue is empty instead of
   * returning undefined. For callers that check {@link length} first: the result is always a `T`, which lets V8
   * keep numbers unboxed.
   */
  take(): T {
    if (this.count === 0) throw new RangeError('RingQueue.take: the queue is empty');
    return this.removeHead();
  }

  /** The item `index` places from the head (0 = head), or undefined. */
  peek(index = 0): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.load((this.head + index) & this.mask);
  }

  /** Replaces the item `index` places from the head. */
  set(index: number, item: T): void {
    if (index < 0 || index >= this.count) throw new RangeError(`RingQueue.set: index ${index} out of range`);
    this.store((this.head + index) & this.mask, item);
  }

  /** Removes every item. */
  clear(): void {
    this.values = new Float64Array(INITIAL_SIZE);
    this.items = null;
    this.head = 0;
    this.count = 0;
    this.mask = INITIAL_SIZE - 1;
  }

  /** Iterates head to tail. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.load((this.head + i) & this.mask);
  }

  private load(slot: number): T {
    const items = this.items;
    return items !== null ? (items[slot] as T) : (this.values[slot] as T & number);
  }

  private store(slot: number, item: T): void {
    const items = this.items;
    if (items !== null) items[slot] = item;
    else if (typeof item === 'number') this.values[slot] = item;
    else this.toItems()[slot] = item;
  }

  /**
   * The head, removed. An object's slot is overwritten with 0 so the queue does not keep it alive (0 keeps the
   * array's elements kind; `undefined` would turn an array that also holds numbers generic).
   */
  private removeHead(): T {
    const head = this.head;
    const items = this.items;
    let item: T;
    if (items !== null) {
      item = items[head] as T;
      items[head] = 0 as T;
    } else {
      item = this.values[head] as T & number;
    }
    this.head = (head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Doubles the ring (called when it is full). */
  private grow(): void {
    const size = this.mask + 1;
    const head = this.head;
    const items = this.items;
    if (items === null) {
      // One block copy each side of the wrap, in queue order from slot 0.
      const values = new Float64Array(2 * size);
      values.set(this.values.subarray(head), 0);
      values.set(this.values.subarray(0, head), size - head);
      this.values = values;
      this.head = 0;
    } else {
      // `concat` lays the ring out twice, so the queue, read from `head`, is already contiguous and `head` stays;
      // the second copy of each entry is then overwritten with 0 (native fills, no loop over the items).
      const next = items.concat(items);
      next.fill(0 as T, 0, head);
      next.fill(0 as T, head + size, 2 * size);
      this.items = next;
    }
    this.mask = 2 * size - 1;
  }

  /** Moves the ring to a JS array (once, at the first item that is not a number) and returns it. */
  private toItems(): (T | undefined)[] {
    const items: (T | undefined)[] = [];
    const values = this.values;
    for (let i = 0; i <= this.mask; i++) items.push(values[i] as T & number);
    this.items = items;
    this.values = new Float64Array(0);
    return items;
  }
}
