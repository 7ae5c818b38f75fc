/**
 * The corridor network, built from a scenario (`buildNetwork` validates it with `scenario/`'s `validateScenario`):
 * the multimodal rides graph (graphology), GeoJSON export and routing (shortest routes by time, cost or generalized
 * cost, k-shortest loopless alternatives, all-pairs tables).
 *
 * @module
 */
export {
  buildNetwork,
  CorridorNetwork,
  departuresPerWeek,
  expectedWaitHours,
  type NeighbourDirection,
  type NetworkHub,
  type NetworkLeg,
  type NetworkService,
  type Ride,
  type ServiceDirection,
} from './build.js';
export type {
  GeoJsonFeature,
  GeoJsonFeatureCollection,
  GeoJsonGeometry,
  GeoJsonLineString,
  GeoJsonMultiLineString,
  GeoJsonPoint,
  GeoJsonPosition,
  HubFeatureProperties,
  LinkFeatureProperties,
  NetworkFeatureProperties,
  ServiceFeatureProperties,
} from './geojson.js';
export {
  type Closures,
  type KShortestOptions,
  kShortestRoutes,
  type Route,
  type RouteCriterion,
  type RouteLeg,
  type RouteOptions,
  type RouteTable,
  routeTable,
  shortestRoute,
} from './routing/index.js';
