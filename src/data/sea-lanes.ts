/**
 * A small sea-lane network for drawing sea legs on the corridor map: waypoints on open water along the usual
 * container routes of the South and East China Seas, the Gulf of Thailand, the Singapore and Malacca Straits and the
 * Java Sea, and which waypoint each bundled port is reached from.
 *
 * Source: E (estimate) — waypoints placed by hand on open water between the coasts of Natural Earth 1:50m, along the
 * routes that AIS density maps of the region show (Beibu Gulf west of Hainan or through the Qiongzhou Strait, off
 * the Vietnamese coast, across the South China Sea to the Singapore Strait, Gaspar Strait to Jakarta). For drawing
 * only: distances and transit times come from the scenario's links, never from these lines; not for navigation.
 *
 * @module
 */

/** A waypoint: `[longitude, latitude]` in degrees. */
export type SeaLanePoint = readonly [number, number];

/** The network: waypoints by id, lanes between them (undirected), and the waypoint each port is reached from. */
export interface SeaLaneNetwork {
  readonly source: string;
  readonly waypoints: Readonly<Record<string, SeaLanePoint>>;
  readonly lanes: readonly (readonly [string, string])[];
  /** Hub id → the waypoints a ship leaving or reaching it uses (ports not listed use the nearest waypoint). */
  readonly access: Readonly<Record<string, readonly string[]>>;
}

/** The bundled sea lanes of the Chongqing scenario's sea services (see the module note for what they are). */
export const SEA_LANES: SeaLaneNetwork = {
  source: 'E: hand-placed open-water waypoints along the usual container routes; drawing only, not navigation',
  waypoints: {
    'beibu-gulf': [108.2, 20.8],
    'haiphong-off': [107.3, 20.5],
    'tonkin-south': [107.6, 18.0],
    'qiongzhou-west': [109.6, 20.2],
    'qiongzhou-east': [110.7, 20.1],
    'hainan-south': [110.6, 17.4],
    'vietnam-central': [109.8, 15.5],
    'vietnam-south-east': [109.7, 12.0],
    'vung-tau-off': [107.5, 10.0],
    'con-son': [106.5, 8.2],
    'ca-mau-off': [104.2, 7.8],
    'gulf-of-thailand': [101.8, 11.0],
    'south-china-sea-south': [105.8, 4.0],
    'singapore-strait-east': [104.5, 1.35],
    'singapore-strait-west': [103.5, 1.15],
    'malacca-strait': [102.3, 1.8],
    'port-klang-off': [101.2, 2.9],
    'riau-east': [105.6, 0.0],
    'gaspar-strait': [107.0, -2.6],
    'java-sea-west': [106.9, -5.6],
    'hong-kong-off': [114.5, 21.8],
    'taiwan-strait-south': [118.6, 23.0],
    'taiwan-strait-north': [120.4, 25.6],
    'east-china-sea': [122.5, 28.5],
    'yangshan-off': [122.6, 30.3],
  },
  lanes: [
    ['beibu-gulf', 'haiphong-off'],
    ['beibu-gulf', 'tonkin-south'],
    ['beibu-gulf', 'qiongzhou-west'],
    ['haiphong-off', 'tonkin-south'],
    ['qiongzhou-west', 'qiongzhou-east'],
    ['qiongzhou-east', 'hong-kong-off'],
    ['tonkin-south', 'vietnam-central'],
    ['hainan-south', 'vietnam-central'],
    ['hainan-south', 'hong-kong-off'],
    ['vietnam-central', 'vietnam-south-east'],
    ['vietnam-south-east', 'vung-tau-off'],
    ['vietnam-south-east', 'south-china-sea-south'],
    ['vung-tau-off', 'con-son'],
    ['con-son', 'ca-mau-off'],
    ['con-son', 'south-china-sea-south'],
    ['ca-mau-off', 'gulf-of-thailand'],
    ['south-china-sea-south', 'singapore-strait-east'],
    ['singapore-strait-east', 'singapore-strait-west'],
    ['singapore-strait-west', 'malacca-strait'],
    ['malacca-strait', 'port-klang-off'],
    ['singapore-strait-east', 'riau-east'],
    ['riau-east', 'gaspar-strait'],
    ['gaspar-strait', 'java-sea-west'],
    ['hong-kong-off', 'taiwan-strait-south'],
    ['taiwan-strait-south', 'taiwan-strait-north'],
    ['taiwan-strait-north', 'east-china-sea'],
    ['east-china-sea', 'yangshan-off'],
  ],
  access: {
    qinzhou: ['beibu-gulf'],
    haiphong: ['haiphong-off'],
    'ho-chi-minh-city': ['vung-tau-off'],
    'laem-chabang': ['gulf-of-thailand'],
    singapore: ['singapore-strait-east', 'singapore-strait-west'],
    'port-klang': ['port-klang-off'],
    'tanjung-priok': ['java-sea-west'],
    yangshan: ['yangshan-off'],
    waigaoqiao: ['yangshan-off'],
  },
};
