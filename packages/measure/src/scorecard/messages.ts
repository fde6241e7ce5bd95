/**
 * The scorecard's words: the name of every figure, count and breakdown, as an agent or a
 * leader reads them. A typed record per language, so a missing label is a compile error.
 */
import type { Lang } from "@goodfaith/core";
import type { BUSINESS_PROMISES } from "./business-promise.js";
import type { Counter, MoneyCounter } from "./contribution.js";
import type { RatioFigure } from "./figures.js";
import type { Period } from "./periods.js";
import type { Dimension } from "./tally.js";

type BusinessPromiseName = (typeof BUSINESS_PROMISES)[keyof typeof BUSINESS_PROMISES];

/** Every label key: figures, counts, money sums, breakdowns, periods and business promises. */
export type ScorecardLabelKey =
  | `figure.${RatioFigure | "timeToRemedyP50" | "timeToRemedyP90" | "trustIndex"}`
  | `count.${Counter}`
  | `money.${MoneyCounter}`
  | `dimension.${Dimension}`
  | `period.${Period}`
  | `promise.${BusinessPromiseName}`
  | "value.unknown";

/** The labels of one language. */
export type ScorecardLabels = Readonly<Record<ScorecardLabelKey, string>>;

const en: ScorecardLabels = {
  "figure.transactionSuccess": "Transactions that succeeded",
  "figure.businessPromisesKept": "Promises kept",
  "figure.remedyPromisesKept": "Remedies on time",
  "figure.toldFirst": "Problems we told the customer about first",
  "figure.noticesWithCause": "Notices that gave the cause",
  "figure.warningsHeeded": "Warnings customers heeded",
  "figure.competence": "Competence: how rarely we fail",
  "figure.remediedProactively": "Intention: problems fixed before the customer asked",
  "figure.timeToRemedyP50": "Median time to put it right",
  "figure.timeToRemedyP90": "Time to put it right, 90th percentile",
  "figure.trustIndex": "Trust Index",
  "count.transactions": "Transactions",
  "count.transactionsFailed": "Transactions with a problem",
  "count.businessPromisesMade": "Promises due",
  "count.businessPromisesKept": "Promises kept",
  "count.remedyPromisesDue": "Remedies due",
  "count.remedyPromisesKept": "Remedies made on time",
  "count.incidents": "Problems",
  "count.incidentsToldFirst": "Problems we told the customer about first",
  "count.incidentsRemediedProactively": "Problems fixed before the customer asked",
  "count.incidentsRemedied": "Problems put right",
  "count.noticesSent": "Notices sent",
  "count.noticesWithCause": "Notices that gave the cause",
  "count.noticesSuppressed": "Notices not sent (no consent)",
  "count.warningsIssued": "Warnings given",
  "count.warningsSettled": "Warnings decided",
  "count.warningsHeeded": "Warnings heeded",
  "money.moneyKept": "Money customers kept",
  "money.revenueForgone": "Sales we gave up",
  "dimension.all": "All",
  "dimension.segment": "Segment",
  "dimension.channel": "Channel",
  "dimension.promise": "Promise",
  "period.day": "Day",
  "period.week": "Week",
  "period.month": "Month",
  "period.all": "All time",
  "promise.delivered-by-promised-date": "Delivered by the promised date",
  "promise.arrived-on-time": "Arrived on time",
  "promise.streamed-at-promised-quality": "Streamed at the promised quality",
  "value.unknown": "Not known",
};

