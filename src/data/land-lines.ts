/**
 * How the bundled rail, road and river links run on the ground, for drawing them on the corridor map: for each link
 * (a pair of hubs), the towns, junctions and river ports its line passes, in order. Without them the map drew a
 * straight line from Chongqing to Alashankou across the Qinghai plateau and from the Three Gorges to Shanghai
 * across Anhui, which no planner reads as the corridor.
 *
 * Source: E (estimate) — the usual alignments of the lines as public railway, road and waterway maps show them
 * (Chongqing–Guiyang–Nanning for the ILSTC trains and trucks; the China–Laos railway by Yuxi, Pu'er and Luang
 * Prabang; the CR Express by Xi'an, Lanzhou, the Hexi Corridor and Urumqi, then the Turksib and the trunk lines
 * by Karaganda, Astana, Chelyabinsk and Samara; Moscow–Minsk–Brest–Warsaw–Berlin; the Trans-Siberian from
 * Zabaikalsk; the Yangtze by its river ports). Coordinates are the towns' positions rounded to 0.01°. For drawing
 * only: distances and transit times come from the scenario's links, never from these lines; a test checks that
 * each drawn line is no longer than its link and not much shorter.
 *
 * @module
 */

/** A point: `[longitude, latitude]` in degrees. */
export type LinePoint = readonly [number, number];

/** The lines: waypoints by id, and for a hub pair `from>to` the waypoints between them (reversed for `to>from`). */
export interface LandLines {
  readonly source: string;
  readonly waypoints: Readonly<Record<string, LinePoint>>;
  readonly legs: Readonly<Record<string, readonly string[]>>;
}

const CHONGQING_GUIYANG = ['qijiang', 'zunyi', 'guiyang'];
const GUIYANG_NANNING_RAIL = ['duyun', 'liuzhou'];
const CHONGQING_XIAN = ['dazhou', 'ankang', 'xian'];
const XIAN_KUYTUN = [
  'baoji',
  'tianshui',
  'lanzhou',
  'wuwei',
  'zhangye',
  'jiayuguan',
  'hami',
  'turpan',
  'urumqi',
  'kuytun',
  'jinghe',
];
const LOCKS_NANJING = [
  'yichang',
  'jingzhou',
  'shishou',
  'chenglingji',
  'honghu',
  'wuhan',
  'huangshi',
  'jiujiang',
  'anqing',
  'tongling',
  'wuhu',
  'nanjing',
];
const NANJING_NANTONG = ['zhenjiang', 'jiangyin', 'nantong'];
const CHONGQING_LOCKS = [
  'changshou',
  'fuling',
  'fengdu',
  'zhongxian',
  'wanzhou',
  'yunyang',
  'fengjie',
  'wushan',
  'badong',
];
const VIENTIANE_KORAT = ['nong-khai', 'udon-thani', 'khon-kaen', 'nakhon-ratchasima', 'kaeng-khoi'];

