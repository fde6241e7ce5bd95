/** How each remedy status reads to people, in every language the product speaks. */
import type { RemedyStatus } from "../ports/remedy-lifecycle.js";
import type { Lang } from "./lang.js";

/** A remedy's status as the reader's language says it (the API's problems, the CLI's tables). */
export const REMEDY_STATUS_WORDS: Readonly<Record<Lang, Readonly<Record<RemedyStatus, string>>>> = {
  en: {
    planned: "planned",
    awaiting_approval: "awaiting approval",
    approved: "approved",
    executing: "being carried out",
    executed: "carried out",
    failed: "failed (to be retried)",
    rejected: "rejected",
    cancelled: "cancelled",
    dead: "stopped after its last attempt",
  },
  "zh-CN": {
    planned: "已计划",
    awaiting_approval: "等待批准",
    approved: "已批准",
    executing: "正在执行",
    executed: "已执行",
    failed: "执行失败（将重试）",
    rejected: "已拒绝",
    cancelled: "已取消",
    dead: "多次尝试后已停止",
  },
  sv: {
    planned: "planerad",
    awaiting_approval: "väntar på godkännande",
    approved: "godkänd",
    executing: "under utförande",
    executed: "utförd",
    failed: "misslyckad (görs om)",
    rejected: "avvisad",
    cancelled: "avbruten",
    dead: "stoppad efter sista försöket",
  },
};
