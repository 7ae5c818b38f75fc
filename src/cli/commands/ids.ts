/**
 * `corridor-sim ids`: the ids a scenario file's changes refer to (hubs, links, services, flows, corridors), with
 * their names, so a planner can write changes without reading the data files.
 *
 * @module
 */
import { RETURN_SUFFIX } from '../../scenario/constants.js';
import type { ScenarioSpec } from '../../scenario/types.js';
import { parseOptions, UsageError } from '../args.js';
import { num, table } from '../format.js';
import { type Command, scenarioFrom } from './options.js';

/** The kinds of element `ids` lists, in the order it prints them. */
export const ID_KINDS = ['hub', 'link', 'service', 'flow', 'corridor'] as const;

/** One listed element. */
export interface IdRow {
  kind: (typeof ID_KINDS)[number];
  id: string;
  name: string;
  /** What else identifies it: a hub's kind and country, a link's ends, a service's stops, a flow's TEU. */
  detail: string;
}

/** Every id of `scenario` that changes may name, with its name and a detail. */
export function scenarioIds(scenario: ScenarioSpec): IdRow[] {
  const hubName = new Map(scenario.hubs.map((h) => [h.id, h.name]));
  const rows: IdRow[] = [];
  for (const hub of scenario.hubs) {
    rows.push({ kind: 'hub', id: hub.id, name: hub.name, detail: `${hub.kind}, ${hub.country}` });
  }
  for (const link of scenario.links) {
    const ends = `${hubName.get(link.from) ?? link.from} – ${hubName.get(link.to) ?? link.to}`;
    rows.push({ kind: 'link', id: link.id, name: ends, detail: `${link.mode}, ${num(link.distanceKm, 0)} km` });
  }
  for (const service of scenario.services) {
    const returns = service.bidirectional === false ? '' : ` (return: ${service.id}${RETURN_SUFFIX})`;
    const corridor =
      service.corridorMode === undefined ? service.corridor : `${service.corridor}/${service.corridorMode}`;
    rows.push({ kind: 'service', id: service.id, name: service.name, detail: `${corridor}${returns}` });
  }
  for (const flow of scenario.demand.flows) {
    const name = `${hubName.get(flow.origin) ?? flow.origin} → ${hubName.get(flow.destination) ?? flow.destination}`;
    rows.push({ kind: 'flow', id: flow.id, name, detail: `${num(flow.teuPerYear, 0)} TEU in ${scenario.baseYear}` });
  }
  const corridors = new Map<string, Set<string>>();
  for (const service of scenario.services) {
    const modes = corridors.get(service.corridor) ?? new Set<string>();
    if (service.corridorMode !== undefined) modes.add(service.corridorMode);
    corridors.set(service.corridor, modes);
  }
  for (const [corridor, modes] of corridors) {
    const detail = modes.size === 0 ? '' : `modes: ${[...modes].join(', ')}`;
    rows.push({ kind: 'corridor', id: corridor, name: corridor, detail });
  }
  return rows;
}

/** `corridor-sim ids`. */
export const idsCommand: Command = {
  help: `corridor-sim ids [scenario.json] [--kind hub|link|service|flow|corridor] [--json]

Lists the ids that scenario changes refer to — hubs, links, services (and their ~return runs), demand flows and
corridors — with their names, for the bundled scenario or a scenario file.

Options:
  --kind K             only this kind of element
  --json               print JSON (a list of { kind, id, name, detail })
  -h, --help           this help`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { kind: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
    const kind = values.kind;
    if (kind !== undefined && !(ID_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind: "${kind}" is not one of ${ID_KINDS.join(', ')}`);
    }
    const rows = scenarioIds(scenarioFrom(positionals[0])).filter((row) => kind === undefined || row.kind === kind);
    if (values.json) {
      io.out(JSON.stringify(rows, null, 2));
      return;
    }
    io.out(
      table(
        ['kind', 'id', 'name', 'detail'],
        rows.map((r) => [r.kind, r.id, r.name, r.detail]),
        4,
      ),
    );
  },
};
