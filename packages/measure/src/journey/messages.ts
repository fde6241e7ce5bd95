/** The journey metrics' words: stages, metrics, units and windows, in each language. */
import type { Lang } from "@goodfaith/core";
import type { JourneyMetricName, JourneyStage } from "./journey-metrics.js";

/** Every label key of the journey metrics. */
export type JourneyLabelKey =
  | `stage.${JourneyStage}`
  | `metric.${JourneyMetricName}`
  | "quantile.p50"
  | "quantile.p95"
  | "quantile.p99"
  | "window.5m"
  | "window.1h"
  | "window.24h"
  | "window.all";

/** The labels of one language. */
export type JourneyLabels = Readonly<Record<JourneyLabelKey, string>>;

const en: JourneyLabels = {
  "stage.buy": "Buy",
  "stage.receive": "Receive",
  "stage.use": "Use",
  "stage.getHelp": "Get help",
  "metric.purchases": "Purchases",
  "metric.deliveryLatenessHours": "Delivery lateness (hours; negative is early)",
  "metric.rebufferRatio": "Share of viewing time spent buffering",
  "metric.arrivalDelayMinutes": "Flight arrival delay (minutes)",
  "metric.supportWaitSeconds": "Wait for support (seconds)",
  "quantile.p50": "Median",
  "quantile.p95": "95th percentile",
  "quantile.p99": "99th percentile",
  "window.5m": "Last 5 minutes",
  "window.1h": "Last hour",
  "window.24h": "Last 24 hours",
  "window.all": "All time",
};

const zhCN: JourneyLabels = {
  "stage.buy": "购买",
  "stage.receive": "收货",
  "stage.use": "使用",
  "stage.getHelp": "获得帮助",
  "metric.purchases": "购买次数",
  "metric.deliveryLatenessHours": "送达延误（小时；负数表示提前）",
  "metric.rebufferRatio": "观看时间中缓冲所占比例",
  "metric.arrivalDelayMinutes": "航班到达延误（分钟）",
  "metric.supportWaitSeconds": "等待客服的时间（秒）",
  "quantile.p50": "中位数",
  "quantile.p95": "第 95 百分位",
  "quantile.p99": "第 99 百分位",
  "window.5m": "最近 5 分钟",
  "window.1h": "最近 1 小时",
  "window.24h": "最近 24 小时",
  "window.all": "全部时间",
};

const sv: JourneyLabels = {
  "stage.buy": "Köpa",
  "stage.receive": "Ta emot",
  "stage.use": "Använda",
  "stage.getHelp": "Få hjälp",
  "metric.purchases": "Köp",
  "metric.deliveryLatenessHours": "Leveransförsening (timmar; negativt är tidigt)",
  "metric.rebufferRatio": "Andel av tittartiden som gick åt till buffring",
  "metric.arrivalDelayMinutes": "Försenad ankomst (minuter)",
  "metric.supportWaitSeconds": "Väntetid till kundtjänst (sekunder)",
  "quantile.p50": "Median",
  "quantile.p95": "95:e percentil",
  "quantile.p99": "99:e percentil",
  "window.5m": "Senaste 5 minuterna",
  "window.1h": "Senaste timmen",
  "window.24h": "Senaste dygnet",
  "window.all": "All tid",
};

/** The journey metrics' labels in each language. */
export const journeyLabels: Readonly<Record<Lang, JourneyLabels>> = { en, "zh-CN": zhCN, sv };
