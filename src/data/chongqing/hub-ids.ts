/**
 * Ids of the bundled Chongqing hubs. The order of {@link HUB} is the order of `chongqingScenario().hubs` (the index
 * assembles the hubs by it), so a new hub goes into this list at the place it should take in the scenario. No
 * figures here.
 *
 * @module
 */

/** Ids of the bundled hubs, for scenario changes and queries (`HUB.tuanjiecun` = `'chongqing-tuanjiecun'`). */
export const HUB = {
  // Chongqing (home.ts)
  tuanjiecun: 'chongqing-tuanjiecun',
  guoyuan: 'chongqing-guoyuan',
  cuntan: 'chongqing-cuntan',
  // South: ILSTC (rail-sea, cross-border road, international rail)
  qinzhou: 'qinzhou',
  nanning: 'nanning',
  pingxiang: 'pingxiang',
  dongDang: 'dong-dang',
  hanoi: 'hanoi',
  haiphong: 'haiphong',
  hoChiMinhCity: 'ho-chi-minh-city',
  singapore: 'singapore',
  tanjungPriok: 'tanjung-priok',
  laemChabang: 'laem-chabang',
  bangkok: 'bangkok',
  portKlang: 'port-klang',
  kunming: 'kunming',
  mohan: 'mohan',
  boten: 'boten',
  vientiane: 'vientiane',
  // West / north: CR Express, Northern
  alashankou: 'alashankou',
  khorgos: 'khorgos',
  almaty: 'almaty',
  moscow: 'moscow',
  brest: 'brest',
  malaszewicze: 'malaszewicze',
  duisburg: 'duisburg',
  manzhouli: 'manzhouli',
  zabaikalsk: 'zabaikalsk',
  novosibirsk: 'novosibirsk',
  // East: Yangtze
  threeGorges: 'three-gorges-locks',
  yichang: 'yichang',
  wuhan: 'wuhan',
  nanjing: 'nanjing',
  yangshan: 'yangshan',
  waigaoqiao: 'waigaoqiao',
} as const;
