/**
 * The pending-event set of the simulator: a 4-ary min-heap on (time, insertion sequence), so events at equal times
 * pop in the order they were scheduled (FIFO) and every run is reproducible. Four children per node make the heap
 * half as deep as a binary one: a sift-down compares more siblings per level, on adjacent entries, over half the
 * levels.
 *
 * Layout, chosen for speed (see BENCHMARKS.md):
 * - the heap itself is three parallel typed arrays (time, sequence, slot), so a comparison reads two adjacent
 *   doubles and a sift moves numbers, never objects;
 * - the handler and payload of an event live in a slot, recycled through a free list, so scheduling allocates
 *   nothing once the arrays have grown to the peak number of pending events;
 * - cancellation is lazy: the slot is marked and skipped when its heap entry surfaces. When cancelled entries
 *   outnumber live ones the heap is compacted, so memory stays proportional to the live pending events;
 * - removal of the top is deferred: popping leaves a hole at the root, and when the popped event's handler schedules
 *   an event (most do) the new entry fills the hole and sifts down from there, one sift where an immediate removal
 *   (the last entry sifted down from the root) followed by a push (sifted up) would take two. An event due soon,
 *   as most of a model's are, stops near the root. With no push in between, the next pop fills the hole first. The
 *   keys (time, sequence) are unique, so the events pop in exactly the same order either way.
 *
 * An {@link EventId} packs the slot index with the slot's generation, so an id stays valid only while its event
 * is pending: cancelling an event that already ran, or was cancelled, does nothing. The generation also carries the
 * slot's state: it is odd while the slot holds a pending event and even once the event has run or been cancelled
 * (or the slot is free), so one typed array does both jobs.
 *
 * One topic a little over 400 lines: the heap, its slots and its lazy cancellation share the same arrays and must
 * change together.
 *
 * @module
 */
import { CorridorSimError } from '../errors.js';

/** Identifies one scheduled event, e.g. to cancel it (`Simulator.cancel`). */
export type EventId = number;

/** A plain function run at the event's time with the payload given when it was scheduled. */
export type EventHandler<P = unknown> = (payload: P) => void;

const SLOT_BITS = 24;
/** Most events that may be pending at once (16,777,216). */
export const MAX_PENDING_EVENTS = 2 ** SLOT_BITS;
const SLOT_SCALE = 2 ** SLOT_BITS;
/** Generations wrap at 2^29 (a bit mask) so that `generation * 2^24 + slot` stays below 2^53. */
const GENERATION_MASK = 2 ** 29 - 1;

const INITIAL_CAPACITY = 64;
/** Children per heap node. */
const ARITY = 4;

/** A pending event as {@link EventQueue.pending} lists it. */
export interface PendingEvent {
  readonly time: number;
  readonly handler: EventHandler<never>;
  readonly payload: unknown;
}

/** 4-ary min-heap of events keyed by (time, sequence). Used by {@link Simulator}; usable on its own. */
export class EventQueue {
  // Heap entries, parallel arrays indexed by heap position.
  private heapTime = new Float64Array(INITIAL_CAPACITY);
  private heapSeq = new Float64Array(INITIAL_CAPACITY);
  private heapSlot = new Int32Array(INITIAL_CAPACITY);
  private heapSize = 0;
  /**
   * True when position 0 is a hole left by {@link popUntil} (counted in `heapSize`, holding nothing): the next push
   * fills it, anything else first fills it with the last entry ({@link settle}).
   */
  private hole = false;

  // Slots, indexed by slot number. The handler and payload arrays are filled with `undefined` up to capacity so
  // that they stay packed arrays of one elements kind whatever the payloads are.
  private handlers: (EventHandler<never> | undefined)[] = undefinedArray(INITIAL_CAPACITY);
  private payloads: unknown[] = undefinedArray(INITIAL_CAPACITY);
  /** Odd while the slot holds a pending event; even when it is free or its event was cancelled. */
  private slotGeneration = new Int32Array(INITIAL_CAPACITY);
  private freeSlots = new Int32Array(INITIAL_CAPACITY);
  private freeCount = 0;
  private slotCount = 0;

  private nextSeq = 0;
  private cancelledCount = 0;

