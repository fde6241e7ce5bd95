/** Help of the commands that measure: report, scorecard, metrics. */
import type { HelpEntry } from "./entry.js";

export const MEASURE_HELP = {
  report: {
    en: "the customer-delight-first report: what customers lived through, then the operating figures",
    "zh-CN": "客户感受优先的报告：先看客户经历了什么，再看运营数据",
    sv: "rapporten med kundernas upplevelse först: vad kunderna gick igenom, sedan verksamhetens siffror",
  },
  reportCurrency: {
    en: "reporting currency of lifetime values (default: the most used)",
    "zh-CN": "终身价值的报告货币（默认：最常用的货币）",
    sv: "rapportvaluta för livstidsvärden (standard: den mest använda)",
  },
  reportHtml: {
    en: "a standalone HTML page with SVG charts instead of text",
    "zh-CN": "生成带 SVG 图表的独立 HTML 页面，而不是纯文本",
    sv: "en fristående HTML-sida med SVG-diagram i stället för text",
  },
  scorecard: {
    en: "the trust scorecard of the store: every figure, by period and breakdown",
    "zh-CN": "存储的信任记分卡：每项指标，按时段和维度细分",
    sv: "lagrets förtroendekort: varje siffra, per period och uppdelning",
  },
  scorecardBy: {
    en: "one row per day, week or month",
    "zh-CN": "每天、每周或每月一行",
    sv: "en rad per dag, vecka eller månad",
  },
  scorecardDimension: {
    en: "break down by segment, channel or promise",
    "zh-CN": "按客户群、渠道或承诺细分",
    sv: "dela upp efter segment, kanal eller löfte",
  },
  scorecardExplain: {
    en: "list the events and remedies behind one figure",
    "zh-CN": "列出某项指标背后的事件和补救措施",
    sv: "lista händelserna och gottgörelserna bakom en siffra",
  },
  scorecardFigures: {
    en: "Figures --explain takes:\n{figures}",
    "zh-CN": "--explain 可解释的指标：\n{figures}",
    sv: "Siffror som --explain kan förklara:\n{figures}",
  },
  scorecardPeriod: {
    en: "the bucket to explain: 2026-11-02, 2026-W45, 2026-11 or all",
    "zh-CN": "要解释的时段：2026-11-02、2026-W45、2026-11 或 all",
    sv: "perioden att förklara: 2026-11-02, 2026-W45, 2026-11 eller all",
  },
  scorecardValue: {
    en: "the segment, channel or promise to explain (with --dimension)",
    "zh-CN": "要解释的客户群、渠道或承诺（与 --dimension 一起使用）",
    sv: "segmentet, kanalen eller löftet att förklara (med --dimension)",
  },
  scorecardLimit: {
    en: "list the ids of at most this many cases",
    "zh-CN": "最多列出这么多个案例的 ID",
    sv: "lista id:n för högst så här många fall",
  },
  scorecardJson: {
    en: "JSON: { rows } or the explanation",
    "zh-CN": "以 JSON 格式输出：{ rows } 或解释",
    sv: "utdata som JSON: { rows } eller förklaringen",
  },
  scorecardNotes: {
    en: "Formulas and weights: docs/scorecard.md. Notices and guard warnings count once the store keeps them.",
    "zh-CN":
      "公式与权重：见 docs/zh-CN/scorecard.md。通知和购前提醒要等存储开始保存它们之后才计入。",
    sv: "Formler och vikter: docs/sv/scorecard.md. Meddelanden och vaktens varningar räknas när lagret sparar dem.",
  },
  metrics: {
    en: "the customer journey in real time: p50/p95/p99 over the last 5 min, hour and day",
    "zh-CN": "实时的客户旅程：最近 5 分钟、1 小时和 1 天的 p50/p95/p99",
    sv: "kundresan i realtid: p50/p95/p99 över de senaste 5 minuterna, timmen och dygnet",
  },
  metricsWatch: {
    en: "follow the event log, reading new events every N seconds (default 5)",
    "zh-CN": "持续跟踪事件日志，每 N 秒读取一次新事件（默认 5）",
    sv: "följ händelseloggen och läs nya händelser var N:e sekund (standard 5)",
  },
  metricsJson: {
    en: "JSON: one snapshot per line",
    "zh-CN": "以 JSON 格式输出：每行一个快照",
    sv: "utdata som JSON: en ögonblicksbild per rad",
  },
  metricsNotes: {
    en: "Windows are in event time: they end at the latest event's time, not the wall clock.",
    "zh-CN": "时间窗口按事件时间计算：截止于最新事件的时间，而不是当前的时钟时间。",
    sv: "Fönstren räknas i händelsetid: de slutar vid den senaste händelsens tid, inte vid klockan på väggen.",
  },
} as const satisfies Record<string, HelpEntry>;
