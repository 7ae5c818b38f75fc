/**
 * `corridor-sim network`: prints a scenario's network as GeoJSON.
 *
 * @module
 */
import { buildNetwork } from '../../network/build.js';
import { parseOptions, UsageError } from '../args.js';
import { type Command, scenarioFrom } from './options.js';

/** `corridor-sim network`. */
export const networkCommand: Command = {
  help: `corridor-sim network [scenario.json] --geojson

Prints the scenario's network as GeoJSON (hubs as points, services and links as lines with their attributes), for
QGIS or geojson.io.`,
  async run(args, io) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { geojson: { type: 'boolean', default: false } },
    });
    if (!values.geojson) throw new UsageError('--geojson is required (the only output format so far)');
    const scenario = scenarioFrom(positionals[0]);
    io.out(JSON.stringify(buildNetwork(scenario).toGeoJSON()));
  },
};