  // The event removed by the last successful popUntil. `lastTime` starts as a double (NaN): a 0 changed the field's
  // representation at the first pop, a new hidden class each run, which deoptimised `schedule` and its callers.
  private lastTime = Number.NaN;
  private lastPayload: unknown;
  private lastSlot = -1;

  /** Number of live (scheduled, not cancelled) events. */
  get size(): number {
    return this.heapSize - this.cancelledCount - (this.hole ? 1 : 0);
  }

  /** Time of the earliest live event, or `Infinity` when there is none. */
  peekTime(): number {
    if (this.hole) this.settle();
    this.dropCancelledTop();
    return this.heapSize > 0 ? (this.heapTime[0] as number) : Number.POSITIVE_INFINITY;
  }

  /**
   * Adds an event. The caller validates `time` (the {@link Simulator} does); the queue only orders it.
   * @returns an id for {@link cancel}.
   */
  push<P>(time: number, handler: EventHandler<P>, payload: P): EventId {
    const slot = this.allocateSlot();
    this.handlers[slot] = handler as EventHandler<never>;
    this.payloads[slot] = payload;
    const generation = ((this.slotGeneration[slot] as number) + 1) & GENERATION_MASK; // even → odd: pending
    this.slotGeneration[slot] = generation;

    if (this.hole) {
      // The root is free: the new entry sifts down from there (see the module comment).
      this.hole = false;
      this.siftDown(0, time, this.nextSeq++, slot);
    } else {
      if (this.heapSize === this.heapTime.length) this.growHeap();
      this.siftUp(this.heapSize++, time, this.nextSeq++, slot);
    }
    return generation * SLOT_SCALE + slot;
  }

  /**
   * If the earliest live event's time is ≤ `until`, removes it and returns its handler; its time, payload and id
   * are then {@link poppedTime}, {@link poppedPayload} and {@link poppedId}. Otherwise leaves the queue as it is
   * and returns undefined. One call per event on the simulator's hot path.
   *
   * The event's slot is released before its handler runs, so the handler may schedule freely. Its heap entry leaves
   * a hole at the root for the next push to fill (see the module comment).
   */
  popUntil(until: number): EventHandler<unknown> | undefined {
    if (this.hole) this.settle();
    if (this.cancelledCount > 0) this.dropCancelledTop();
    if (this.heapSize === 0) return undefined;
    const time = this.heapTime[0] as number;
    if (time > until) return undefined;
    const slot = this.heapSlot[0] as number;
    this.lastTime = time;
    this.lastSlot = slot;
    this.lastPayload = this.payloads[slot];
    this.hole = true;
    // Release the slot (inline of releaseSlot for a pending slot). The handler reference is left in place: handlers
    // are long-lived functions and the next push overwrites it; the payload is cleared so it can be collected.
    this.payloads[slot] = undefined;
    this.slotGeneration[slot] = ((this.slotGeneration[slot] as number) + 1) & GENERATION_MASK; // odd → even
    if (this.freeCount === this.freeSlots.length) this.growFreeList();
    this.freeSlots[this.freeCount++] = slot;
    return this.handlers[slot] as EventHandler<unknown>;
  }

  /** Time of the event removed by the last successful {@link popUntil} (NaN before the first). */
  get poppedTime(): number {
    return this.lastTime;
  }

  /** Payload of the event removed by the last successful {@link popUntil}. */
  get poppedPayload(): unknown {
    return this.lastPayload;
  }

  /**
   * Id of the event removed by the last successful {@link popUntil}, computed on demand (for tracing). Valid until
   * the next push, which may reuse the slot.
   */
  get poppedId(): EventId {
    const slot = this.lastSlot;
    return (((this.slotGeneration[slot] as number) - 1) & GENERATION_MASK) * SLOT_SCALE + slot;
  }

  /**
   * Removes the earliest live event into `out` (a reusable holder). Returns false, leaving `out` as it was, when
   * the queue is empty.
   */
  popInto(out: PoppedEvent): boolean {
    const handler = this.popUntil(Number.POSITIVE_INFINITY);
    if (handler === undefined) return false;
    out.time = this.lastTime;
    out.id = this.poppedId;
    out.handler = handler;
    out.payload = this.lastPayload;
    return true;
  }

  /** True while the event is scheduled and not cancelled. */
  isPending(id: EventId): boolean {
    const slot = this.liveSlotOf(id);
    return slot >= 0;
  }

