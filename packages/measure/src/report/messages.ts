/**
 * The report's own words in each language. Figure, count and journey names come from the
 * scorecard's and the journey metrics' catalogs, so a figure reads the same everywhere.
 */
import type { Lang } from "@goodfaith/core";

/** Every label of the report. */
export type ReportLabelKey =
  | "title"
  | "intro"
  | "lived.heading"
  | "lived.promisesKept"
  | "lived.noPromises"
  | "lived.fixedFirst"
  | "lived.toldFirst"
  | "lived.remediesOnTime"
  | "lived.noIncidents"
  | "failures.heading"
  | "failures.atRisk"
  | "failures.writeDown"
  | "failures.worst"
  | "failures.none"
  | "status.late"
  | "status.unremedied"
  | "col.customer"
  | "col.promises"
  | "col.status"
  | "col.value"
  | "col.result"
  | "col.figure"
  | "col.basis"
  | "col.metric"
  | "col.count"
  | "operations.heading"
  | "operations.scorecard"
  | "operations.journey"
  | "operations.capital"
  | "capital.equity"
  | "capital.equityAtStart"
  | "capital.customers"
  | "capital.protected"
  | "capital.protectedNone"
  | "unavailable.models-not-identified"
  | "unavailable.other"
  | "chart.promisesByWeek"
  | "chart.promisesByWeekDesc"
  | "chart.timeToRemedy"
  | "chart.timeToRemedyDesc"
  | "chart.valueAtRisk"
  | "chart.valueAtRiskDesc"
  | "chart.empty"
  | "bin.under1h"
  | "bin.1to24h"
  | "bin.1to3d"
  | "bin.3to7d"
  | "bin.over7d"
  | "weekOf"
  | "hours"
  | "basis"
  | "footer";

/** The labels of one language. */
export type ReportLabels = Readonly<Record<ReportLabelKey, string>>;

const en: ReportLabels = {
  title: "Customer delight first: {from} to {to}",
  intro: "What our customers lived through comes first; the operating figures follow.",
  "lived.heading": "What customers lived through",
  "lived.promisesKept": "We kept {kept} of {made} promises ({share}).",
  "lived.noPromises": "No promise came due in this period.",
  "lived.fixedFirst": "{share} of {incidents} problems were put right before the customer asked.",
  "lived.toldFirst": "We told the customer first about {share} of them.",
  "lived.remediesOnTime": "{kept} of {due} remedies arrived on time.",
  "lived.noIncidents": "No customer had a problem in this period.",
  "failures.heading": "The worst failures, and what they cost in relationships",
  "failures.atRisk":
    "Value at risk: {value}, the lifetime value of {count} customers whose problem was put right late or not at all.",
  "failures.writeDown":
    "Write-down: {value}, what {count} relationships were worth at the start of the period before their chance of staying fell below {threshold}.",
  "failures.worst": "The costliest failures",
  "failures.none": "No problem was left unremedied or put right late.",
  "status.late": "put right late",
  "status.unremedied": "not put right",
  "col.customer": "Customer",
  "col.promises": "Promises",
  "col.status": "What happened",
  "col.value": "Lifetime value",
  "col.result": "Value",
  "col.figure": "Figure",
  "col.basis": "Based on",
  "col.metric": "Metric",
  "col.count": "Count",
  "operations.heading": "Operating figures",
  "operations.scorecard": "Trust scorecard",
  "operations.journey": "Journey",
  "operations.capital": "Relationship capital",
  "capital.equity": "Customer equity at the end of the period",
  "capital.equityAtStart": "Customer equity at the start of the period",
  "capital.customers": "Customers valued",
  "capital.protected": "Value protected by putting things right in time: {promise}",
  "capital.protectedNone": "No remedy put a problem right in time in this period.",
  "unavailable.models-not-identified":
    "Relationships could not be valued: the purchases of {customers} customers ({repeaters} bought again) do not pin the purchase models down (their estimates run off to a boundary); a longer history is needed.",
  "unavailable.other": "Relationships could not be valued: there are no purchases to learn from.",
  "chart.promisesByWeek": "Promises kept by week",
  "chart.promisesByWeekDesc": "Share of the business promises due each week that were kept.",
  "chart.timeToRemedy": "Time to put it right",
  "chart.timeToRemedyDesc": "Problems of the period put right, by how long it took.",
  "chart.valueAtRisk": "Value at risk by promise",
  "chart.valueAtRiskDesc":
    "Lifetime value of customers whose problem under each promise was put right late or not at all.",
  "chart.empty": "Nothing to show for this period.",
  "bin.under1h": "< 1 h",
  "bin.1to24h": "1–24 h",
  "bin.1to3d": "1–3 days",
  "bin.3to7d": "3–7 days",
  "bin.over7d": "> 7 days",
  weekOf: "week of {date}",
  hours: "{value} h",
  basis: "{numerator} of {denominator}",
  footer:
    "How every figure is computed: docs/scorecard.md. Lifetime value: BG/NBD and Gamma-Gamma over {weeks} weeks, discounted at {rate} a year, in {currency}.",
};

