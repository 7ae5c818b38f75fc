/**
 * Recycling of parts and bookings (src/model/recycling.ts): at the end of a run, no spare part or booking is one the
 * model still holds (in an event, on a vehicle, in a departure queue, waiting for boxes), every spare is spare once,
 * and every booking a live part belongs to still has parts open. The bundled scenario with the example disruptions
 * (closures, so re-routing and gates take part) over a third of a year, stopped while cargo is everywhere.
 */
import { describe, expect, it } from 'vitest';
import { chongqingExampleDisruptions, chongqingScenario } from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';
import type { ModelState, Part, Shipment, Trip } from '../../src/model/runtime.js';

function liveParts(m: ModelState): Part[] {
  const parts: Part[] = [];
  const onTrip = (trip: Trip) => {
    for (const bucket of trip.cargo) for (const part of bucket ?? []) parts.push(part);
  };
  for (const event of m.sim.pendingList()) {
    const handler = event.handler as unknown;
    if (handler === m.onPartCleared) parts.push(event.payload as Part);
    else if (handler === m.onArrive) onTrip(event.payload as Trip);
    else if (m.carry !== undefined && handler === m.carry.onArrival) parts.push(...(event.payload as Part[]));
  }
  for (const trip of m.trips) onTrip(trip);
  for (const service of m.services.values()) {
    for (const queue of service.queues) for (const entry of queue.entries()) parts.push(entry.item);
  }
  for (const pool of m.empties?.pools ?? []) {
    for (const stock of pool.stockList) for (const part of stock.waiting) parts.push(part);
  }
  return parts;
}

describe('recycled parts and bookings', () => {
  it('are never ones the model still holds', () => {
    const base = chongqingScenario();
    const scenario = { ...base, disruptions: [...(base.disruptions ?? []), ...chongqingExampleDisruptions(2025)] };
    const model = new CorridorModel(scenario, { seed: 3, startDate: '2025-01-01', years: 0.35 });
    model.run();
    const m = (model as unknown as { state: ModelState }).state;
    const spareParts = new Set(m.spareParts);
    const spareShipments = new Set<Shipment>(m.spareShipments);
    // Recycling took place, and nothing was released twice.
    expect(spareParts.size).toBeGreaterThan(100);
    expect(spareShipments.size).toBeGreaterThan(100);
    expect(spareParts.size).toBe(m.spareParts.length);
    expect(spareShipments.size).toBe(m.spareShipments.length);

    const live = liveParts(m);
    expect(live.length).toBeGreaterThan(1000);
    for (const part of live) {
      expect(spareParts.has(part)).toBe(false);
      const owner = part.shipment.booking ?? part.shipment;
      expect(spareShipments.has(part.shipment)).toBe(false);
      expect(spareShipments.has(owner)).toBe(false);
      expect(owner.openParts).toBeGreaterThan(0);
    }
  });
});