  /**
   * Cancels a pending event. Returns true if it was pending (it will not run), false if it already ran, was
   * cancelled before, or never existed.
   */
  cancel(id: EventId): boolean {
    const slot = this.liveSlotOf(id);
    if (slot < 0) return false;
    if (this.hole) this.settle(); // compaction below walks the heap
    this.slotGeneration[slot] = ((this.slotGeneration[slot] as number) + 1) & GENERATION_MASK; // odd → even
    this.handlers[slot] = undefined;
    this.payloads[slot] = undefined;
    this.cancelledCount++;
    if (this.cancelledCount > 32 && this.cancelledCount * 2 > this.heapSize) this.compact();
    return true;
  }

  /** Removes every event. Ids handed out before stay invalid. */
  clear(): void {
    if (this.hole) this.settle();
    for (let i = 0; i < this.heapSize; i++) this.releaseSlot(this.heapSlot[i] as number);
    this.heapSize = 0;
    this.cancelledCount = 0;
  }

  /**
   * The live pending events, in the order they would run (time, then scheduling order), with their handlers and
   * payloads: a read-only snapshot (e.g. to save what is under way when a run stops). Not for the hot path.
   */
  pending(): PendingEvent[] {
    if (this.hole) this.settle();
    const out: { time: number; seq: number; handler: EventHandler<never>; payload: unknown }[] = [];
    for (let i = 0; i < this.heapSize; i++) {
      const slot = this.heapSlot[i] as number;
      const handler = this.handlers[slot];
      if (((this.slotGeneration[slot] as number) & 1) === 0 || handler === undefined) continue;
      out.push({
        time: this.heapTime[i] as number,
        seq: this.heapSeq[i] as number,
        handler,
        payload: this.payloads[slot],
      });
    }
    out.sort((a, b) => a.time - b.time || a.seq - b.seq);
    return out.map(({ time, handler, payload }) => ({ time, handler, payload }));
  }

  /** Bytes held by the typed arrays (for memory reports; excludes payload objects). */
  get allocatedBytes(): number {
    return (
      this.heapTime.byteLength +
      this.heapSeq.byteLength +
      this.heapSlot.byteLength +
      this.slotGeneration.byteLength +
      this.freeSlots.byteLength +
      this.handlers.length * 16
    );
  }

  private liveSlotOf(id: EventId): number {
    if (!Number.isInteger(id) || id < 0) return -1;
    const slot = id % SLOT_SCALE;
    const generation = (id - slot) / SLOT_SCALE;
    if (slot >= this.slotCount) return -1;
    // A pending slot's generation is odd, so an even generation in an id (never handed out) matches nothing.
    if ((generation & 1) === 0 || this.slotGeneration[slot] !== generation) return -1;
    return slot;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    const slot = this.slotCount;
    if (slot >= MAX_PENDING_EVENTS) {
      throw new CorridorSimError(`event queue: more than ${MAX_PENDING_EVENTS} events pending at once`);
    }
    if (slot === this.slotGeneration.length) this.growSlots();
    this.slotCount++;
    return slot;
  }

  /** Frees the slot of an event that leaves the heap without running (cancelled, or removed by clear). */
  private releaseSlot(slot: number): void {
    const generation = this.slotGeneration[slot] as number;
    if ((generation & 1) === 0) {
      this.cancelledCount--; // cancel() already made the generation even
    } else {
      this.slotGeneration[slot] = (generation + 1) & GENERATION_MASK;
    }
    this.handlers[slot] = undefined;
    this.payloads[slot] = undefined;
    if (this.freeCount === this.freeSlots.length) this.growFreeList();
    this.freeSlots[this.freeCount++] = slot;
  }

  private growFreeList(): void {
    const grown = new Int32Array(this.freeSlots.length * 2);
    grown.set(this.freeSlots);
    this.freeSlots = grown;
  }

  private dropCancelledTop(): void {
    while (this.heapSize > 0 && ((this.slotGeneration[this.heapSlot[0] as number] as number) & 1) === 0) {
      const slot = this.heapSlot[0] as number;
      this.removeTop();
      this.releaseSlot(slot);
    }
  }

  /** Fills the hole at the root left by the last pop with the last entry. */
  private settle(): void {
    this.hole = false;
    this.removeTop();
  }