const zhCN: ReportLabels = {
  title: "客户满意优先：{from} 至 {to}",
  intro: "先看客户的亲身经历，再看运营数据。",
  "lived.heading": "客户的亲身经历",
  "lived.promisesKept": "我们兑现了 {made} 项承诺中的 {kept} 项（{share}）。",
  "lived.noPromises": "本期没有到期的承诺。",
  "lived.fixedFirst": "在 {incidents} 个问题中，{share} 在客户开口之前就已解决。",
  "lived.toldFirst": "其中 {share} 是我们先告知客户的。",
  "lived.remediesOnTime": "{due} 项补救中有 {kept} 项按时完成。",
  "lived.noIncidents": "本期没有客户遇到问题。",
  "failures.heading": "最严重的失误及其对客户关系的代价",
  "failures.atRisk": "风险价值：{value}，即 {count} 位问题补救迟了或未获补救的客户的终身价值。",
  "failures.writeDown":
    "减记：{value}，即 {count} 段存续概率跌破 {threshold} 的客户关系在期初的价值。",
  "failures.worst": "代价最高的失误",
  "failures.none": "没有问题被搁置或补救迟到。",
  "status.late": "补救迟了",
  "status.unremedied": "未获补救",
  "col.customer": "客户",
  "col.promises": "承诺",
  "col.status": "发生了什么",
  "col.value": "终身价值",
  "col.result": "数值",
  "col.figure": "指标",
  "col.basis": "依据",
  "col.metric": "度量",
  "col.count": "数量",
  "operations.heading": "运营数据",
  "operations.scorecard": "信任记分卡",
  "operations.journey": "客户旅程",
  "operations.capital": "关系资本",
  "capital.equity": "期末客户资产",
  "capital.equityAtStart": "期初客户资产",
  "capital.customers": "参与估值的客户",
  "capital.protected": "及时补救所保护的价值：{promise}",
  "capital.protectedNone": "本期没有按时完成的补救。",
  "unavailable.models-not-identified":
    "无法估算客户关系的价值：{customers} 位客户（其中 {repeaters} 位复购）的购买记录不足以确定购买模型（估计值趋向边界）；需要更长的历史数据。",
  "unavailable.other": "无法估算客户关系的价值：没有可供学习的购买记录。",
  "chart.promisesByWeek": "每周兑现的承诺",
  "chart.promisesByWeekDesc": "每周到期的业务承诺中已兑现的比例。",
  "chart.timeToRemedy": "解决问题所用时间",
  "chart.timeToRemedyDesc": "本期已解决的问题，按所用时间分组。",
  "chart.valueAtRisk": "按承诺划分的风险价值",
  "chart.valueAtRiskDesc": "各承诺下问题补救迟了或未获补救的客户的终身价值。",
  "chart.empty": "本期没有可显示的内容。",
  "bin.under1h": "< 1 小时",
  "bin.1to24h": "1–24 小时",
  "bin.1to3d": "1–3 天",
  "bin.3to7d": "3–7 天",
  "bin.over7d": "> 7 天",
  weekOf: "{date} 当周",
  hours: "{value} 小时",
  basis: "{denominator} 中的 {numerator}",
  footer:
    "各项指标的计算方法：docs/zh-CN/scorecard.md。终身价值：BG/NBD 与 Gamma-Gamma 模型，预测 {weeks} 周，年折现率 {rate}，币种 {currency}。",
};