const zhCN: ScorecardLabels = {
  "figure.transactionSuccess": "顺利完成的交易",
  "figure.businessPromisesKept": "兑现的承诺",
  "figure.remedyPromisesKept": "按时完成的补救",
  "figure.toldFirst": "由我们先告知客户的问题",
  "figure.noticesWithCause": "说明了原因的通知",
  "figure.warningsHeeded": "客户采纳的提醒",
  "figure.competence": "能力：我们不出错的比例",
  "figure.remediedProactively": "意愿：客户开口之前就解决的问题",
  "figure.timeToRemedyP50": "解决问题的中位时间",
  "figure.timeToRemedyP90": "解决问题的时间（第 90 百分位）",
  "figure.trustIndex": "信任指数",
  "count.transactions": "交易",
  "count.transactionsFailed": "出现问题的交易",
  "count.businessPromisesMade": "到期的承诺",
  "count.businessPromisesKept": "兑现的承诺",
  "count.remedyPromisesDue": "到期的补救",
  "count.remedyPromisesKept": "按时完成的补救",
  "count.incidents": "问题",
  "count.incidentsToldFirst": "由我们先告知客户的问题",
  "count.incidentsRemediedProactively": "客户开口之前就解决的问题",
  "count.incidentsRemedied": "已解决的问题",
  "count.noticesSent": "已发送的通知",
  "count.noticesWithCause": "说明了原因的通知",
  "count.noticesSuppressed": "未发送的通知（未获同意）",
  "count.warningsIssued": "发出的提醒",
  "count.warningsSettled": "已有结果的提醒",
  "count.warningsHeeded": "被采纳的提醒",
  "money.moneyKept": "客户省下的钱",
  "money.revenueForgone": "我们放弃的销售额",
  "dimension.all": "全部",
  "dimension.segment": "客户群",
  "dimension.channel": "渠道",
  "dimension.promise": "承诺",
  "period.day": "日",
  "period.week": "周",
  "period.month": "月",
  "period.all": "全部时间",
  "promise.delivered-by-promised-date": "在承诺日期前送达",
  "promise.arrived-on-time": "准时到达",
  "promise.streamed-at-promised-quality": "以承诺的画质播放",
  "value.unknown": "未知",
};

const sv: ScorecardLabels = {
  "figure.transactionSuccess": "Köp som gick bra",
  "figure.businessPromisesKept": "Hållna löften",
  "figure.remedyPromisesKept": "Gottgörelser i tid",
  "figure.toldFirst": "Problem vi berättade om först",
  "figure.noticesWithCause": "Meddelanden som angav orsaken",
  "figure.warningsHeeded": "Varningar som kunderna tog till sig",
  "figure.competence": "Kompetens: hur sällan vi brister",
  "figure.remediedProactively": "Avsikt: problem vi rättade innan kunden frågade",
  "figure.timeToRemedyP50": "Mediantid till rättelse",
  "figure.timeToRemedyP90": "Tid till rättelse, 90:e percentilen",
  "figure.trustIndex": "Förtroendeindex",
  "count.transactions": "Köp",
  "count.transactionsFailed": "Köp med problem",
  "count.businessPromisesMade": "Löften som förföll",
  "count.businessPromisesKept": "Hållna löften",
  "count.remedyPromisesDue": "Gottgörelser som förföll",
  "count.remedyPromisesKept": "Gottgörelser i tid",
  "count.incidents": "Problem",
  "count.incidentsToldFirst": "Problem vi berättade om först",
  "count.incidentsRemediedProactively": "Problem rättade innan kunden frågade",
  "count.incidentsRemedied": "Rättade problem",
  "count.noticesSent": "Skickade meddelanden",
  "count.noticesWithCause": "Meddelanden som angav orsaken",
  "count.noticesSuppressed": "Meddelanden som inte skickades (inget samtycke)",
  "count.warningsIssued": "Givna varningar",
  "count.warningsSettled": "Avgjorda varningar",
  "count.warningsHeeded": "Varningar som togs till sig",
  "money.moneyKept": "Pengar kunderna behöll",
  "money.revenueForgone": "Försäljning vi avstod från",
  "dimension.all": "Alla",
  "dimension.segment": "Segment",
  "dimension.channel": "Kanal",
  "dimension.promise": "Löfte",
  "period.day": "Dag",
  "period.week": "Vecka",
  "period.month": "Månad",
  "period.all": "All tid",
  "promise.delivered-by-promised-date": "Levererat senast utlovat datum",
  "promise.arrived-on-time": "Ankom i tid",
  "promise.streamed-at-promised-quality": "Strömmat i utlovad kvalitet",
  "value.unknown": "Okänt",
};

/** The scorecard's labels in each language. */
export const scorecardLabels: Readonly<Record<Lang, ScorecardLabels>> = { en, "zh-CN": zhCN, sv };