/** The lines of the bundled Chongqing scenario's rail, road and river links (see the module note). */
export const LAND_LINES: LandLines = {
  source: 'E: usual alignments from public railway, road and waterway maps; drawing only',
  waypoints: {
    // Chongqing to the Beibu Gulf and Vietnam
    qijiang: [106.65, 29.03],
    zunyi: [106.93, 27.7],
    guiyang: [106.63, 26.65],
    duyun: [107.52, 26.26],
    hechi: [108.06, 24.69],
    liuzhou: [109.41, 24.33],
    nanning: [108.32, 22.82],
    chongzuo: [107.36, 22.38],
    'pingxiang-rail': [106.75, 22.1],
    'lang-son': [106.76, 21.85],
    'bac-giang': [106.2, 21.27],
    // Chongqing to Kunming, Laos and Thailand
    liupanshui: [104.85, 26.6],
    qujing: [103.8, 25.49],
    yuxi: [102.54, 24.35],
    puer: [100.97, 22.78],
    jinghong: [100.8, 22.01],
    oudomxay: [101.98, 20.69],
    'luang-prabang': [102.14, 19.89],
    'vang-vieng': [102.45, 18.92],
    'nong-khai': [102.74, 17.88],
    'udon-thani': [102.79, 17.41],
    'khon-kaen': [102.83, 16.44],
    'nakhon-ratchasima': [102.1, 14.97],
    'kaeng-khoi': [100.99, 14.59],
    chachoengsao: [101.07, 13.69],
    // CR Express: China
    dazhou: [107.47, 31.21],
    ankang: [109.03, 32.68],
    xian: [108.94, 34.34],
    baoji: [107.24, 34.36],
    tianshui: [105.72, 34.58],
    lanzhou: [103.83, 36.06],
    wuwei: [102.64, 37.93],
    zhangye: [100.45, 38.93],
    jiayuguan: [98.29, 39.77],
    hami: [93.51, 42.82],
    turpan: [89.19, 42.95],
    urumqi: [87.62, 43.83],
    kuytun: [84.9, 44.43],
    jinghe: [82.9, 44.6],
    sayram: [81.2, 44.55],
    // CR Express: Kazakhstan, Russia, Belarus, Poland, Germany
    aktogay: [79.63, 46.95],
    ushtobe: [77.97, 45.25],
    zharkent: [80.0, 44.16],
    shu: [73.61, 43.6],
    mointy: [73.36, 47.22],
    karaganda: [73.1, 49.81],
    astana: [71.43, 51.13],
    petropavl: [69.15, 54.87],
    kurgan: [65.34, 55.44],
    chelyabinsk: [61.4, 55.16],
    ufa: [55.96, 54.74],
    samara: [50.1, 53.2],
    penza: [45.0, 53.2],
    ryazan: [39.74, 54.63],
    smolensk: [32.05, 54.78],
    orsha: [30.4, 54.51],
    minsk: [27.56, 53.9],
    baranovichi: [26.0, 53.13],
    warsaw: [21.01, 52.23],
    poznan: [16.93, 52.41],
    'frankfurt-oder': [14.55, 52.34],
    berlin: [13.4, 52.52],
    hannover: [9.73, 52.37],
    dortmund: [7.47, 51.51],
    // Northern: China to Manzhouli, the Trans-Siberian
    taiyuan: [112.55, 37.87],
    beijing: [116.4, 39.9],
    shenyang: [123.43, 41.8],
    changchun: [125.32, 43.82],
    harbin: [126.53, 45.8],
    qiqihar: [123.92, 47.35],
    hailar: [119.7, 49.2],
    karymskaya: [114.35, 51.62],
    chita: [113.5, 52.03],
    'ulan-ude': [107.6, 51.83],
    irkutsk: [104.28, 52.29],
    krasnoyarsk: [92.87, 56.01],
    omsk: [73.37, 54.99],
    tyumen: [65.53, 57.15],
    yekaterinburg: [60.6, 56.84],
    perm: [56.25, 58.01],
    kazan: [49.11, 55.79],
    'nizhny-novgorod': [44.0, 56.33],
    // The Yangtze: river ports and bends
    changshou: [107.08, 29.83],
    fuling: [107.39, 29.7],
    fengdu: [107.73, 29.86],
    zhongxian: [108.04, 30.3],
    wanzhou: [108.41, 30.81],
    yunyang: [108.7, 30.93],
    fengjie: [109.47, 31.02],
    wushan: [109.88, 31.07],
    badong: [110.34, 31.04],
    yichang: [111.29, 30.69],
    jingzhou: [112.24, 30.3],
    shishou: [112.4, 29.73],
    chenglingji: [113.13, 29.43],
    honghu: [113.47, 29.83],
    wuhan: [114.3, 30.58],
    huangshi: [115.04, 30.2],
    jiujiang: [115.99, 29.71],
    anqing: [117.05, 30.53],
    tongling: [117.81, 30.94],
    wuhu: [118.38, 31.33],
    nanjing: [118.75, 32.08],
    zhenjiang: [119.45, 32.2],
    jiangyin: [120.27, 31.93],
    nantong: [120.86, 32.0],
    'yangtze-mouth': [121.7, 31.3],
    'yangshan-approach': [122.1, 30.9],
  },
  legs: {
    // ILSTC: rail
    'chongqing-tuanjiecun>qinzhou': [...CHONGQING_GUIYANG, ...GUIYANG_NANNING_RAIL, 'nanning'],
    'chongqing-tuanjiecun>nanning': [...CHONGQING_GUIYANG, ...GUIYANG_NANNING_RAIL],
    'nanning>dong-dang': ['chongzuo', 'pingxiang-rail'],
    'dong-dang>hanoi': ['lang-son', 'bac-giang'],
    'chongqing-tuanjiecun>kunming': [...CHONGQING_GUIYANG, 'liupanshui', 'qujing'],
    'kunming>mohan': ['yuxi', 'puer', 'jinghong'],
    'boten>vientiane': ['oudomxay', 'luang-prabang', 'vang-vieng'],
    'vientiane>bangkok': VIENTIANE_KORAT,
    'vientiane>laem-chabang': [...VIENTIANE_KORAT, 'chachoengsao'],
    // ILSTC: road (the G75 expressway by Guiyang and Nanning; then the border at Pingxiang / Huu Nghi)
    'chongqing-tuanjiecun>pingxiang': [...CHONGQING_GUIYANG, 'duyun', 'hechi', 'nanning', 'chongzuo'],
    'pingxiang>hanoi': ['lang-son', 'bac-giang'],
    // CR Express
    'chongqing-tuanjiecun>alashankou': [...CHONGQING_XIAN, ...XIAN_KUYTUN],
    'chongqing-tuanjiecun>khorgos': [...CHONGQING_XIAN, ...XIAN_KUYTUN, 'sayram'],
    'alashankou>almaty': ['aktogay', 'ushtobe'],
    'khorgos>almaty': ['zharkent'],
    'almaty>moscow': [
      'shu',
      'mointy',
      'karaganda',
      'astana',
      'petropavl',
      'kurgan',
      'chelyabinsk',
      'ufa',
      'samara',
      'penza',
      'ryazan',
    ],
    'moscow>brest': ['smolensk', 'orsha', 'minsk', 'baranovichi'],
    'malaszewicze>duisburg': ['warsaw', 'poznan', 'frankfurt-oder', 'berlin', 'hannover', 'dortmund'],
    // Northern
    'chongqing-tuanjiecun>manzhouli': [
      ...CHONGQING_XIAN,
      'taiyuan',
      'beijing',
      'shenyang',
      'changchun',
      'harbin',
      'qiqihar',
      'hailar',
    ],
    'zabaikalsk>novosibirsk': ['karymskaya', 'chita', 'ulan-ude', 'irkutsk', 'krasnoyarsk'],
    'novosibirsk>moscow': ['omsk', 'tyumen', 'yekaterinburg', 'perm', 'kazan', 'nizhny-novgorod'],
    // The Yangtze
    'chongqing-guoyuan>three-gorges-locks': CHONGQING_LOCKS,
    'chongqing-cuntan>three-gorges-locks': CHONGQING_LOCKS,
    'three-gorges-locks>yangshan': [...LOCKS_NANJING, ...NANJING_NANTONG, 'yangtze-mouth', 'yangshan-approach'],
    'three-gorges-locks>waigaoqiao': [...LOCKS_NANJING, ...NANJING_NANTONG],
    'yichang>wuhan': ['jingzhou', 'shishou', 'chenglingji', 'honghu'],
    'wuhan>nanjing': ['huangshi', 'jiujiang', 'anqing', 'tongling', 'wuhu'],
    'nanjing>waigaoqiao': NANJING_NANTONG,
  },
};
