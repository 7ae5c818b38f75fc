/**
 * Demand of the bundled Chongqing scenario: the 2024 origin–destination pairs, each split into an export flow
 * (Chongqing → destination) and an import flow (destination → Chongqing) by its export share, plus the demand-wide
 * settings (growth, seasonality, shipment sizes, value of time). The TEU per pair come from ../calibration.ts
 * (`OD_TEU_2024`, E, five of them solved to the corridor totals: the arithmetic is there and in
 * docs/data-sources.md); shares, growth and seasonality from constants.ts. Each pair's source string says which
 * sourced total (S/H 251,800 TEU ILSTC 2024, D/E ≈ 230,000 TEU China–Europe/Russia, ≈ 490,000 TEU Yangtze foreign
 * trade: D/M 486,472 in 2018, held flat, E) it is calibrated to.
 *
 * @module
 */
import type { DemandFlowSpec, DemandSpec } from '../../scenario/types.js';
import { OD_TEU_2024 } from '../calibration.js';
import {
  EURASIA_WESTBOUND_SHARE,
  GROWTH,
  ILSTC_EXPORT_SHARE,
  SEASONALITY,
  VALUE_OF_TIME_USD_PER_TEU_HOUR,
  YANGTZE_EXPORT_SHARE,
} from './constants.js';
import { HUB as H } from './hub-ids.js';

/** One origin–destination pair, both directions, before the split. */
interface OdPair {
  /** Flow ids are `${id}-export` and `${id}-import`. */
  id: string;
  /** The Chongqing end. */
  chongqing: string;
  /** The foreign (or gateway) end. */
  destination: string;
  /** TEU per year in 2024, both directions. */
  teu: number;
  /** Share of `teu` that is export (Chongqing → destination). */
  exportShare: number;
  growthPerYear: number;
  /** Corridor the pair is attributed to (route choice decides the real split; ../calibration.ts has the shares). */
  note: string;
  source: string;
}

function odPairs(): OdPair[] {
  const ilstc = (
    id: string,
    destination: string,
    teu: number,
    note: string,
    source: string,
    chongqing: string = H.tuanjiecun,
  ): OdPair => ({
    id,
    chongqing,
    destination,
    teu,
    exportShare: ILSTC_EXPORT_SHARE,
    growthPerYear: GROWTH.ilstc,
    note,
    source,
  });
  const eurasia = (id: string, destination: string, teu: number, note: string, source: string): OdPair => ({
    id,
    chongqing: H.tuanjiecun,
    destination,
    teu,
    exportShare: EURASIA_WESTBOUND_SHARE,
    growthPerYear: GROWTH.eurasia,
    note,
    source,
  });
  const river = (
    id: string,
    chongqing: string,
    destination: string,
    teu: number,
    note: string,
    source: string,
  ): OdPair => ({
    id,
    chongqing,
    destination,
    teu,
    exportShare: YANGTZE_EXPORT_SHARE,
    growthPerYear: GROWTH.yangtze,
    note,
    source,
  });
  const asean =
    'E: calibrated so that the ILSTC share (by route choice) sums with the other ILSTC flows to the S/H 251,800 TEU of 2024; the rest takes the Yangtze + Shanghai route';
  return [
    // --- ILSTC rail-sea, gateway: Qinzhou onward to the world (beyond ASEAN), no alternative route ---
    ilstc(
      'cq-qinzhou',
      H.qinzhou,
      OD_TEU_2024.qinzhouGateway,
      'ILSTC rail-sea (transshipped at Qinzhou to destinations outside the modelled network)',
      'E: rail-sea volume not bound for the six modelled ASEAN ports; calibrated to the S/H 251,800 TEU (see calibration.ts)',
    ),
    // --- ASEAN ports: ILSTC rail-sea or Yangtze + Shanghai by route choice ---
    ilstc('cq-singapore', H.singapore, OD_TEU_2024.singapore, 'ILSTC rail-sea / Yangtze (route choice)', asean),
    ilstc('cq-haiphong', H.haiphong, OD_TEU_2024.haiphong, 'ILSTC rail-sea / Yangtze (route choice)', asean),
    ilstc(
      'cq-ho-chi-minh-city',
      H.hoChiMinhCity,
      OD_TEU_2024.hoChiMinhCity,
      'ILSTC rail-sea / Yangtze (route choice)',
      asean,
    ),
    ilstc(
      'cq-laem-chabang',
      H.laemChabang,
      OD_TEU_2024.laemChabang,
      'ILSTC rail-sea or international rail via Laos / Yangtze (route choice)',
      asean,
    ),
    ilstc(
      'cq-tanjung-priok',
      H.tanjungPriok,
      OD_TEU_2024.tanjungPriok,
      'ILSTC rail-sea / Yangtze (route choice)',
      asean,
    ),
    ilstc('cq-port-klang', H.portKlang, OD_TEU_2024.portKlang, 'ILSTC rail-sea / Yangtze (route choice)', asean),
    // --- ILSTC land routes ---
    ilstc(
      'cq-hanoi',
      H.hanoi,
      OD_TEU_2024.hanoi,
      'ILSTC cross-border road or international rail (route choice)',
      'E: sized so that the truck share (route choice) is ~22,000 TEU ≈ 30 trucks/day × 2 TEU (S/M up to ~100 trucks/day); the rest goes by the China–Vietnam train',
    ),
    ilstc(
      'cq-vientiane',
      H.vientiane,
      OD_TEU_2024.vientiane,
      'ILSTC international rail (China–Laos)',
      'E: China–Laos volume from Chongqing; D/H trains averaged ~22–26 TEU (2022), grown since',
    ),
    ilstc(
      'cq-bangkok',
      H.bangkok,
      OD_TEU_2024.bangkok,
      'ILSTC international rail (China–Laos–Thailand)',
      'E: China–Laos–Thailand rail volume from Chongqing',
    ),
    // --- CR Express and Northern ---
    eurasia(
      'cq-duisburg',
      H.duisburg,
      OD_TEU_2024.duisburg,
      'CR-Express (via Alashankou or Khorgos)',
      'E: Europe share of the ~230,000 TEU Chongqing China–Europe/Russia estimate (D/E: ½ × S/H > 430,000 TEU Chengdu + Chongqing 2023 × 1.07)',
    ),
    eurasia(
      'cq-moscow',
      H.moscow,
      OD_TEU_2024.moscow,
      'CR-Express via Kazakhstan / Northern via Manzhouli (route choice)',
      "E: Russia share of the ~230,000 TEU estimate; Russia's share rose after 2022 (S, qualitative)",
    ),
    eurasia(
      'cq-novosibirsk',
      H.novosibirsk,
      OD_TEU_2024.novosibirsk,
      'Northern (via Manzhouli/Zabaikalsk; no other route reaches Siberia in the network)',
      'E: Northern ≈ 10% of the ~230,000 TEU Chongqing China–Europe/Russia estimate (no Chongqing Manzhouli figure in the facts)',
    ),
    eurasia(
      'cq-almaty',
      H.almaty,
      OD_TEU_2024.almaty,
      'CR-Express (Central Asia)',
      'E: Central Asia share of the ~230,000 TEU estimate',
    ),
    // --- Yangtze: foreign trade via Shanghai (onward deep-sea beyond the modelled network) ---
    river(
      'guoyuan-yangshan',
      H.guoyuan,
      H.yangshan,
      OD_TEU_2024.guoyuanYangshan,
      'Yangtze (direct express to Yangshan)',
      'E: Yangtze foreign trade ≈ 490,000 TEU (2018: 73% of 666,400 = 486,472, D/M, held ~flat) less the ASEAN boxes routed by river and the other river flows',
    ),
    river(
      'guoyuan-waigaoqiao',
      H.guoyuan,
      H.waigaoqiao,
      OD_TEU_2024.guoyuanWaigaoqiao,
      'Yangtze (direct express to Waigaoqiao)',
      'E: share of the ≈ 490,000 TEU Yangtze foreign-trade estimate',
    ),
    river(
      'cuntan-waigaoqiao',
      H.cuntan,
      H.waigaoqiao,
      OD_TEU_2024.cuntanWaigaoqiao,
      'Yangtze (regular line from Cuntan)',
      'E: share of the ≈ 490,000 TEU Yangtze foreign-trade estimate',
    ),
  ];
}

