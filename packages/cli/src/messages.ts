import { interpolate, type Lang } from "@goodfaith/core";

const catalogs = {
  en: {
    remedies: "Remedies",
    warnings: "Warnings",
    none: "(none)",
    summary: "Summary",
    eventsRead: "{read} events read: {accepted} accepted, {rejected} rejected",
    remediesCount: "{count} remedies: {byKind}",
    amounts: "Amounts: {amounts}",
    awaiting: "{count} awaiting approval",
    errors: "{count} promise evaluations failed",
    rejectedTitle: "Rejected events",
    auto: "auto-approved",
    needsApproval: "needs approval ({reasons})",
    due: "due by {due}",
    because: "because",
    valid: "{file}: valid — {count} promises, version {version} of {company}",
    noWarnings: "No warnings: nothing here to regret.",
    refund: "refund",
    compensation: "compensation",
    credit: "credit",
    points: "points",
    notice: "notice",
    gesture: "gesture",
    warning: "warning",
  },
  "zh-CN": {
    remedies: "补救措施",
    warnings: "提醒",
    none: "（无）",
    summary: "摘要",
    eventsRead: "读取 {read} 个事件：接受 {accepted} 个，拒绝 {rejected} 个",
    remediesCount: "{count} 项补救：{byKind}",
    amounts: "金额：{amounts}",
    awaiting: "{count} 项等待审批",
    errors: "{count} 次承诺评估失败",
    rejectedTitle: "被拒绝的事件",
    auto: "已自动批准",
    needsApproval: "需要审批（{reasons}）",
    due: "须于 {due} 前完成",
    because: "原因",
    valid: "{file}：有效 — {company} 的 {count} 项承诺，版本 {version}",
    noWarnings: "没有提醒：这次购买不会让您后悔。",
    refund: "退款",
    compensation: "赔偿",
    credit: "赠送余额",
    points: "积分",
    notice: "通知",
    gesture: "关怀举措",
    warning: "提醒",
  },
  sv: {
    remedies: "Gottgörelser",
    warnings: "Varningar",
    none: "(inga)",
    summary: "Sammanfattning",
    eventsRead: "{read} händelser lästa: {accepted} godtagna, {rejected} avvisade",
    remediesCount: "{count} gottgörelser: {byKind}",
    amounts: "Belopp: {amounts}",
    awaiting: "{count} väntar på godkännande",
    errors: "{count} löftesutvärderingar misslyckades",
    rejectedTitle: "Avvisade händelser",
    auto: "godkänd automatiskt",
    needsApproval: "behöver godkännas ({reasons})",
    due: "senast {due}",
    because: "eftersom",
    valid: "{file}: giltig — {count} löften, version {version} från {company}",
    noWarnings: "Inga varningar: inget här att ångra.",
    refund: "återbetalning",
    compensation: "ersättning",
    credit: "tillgodohavande",
    points: "poäng",
    notice: "meddelande",
    gesture: "omtanke",
    warning: "varning",
  },
} as const;

/** A CLI message key. */
export type MessageKey = keyof (typeof catalogs)["en"];

/** The CLI's own words in a language. */
export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return interpolate(catalogs[lang][key], params);
}

export { catalogs };
