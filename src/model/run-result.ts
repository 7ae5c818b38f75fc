/**
 * The run's result: conservation and invariants checked (`ledger.ts`), then the KPIs by corridor, flow, service,
 * hub (handling, gauge change, lock) and target, in a fixed key order so a result depends on nothing but the run.
 *
 * @module
 */
import type { CalendarMonth } from './calendar.js';
import type { Direction } from './demand.js';
import { DurationCollector } from './durations.js';
import { emissionsResult } from './emissions-result.js';
import { emptiesResult } from './empties-result.js';
import { byYear, checkInvariants } from './ledger.js';
import { reRoutingResult } from './rerouting.js';
import type { CorridorResult, FlowResult, HubResult, RunResult, ServiceResult, TargetResult } from './result.js';
import { EPS, type FlowAccumulator, type ModelState } from './runtime.js';

/** Checks the invariants (they throw when broken) and builds the run's result. */
export function result(m: ModelState): RunResult {
  const calendar = m.calendar;
  const { hubBacklog, waitingTeu, inTransitTeu, waitingForBoxTeu, emptyMovingTeu, imbalance, conserved } =
    checkInvariants(m);

  // Door-to-door statistics were recorded once per booking, by flow and corridor/mode: merge them (in flow order,
  // keys sorted, so the result does not depend on anything but the run) into corridor and flow totals.
  const corridorDurations = new Map<string, DurationCollector>();
  const flowDurations: DurationCollector[] = [];
  const into = (map: Map<string, DurationCollector>, key: string, from: DurationCollector) => {
    let target = map.get(key);
    if (target === undefined) {
      target = new DurationCollector();
      map.set(key, target);
    }
    target.absorb(from);
  };
  m.flowAcc.forEach((acc) => {
    const total = new DurationCollector();
    for (const [key, collector] of [...acc.doorToDoorByCorridor.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      total.absorb(collector);
      into(corridorDurations, key, collector);
      const slash = key.indexOf('/');
      if (slash > 0) into(corridorDurations, key.slice(0, slash), collector);
    }
    flowDurations.push(total);
  });

  const corridors: Record<string, CorridorResult> = {};
  for (const [key, acc] of [...m.corridorAcc.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const byMonth: Record<string, Record<Direction, number>> = {};
    calendar.months.forEach((month, k) => {
      const e = acc.byMonth[0][k] as number;
      const i = acc.byMonth[1][k] as number;
      const d = acc.byMonth[2][k] as number;
      if (e + i + d > 0) byMonth[month.key] = { export: e, import: i, domestic: d };
    });
    const durations = corridorDurations.get(key) ?? new DurationCollector();
    corridors[key] = {
      key,
      dispatchedTeu: acc.dispatchedTeu,
      deliveredTeu: acc.deliveredTeu,
      costUsdPerTeu: acc.dispatchedTeu > 0 ? acc.costUsd / acc.dispatchedTeu : 0,
      dispatchedTeuByYear: Object.fromEntries(
        [...byYear(m, acc).entries()].sort(([a], [b]) => a - b).map(([y, v]) => [String(y), v]),
      ),
      dispatchedTeuByMonth: byMonth,
      doorToDoorHours: durations.summary(),
      stats: durations.stats(),
    };
  }

  const flows: Record<string, FlowResult> = {};
  m.flows.forEach((flow, i) => {
    const acc = m.flowAcc[i] as FlowAccumulator;
    const durations = flowDurations[i] as DurationCollector;
    flows[flow.spec.id] = {
      id: flow.spec.id,
      origin: flow.spec.origin,
      destination: flow.spec.destination,
      direction: flow.direction,
      bookings: acc.bookings,
      generatedTeu: acc.generatedTeu,
      divertedTeu: acc.divertedTeu,
      dispatchedTeu: acc.dispatchedTeu,
      deliveredTeu: acc.deliveredTeu,
      dispatchedTeuByCorridor: Object.fromEntries([...acc.byCorridor.entries()].sort(([a], [b]) => a.localeCompare(b))),
      doorToDoorHours: durations.summary(),
      doorToDoorHoursByCorridor: Object.fromEntries(
        [...acc.doorToDoorByCorridor.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, v.summary()]),
      ),
      stats: durations.stats(),
    };
  });

  const services: Record<string, ServiceResult> = {};
  for (const s of m.services.values()) {
    if (s.truckIntervalHours > 0) {
      // Trucks: every truck slot in the operating window counts as offered capacity.
      const from = Math.max(calendar.startHour, s.fromHour);
      const to = Math.min(calendar.endHour, s.toHour);
      // Trucks leave at least an interval apart, so at most ⌈window / interval⌉ of them fit in the window.
      s.departures = to > from ? Math.ceil((to - from) / s.truckIntervalHours - EPS) : 0;
      s.capacityOffered = s.departures * s.capacityTeu;
    }
    const legs = s.legLinks.length;
    services[s.net.id] = {
      id: s.net.id,
      corridor: s.net.corridor,
      ...(s.net.corridorMode === undefined ? {} : { corridorMode: s.net.corridorMode }),
      departures: s.departures,
      departuresRun: s.departuresRun,
      teuLoaded: s.teuLoaded,
      capacityOfferedTeu: s.capacityOffered,
      loadFactor: s.capacityOffered > 0 ? s.teuLegs / (s.capacityOffered * legs) : 0,
      maxOnBoardTeu: s.maxOnBoard,
      peakLoadFactorByMonth: byMeasuredMonth((k) => s.peakLoadByMonth[k] as number),
      loadFactorByMonth: byMeasuredMonth((k, _hours, month) => {
        // Trucks: the slots of the month in the operating window, as for the whole period above.
        let capacity = s.capacityByMonth[k] as number;
        if (s.truckIntervalHours > 0) {
          const from = Math.max(calendar.startHour, s.fromHour, month.startHour);
          const to = Math.min(calendar.endHour, s.toHour, month.endHour);
          capacity = to > from ? ((to - from) / s.truckIntervalHours) * s.capacityTeu : 0;
        }
        return capacity > 0 ? Math.min(1, (s.teuLegsByMonth[k] as number) / (capacity * legs)) : 0;
      }),
      capacityTeu: s.capacityTeu,
      splits: s.splits,
      meanWaitForDepartureHours: s.waitForDepartureCount > 0 ? s.waitForDepartureSum / s.waitForDepartureCount : 0,
    };
  }

  const hubs: Record<string, HubResult> = {};
  for (const hub of m.hubs.values()) {
    const result: HubResult = {
      id: hub.net.id,
      handledTeu: hub.handledTeu,
      handlingUtilisation: hub.handling ? hub.handling.utilisation() : 0,
      handlingWaitHours: hub.handlingWait.summary(),
      departureWaitHours: hub.departureWait.summary(),
      backlogTeu: hubBacklog.get(hub.net.id) ?? 0,
    };
    if (hub.gauge) {
      const stats = hub.gauge.stats();
      result.gaugeChange = {
        trains: stats.completed,
        waitHours: hub.gaugeWait.summary(),
        // While the hub is closed the pool has no tracks; utilisation is always of all of them.
        utilisation: hub.closed > 0 ? (stats.meanInSystem - stats.meanQueueLength) / hub.tracks : stats.utilisation,
      };
    }
    if (hub.lock) {
      const lock = hub.lock;
      const openClosure =
        lock.closed > 0 ? Math.max(0, calendar.endHour - Math.max(lock.closedSince, calendar.startHour)) : 0;
      result.lock = {
        vessels: lock.vessels,
        barges: lock.barges,
        waitHours: lock.wait.summary(),
        closures: lock.closures,
        closedHours: lock.closedHours + openClosure,
      };
    }
    const offered: NonNullable<HubResult['offeredLoadByMonth']> = {};
    const cranes = hub.net.spec.handling?.servers ?? 0;
    if (hub.handlingHoursByMonth && cranes > 0) {
      const work = hub.handlingHoursByMonth;
      offered.handling = byMeasuredMonth((k, hours) => (work[k] as number) / (cranes * hours));
    }
    if (hub.gaugeHoursByMonth && hub.tracks > 0) {
      const work = hub.gaugeHoursByMonth;
      offered.gaugeChange = byMeasuredMonth((k, hours) => (work[k] as number) / (hub.tracks * hours));
    }
    if (hub.lock) {
      const { vesselsByMonth, placesByMonth, spec } = hub.lock;
      const one = 2 * spec.vesselsPerLockage;
      offered.lock = byMeasuredMonth((k) => (vesselsByMonth[k] as number) / Math.max(placesByMonth[k] as number, one));
    }
    if (Object.keys(offered).length > 0) result.offeredLoadByMonth = offered;
    hubs[hub.net.id] = result;
  }

  /** A value per month of the measured period (its measured hours > 0), keyed `YYYY-MM`. */
  function byMeasuredMonth(
    value: (k: number, measuredHours: number, month: CalendarMonth) => number,
  ): Record<string, number> {
    const out: Record<string, number> = {};
    calendar.months.forEach((month, k) => {
      const hours = Math.min(month.endHour, calendar.endHour) - Math.max(month.startHour, calendar.startHour);
      if (hours > 1e-9) out[month.key] = value(k, hours, month);
    });
    return out;
  }

  const targets: TargetResult[] = m.scenario.targets.map((target) => {
    const key = target.corridorMode ? `${target.corridor}/${target.corridorMode}` : target.corridor;
    const acc = m.corridorAcc.get(key);
    const simulatedTeu = acc ? (byYear(m, acc).get(target.year) ?? 0) : 0;
    const yearStart = calendar.hourOf(Date.UTC(target.year, 0, 1));
    const yearEnd = calendar.hourOf(Date.UTC(target.year + 1, 0, 1));
    const covered = yearStart >= calendar.startHour - EPS && yearEnd <= calendar.endHour + EPS;
    return {
      id: target.id,
      corridor: key,
      year: target.year,
      targetTeu: target.teu,
      simulatedTeu,
      covered,
      met: covered && simulatedTeu >= target.teu,
    };
  });

  const reRouting = reRoutingResult(m);
  return {
    scenario: m.scenario.name,
    seed: m.seed,
    startDate: calendar.isoAt(calendar.startHour),
    endDate: calendar.isoAt(calendar.endHour),
    warmupDays: m.warmupDays,
    events: m.sim.eventsProcessed,
    conservation: {
      generatedTeu: m.generatedTeu,
      deliveredTeu: m.deliveredTeu,
      inTransitTeu,
      waitingTeu,
      divertedTeu: m.divertedTeu,
      ...(m.carry === undefined ? {} : { carriedInTeu: m.carry.inTeu }),
      imbalanceTeu: imbalance,
      ...(m.empties === undefined ? {} : { waitingForBoxTeu, emptyMovingTeu }),
    },
    corridors,
    flows,
    services,
    hubs,
    targets,
    emissions: emissionsResult(m),
    ...(reRouting === undefined ? {} : { reRouting }),
    ...(m.empties === undefined ? {} : { empties: emptiesResult(m) }),
    invariants: {
      teuConserved: conserved,
      maxLoadFactorOnBoard: m.maxLoadFactorOnBoard,
      timestampsNonDecreasing: m.timestampViolations === 0,
    },
  };
}
