/**
 * The empty-container KPIs of a run (`RunResult.empties`): loaded and empty TEU by corridor and direction and by
 * service, empty shares, empty TEU-km, the cost of repositioning and leasing, and the bookings that waited for boxes,
 * per pool. Built from the accumulators of `empties.ts` and the corridors' loaded TEU (`ledger.ts`), in a fixed key
 * order.
 *
 * @module
 */
import type { Direction } from './demand.js';
import type { BoxPoolResult, CorridorEmptiesResult, EmptiesResult, EmptyShareResult } from './result.js';
import { DIRECTIONS, type EmptiesRuntime, type ModelState, type Part } from './runtime.js';

function share(loadedTeu: number, emptyTeu: number): number {
  const total = loadedTeu + emptyTeu;
  return total > 0 ? emptyTeu / total : 0;
}

/** The empties section of the result (undefined without box pools). */
export function emptiesResult(m: ModelState): EmptiesResult | undefined {
  const e = m.empties;
  if (e === undefined) return undefined;
  const byKey = (a: string, b: string) => a.localeCompare(b);

  const corridors: EmptiesResult['corridors'] = {};
  const totals = {
    loadedTeu: 0,
    emptyTeu: 0,
    emptyShare: 0,
    emptyTeuKm: 0,
    repositionCostUsd: 0,
    leaseCostUsd: 0,
    bookingsWaitedForBoxes: 0,
    emptyKgCo2eWtw: 0,
    emptyKgCo2eTtw: 0,
  };
  for (const [key, acc] of [...m.corridorAcc.entries()].sort(([a], [b]) => byKey(a, b))) {
    const entry: Partial<Record<Direction, CorridorEmptiesResult>> = {};
    DIRECTIONS.forEach((direction, d) => {
      let loadedTeu = 0;
      for (const teu of acc.byMonth[d as 0 | 1 | 2]) loadedTeu += teu;
      const empty = e.byCorridor.get(`${key}\u0000${direction}`);
      const emptyTeu = empty?.emptyTeu ?? 0;
      if (loadedTeu + emptyTeu <= 0) return;
      entry[direction] = {
        loadedTeu,
        emptyTeu,
        emptyShare: share(loadedTeu, emptyTeu),
        emptyTeuKm: empty?.emptyTeuKm ?? 0,
        repositionCostUsd: empty?.emptyCostUsd ?? 0,
      };
      if (!key.includes('/')) {
        totals.loadedTeu += loadedTeu;
        totals.emptyTeu += emptyTeu;
        totals.emptyTeuKm += empty?.emptyTeuKm ?? 0;
        totals.repositionCostUsd += empty?.emptyCostUsd ?? 0;
      }
    });
    if (Object.keys(entry).length > 0) corridors[key] = entry;
  }
  totals.emptyShare = share(totals.loadedTeu, totals.emptyTeu);

  const services: Record<string, EmptyShareResult> = {};
  for (const s of m.services.values()) {
    const empty = e.byService.get(s.net.id);
    const emptyTeu = empty?.emptyTeu ?? 0;
    if (s.teuLoaded <= 0) continue;
    const loadedTeu = s.teuLoaded - emptyTeu;
    services[s.net.id] = {
      loadedTeu,
      emptyTeu,
      emptyShare: share(loadedTeu, emptyTeu),
      emptyTeuKm: empty?.emptyTeuKm ?? 0,
    };
  }

  const pools: Record<string, BoxPoolResult> = {};
  for (const pool of e.pools) {
    const stockTeuAtEnd: Record<string, number> = {};
    let waitingForBoxTeuAtEnd = 0;
    for (const stock of pool.stockList) {
      if (stock.stockTeu > 1e-9) stockTeuAtEnd[stock.hub.net.id] = stock.stockTeu;
      for (let i = 0; i < stock.waiting.length; i++) waitingForBoxTeuAtEnd += (stock.waiting.peek(i) as Part).teu;
    }
    pools[pool.id] = {
      id: pool.id,
      corridors: corridorsOf(e, pool.index),
      fleetTeu: pool.fleetTeu,
      bookings: pool.bookings,
      bookingsWaitedForBoxes: pool.bookingsWaited,
      teuWaitedForBoxes: pool.teuWaited,
      boxWaitHours: pool.boxWait.summary(),
      waitingForBoxTeuAtEnd,
      repositionedTeu: pool.repositionedTeu,
      repositionCostUsd: pool.repositionCostUsd,
      leasedTeu: pool.leasedMeasuredTeu,
      leaseCostUsd: pool.leaseCostUsd,
      stockTeuAtEnd,
      emptyKgCo2eWtw: pool.co2eKgWtw,
      emptyKgCo2eTtw: pool.co2eKgTtw,
    };
    totals.leaseCostUsd += pool.leaseCostUsd;
    totals.emptyKgCo2eWtw += pool.co2eKgWtw;
    totals.emptyKgCo2eTtw += pool.co2eKgTtw;
    totals.bookingsWaitedForBoxes += pool.bookingsWaited;
  }
  return { corridors, services, pools, totals };
}

function corridorsOf(e: EmptiesRuntime, index: number): string[] {
  const out: string[] = [];
  for (const [corridor, pool] of e.poolOfCorridor) if (pool.index === index) out.push(corridor);
  return out;
}
