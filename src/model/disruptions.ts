/**
 * Disruptions and operating windows: `scenario.disruptions` close or slow a hub, link or service for a window; a
 * service outside its start and end dates counts as closed. Closing a hub closes its gate, its gauge-change tracks
 * and its lock; closing a link its gate; every change updates the closure state route choice reads.
 *
 * @module
 */
import { parseIsoUtc, RETURN_SUFFIX } from '../scenario/index.js';
import { closeLock, openLock } from './locks.js';
import type { HubRuntime, LinkRuntime, ModelState, ServiceRuntime } from './runtime.js';

export function scheduleDisruptions(m: ModelState): void {
  const sim = m.sim;
  const end = m.calendar.endHour;
  const window = (startHour: number, endHour: number, on: () => void, off: () => void) => {
    const from = Math.max(0, startHour);
    const to = Math.min(end, endHour);
    if (!(to > from)) return;
    sim.scheduleAt(from, on);
    if (to < end) sim.scheduleAt(to, off);
  };
  for (const d of m.scenario.disruptions) {
    const path = `disruptions[${d.id}]`;
    const startHour = m.calendar.hourOf(parseIsoUtc(`${path}.start`, d.start));
    const endHour = m.calendar.hourOf(parseIsoUtc(`${path}.end`, d.end));
    const { kind, id } = d.element;
    if (d.effect.kind === 'close') {
      window(
        startHour,
        endHour,
        () => setClosed(m, kind, id, +1),
        () => setClosed(m, kind, id, -1),
      );
    } else {
      const factor = d.effect.factor;
      const targets = slowTargets(m, kind, id);
      window(
        startHour,
        endHour,
        () => {
          for (const t of targets) t.slow *= factor;
        },
        () => {
          for (const t of targets) t.slow /= factor;
        },
      );
    }
  }
  // Services outside their operating dates count as closed for route choice.
  for (const service of m.services.values()) {
    if (service.net.direction !== 'outbound') continue;
    const id = service.net.baseId;
    if (service.fromHour > 0) {
      markClosed(m, m.closedServices, id, +1);
      if (service.fromHour < end) sim.scheduleAt(service.fromHour, () => markClosed(m, m.closedServices, id, -1));
    }
    if (service.toHour < end) {
      sim.scheduleAt(Math.max(0, service.toHour), () => markClosed(m, m.closedServices, id, +1));
    }
  }
}

export function runsOf(m: ModelState, serviceId: string): ServiceRuntime[] {
  if (serviceId.endsWith(RETURN_SUFFIX)) {
    const only = m.services.get(serviceId);
    return only ? [only] : [];
  }
  return [m.services.get(serviceId), m.services.get(`${serviceId}${RETURN_SUFFIX}`)].filter(
    (s): s is ServiceRuntime => s !== undefined,
  );
}

export function slowTargets(m: ModelState, kind: 'hub' | 'link' | 'service', id: string): { slow: number }[] {
  if (kind === 'hub') return [m.hubs.get(id) as HubRuntime];
  if (kind === 'link') return [m.links.get(id) as LinkRuntime];
  return runsOf(m, id);
}

export function setClosed(m: ModelState, kind: 'hub' | 'link' | 'service', id: string, delta: 1 | -1): void {
  if (kind === 'hub') {
    const hub = m.hubs.get(id) as HubRuntime;
    hub.closed += delta;
    // (Its cranes know the closure in advance: see hubRuntime.) Its gauge-change tracks and its lock close for
    // everyone, background traffic included; vehicles held at the gate pass after they have reopened.
    if (delta > 0 && hub.closed === 1) {
      hub.gate.close();
      hub.gauge?.setServers(0);
      if (hub.lock) closeLock(m, hub.lock);
    } else if (delta < 0 && hub.closed === 0) {
      if (hub.lock) openLock(m, hub.lock);
      hub.gauge?.setServers(hub.tracks);
      hub.gate.open();
    }
    markClosed(m, m.closedHubs, id, delta);
  } else if (kind === 'link') {
    const link = m.links.get(id) as LinkRuntime;
    link.closed += delta;
    if (delta > 0 && link.closed === 1) link.gate.close();
    else if (delta < 0 && link.closed === 0) link.gate.open();
    markClosed(m, m.closedLinks, id, delta);
  } else {
    for (const run of runsOf(m, id)) run.closed += delta;
    markClosed(m, m.closedServices, id, delta);
  }
}

export function markClosed(m: ModelState, map: Map<string, number>, id: string, delta: number): void {
  const depth = (map.get(id) ?? 0) + delta;
  if (depth > 0) map.set(id, depth);
  else map.delete(id);
  const hubs = new Set(m.closedHubs.keys());
  const services = new Set(m.closedServices.keys());
  const links = new Set(m.closedLinks.keys());
  const key =
    hubs.size + services.size + links.size === 0
      ? ''
      : `h:${[...hubs].sort().join(',')}|s:${[...services].sort().join(',')}|l:${[...links].sort().join(',')}`;
  m.closureState = { hubs, services, links, key };
}