const sv: ReportLabels = {
  title: "Kundglädje först: {from} till {to}",
  intro: "Först det våra kunder fick uppleva, sedan verksamhetens siffror.",
  "lived.heading": "Det kunderna fick uppleva",
  "lived.promisesKept": "Vi höll {kept} av {made} löften ({share}).",
  "lived.noPromises": "Inget löfte förföll under perioden.",
  "lived.fixedFirst": "{share} av {incidents} problem rättades till innan kunden hörde av sig.",
  "lived.toldFirst": "Vi berättade själva för kunden först om {share} av dem.",
  "lived.remediesOnTime": "{kept} av {due} gottgörelser kom i tid.",
  "lived.noIncidents": "Ingen kund hade problem under perioden.",
  "failures.heading": "De värsta misslyckandena och vad de kostade i kundrelationer",
  "failures.atRisk":
    "Värde i riskzonen: {value}, livstidsvärdet hos {count} kunder vars problem rättades till för sent eller inte alls.",
  "failures.writeDown":
    "Nedskrivning: {value}, vad {count} kundrelationer var värda vid periodens början innan chansen att de består föll under {threshold}.",
  "failures.worst": "De dyraste misslyckandena",
  "failures.none": "Inget problem lämnades utan åtgärd eller rättades till för sent.",
  "status.late": "rättades för sent",
  "status.unremedied": "rättades inte",
  "col.customer": "Kund",
  "col.promises": "Löften",
  "col.status": "Vad som hände",
  "col.value": "Livstidsvärde",
  "col.result": "Värde",
  "col.figure": "Mått",
  "col.basis": "Underlag",
  "col.metric": "Mätvärde",
  "col.count": "Antal",
  "operations.heading": "Verksamhetens siffror",
  "operations.scorecard": "Förtroendekort",
  "operations.journey": "Kundresan",
  "operations.capital": "Relationskapital",
  "capital.equity": "Kundkapital vid periodens slut",
  "capital.equityAtStart": "Kundkapital vid periodens början",
  "capital.customers": "Värderade kunder",
  "capital.protected": "Värde som skyddades genom att rätta till i tid: {promise}",
  "capital.protectedNone": "Ingen gottgörelse rättade till ett problem i tid under perioden.",
  "unavailable.models-not-identified":
    "Kundrelationerna kunde inte värderas: köpen från {customers} kunder ({repeaters} köpte igen) räcker inte för att bestämma köpmodellerna (skattningarna drar iväg mot en gräns); det behövs en längre historik.",
  "unavailable.other": "Kundrelationerna kunde inte värderas: det finns inga köp att lära av.",
  "chart.promisesByWeek": "Hållna löften per vecka",
  "chart.promisesByWeekDesc": "Andel av veckans förfallna affärslöften som hölls.",
  "chart.timeToRemedy": "Tid att rätta till",
  "chart.timeToRemedyDesc": "Periodens åtgärdade problem, efter hur lång tid det tog.",
  "chart.valueAtRisk": "Värde i riskzonen per löfte",
  "chart.valueAtRiskDesc":
    "Livstidsvärdet hos kunder vars problem under varje löfte rättades för sent eller inte alls.",
  "chart.empty": "Inget att visa för perioden.",
  "bin.under1h": "< 1 tim",
  "bin.1to24h": "1–24 tim",
  "bin.1to3d": "1–3 dagar",
  "bin.3to7d": "3–7 dagar",
  "bin.over7d": "> 7 dagar",
  weekOf: "veckan från {date}",
  hours: "{value} tim",
  basis: "{numerator} av {denominator}",
  footer:
    "Hur varje siffra beräknas: docs/sv/scorecard.md. Livstidsvärde: BG/NBD och Gamma-Gamma över {weeks} veckor, diskonterat med {rate} per år, i {currency}.",
};

/** The report's labels in each language. */
export const reportLabels: Readonly<Record<Lang, ReportLabels>> = { en, "zh-CN": zhCN, sv };