function flows(): DemandFlowSpec[] {
  const out: DemandFlowSpec[] = [];
  for (const pair of odPairs()) {
    const exportTeu = Math.round(pair.teu * pair.exportShare);
    const importTeu = pair.teu - exportTeu;
    const split = `export share ${pair.exportShare} (E)`;
    // Explicit directions: the gateway flows (Chongqing ↔ Qinzhou, Shanghai) are foreign trade between two Chinese
    // hubs, which the by-country default would call domestic.
    out.push({
      id: `${pair.id}-export`,
      origin: pair.chongqing,
      destination: pair.destination,
      teuPerYear: exportTeu,
      growthPerYear: pair.growthPerYear,
      direction: 'export',
      note: pair.note,
      source: `${pair.source}; ${split}`,
    });
    out.push({
      id: `${pair.id}-import`,
      origin: pair.destination,
      destination: pair.chongqing,
      teuPerYear: importTeu,
      growthPerYear: pair.growthPerYear,
      direction: 'import',
      note: pair.note,
      source: `${pair.source}; ${split}`,
    });
  }
  return out;
}

/** The scenario's `demand`: the flows and the demand-wide settings. */
export function chongqingDemand(): DemandSpec {
  return {
    flows: flows(),
    growthPerYear: GROWTH.eurasia,
    seasonality: [...SEASONALITY],
    // E: bookings of 1, 2, 4, 10 or 20 TEU (mean 3.8 TEU): single boxes and pairs dominate, a few project/contract
    // shippers book 10–20. The facts give no booking sizes.
    shipmentTeu: { type: 'discrete', values: [1, 2, 4, 10, 20], weights: [0.3, 0.35, 0.2, 0.1, 0.05] },
    valueOfTimeUsdPerTeuHour: VALUE_OF_TIME_USD_PER_TEU_HOUR,
    source:
      'E: OD flows calibrated to S/H 251,800 TEU ILSTC (2024) and D/E corridor totals (calibration.ts); seasonality D/M Jan–Feb ≈ 70%; growth D/E from history; shipment sizes and value of time E',
  };
}