  /** Removes heap position 0 (the caller releases its slot). */
  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) {
      this.siftDown(0, this.heapTime[last] as number, this.heapSeq[last] as number, this.heapSlot[last] as number);
    }
  }

  /** Places (time, seq, slot) at or above position `pos`, moving larger parents down. */
  private siftUp(pos: number, time: number, seq: number, slot: number): void {
    const hTime = this.heapTime;
    const hSeq = this.heapSeq;
    const hSlot = this.heapSlot;
    while (pos > 0) {
      const parent = ((pos - 1) / ARITY) | 0;
      const pTime = hTime[parent] as number;
      if (pTime < time || (pTime === time && (hSeq[parent] as number) < seq)) break;
      hTime[pos] = pTime;
      hSeq[pos] = hSeq[parent] as number;
      hSlot[pos] = hSlot[parent] as number;
      pos = parent;
    }
    hTime[pos] = time;
    hSeq[pos] = seq;
    hSlot[pos] = slot;
  }

  /** Places (time, seq, slot) at or below position `pos`, moving smaller children up. */
  private siftDown(pos: number, time: number, seq: number, slot: number): void {
    const hTime = this.heapTime;
    const hSeq = this.heapSeq;
    const hSlot = this.heapSlot;
    const size = this.heapSize;
    for (;;) {
      const first = ARITY * pos + 1;
      if (first >= size) break;
      // The smallest of the (up to ARITY) children.
      let child = first;
      let cTime = hTime[first] as number;
      let cSeq = hSeq[first] as number;
      const end = first + ARITY < size ? first + ARITY : size;
      for (let c = first + 1; c < end; c++) {
        const t = hTime[c] as number;
        if (t < cTime || (t === cTime && (hSeq[c] as number) < cSeq)) {
          child = c;
          cTime = t;
          cSeq = hSeq[c] as number;
        }
      }
      if (time < cTime || (time === cTime && seq < cSeq)) break;
      hTime[pos] = cTime;
      hSeq[pos] = cSeq;
      hSlot[pos] = hSlot[child] as number;
      pos = child;
    }
    hTime[pos] = time;
    hSeq[pos] = seq;
    hSlot[pos] = slot;
  }

  /** Drops every cancelled entry and re-heapifies (O(n)); keeps memory proportional to live events. */
  private compact(): void {
    let kept = 0;
    for (let i = 0; i < this.heapSize; i++) {
      const slot = this.heapSlot[i] as number;
      if (((this.slotGeneration[slot] as number) & 1) === 0) {
        this.releaseSlot(slot);
        continue;
      }
      this.heapTime[kept] = this.heapTime[i] as number;
      this.heapSeq[kept] = this.heapSeq[i] as number;
      this.heapSlot[kept] = slot;
      kept++;
    }
    this.heapSize = kept;
    for (let i = Math.floor((kept - 2) / ARITY); i >= 0; i--) {
      this.siftDown(i, this.heapTime[i] as number, this.heapSeq[i] as number, this.heapSlot[i] as number);
    }
  }

  private growHeap(): void {
    const capacity = this.heapTime.length * 2;
    const time = new Float64Array(capacity);
    time.set(this.heapTime);
    const seq = new Float64Array(capacity);
    seq.set(this.heapSeq);
    const slot = new Int32Array(capacity);
    slot.set(this.heapSlot);
    this.heapTime = time;
    this.heapSeq = seq;
    this.heapSlot = slot;
  }

  private growSlots(): void {
    const capacity = this.slotGeneration.length * 2;
    const generation = new Int32Array(capacity);
    generation.set(this.slotGeneration);
    this.slotGeneration = generation;
    for (let i = this.handlers.length; i < capacity; i++) {
      this.handlers.push(undefined);
      this.payloads.push(undefined);
    }
  }
}

/** A packed array of `length` undefined values (`new Array(length)` would be holey). */
function undefinedArray<T>(length: number): (T | undefined)[] {
  const array: (T | undefined)[] = [];
  for (let i = 0; i < length; i++) array.push(undefined);
  return array;
}

/** Reusable holder filled by {@link EventQueue.popInto}. */
export interface PoppedEvent {
  time: number;
  id: EventId;
  handler: EventHandler<unknown>;
  payload: unknown;
}
