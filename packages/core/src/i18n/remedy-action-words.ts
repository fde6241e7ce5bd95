/** How each decision on a remedy reads to people, in every language the product speaks. */
import type { Lang } from "./lang.js";

/** A decision someone (or the executor) can take on a remedy. */
export type RemedyAction = "approve" | "reject" | "retry" | "confirm" | "fail";

/**
 * A remedy decision as the reader's language says it after "cannot" (the API's conflict
 * detail "it cannot be {action}", the CLI's decided and refused lines): a participle in
 * English, a passive infinitive in Swedish, a verb in Chinese.
 */
export const REMEDY_ACTION_WORDS: Readonly<Record<Lang, Readonly<Record<RemedyAction, string>>>> = {
  en: {
    approve: "approved",
    reject: "rejected",
    retry: "retried",
    confirm: "confirmed",
    fail: "failed",
  },
  "zh-CN": {
    approve: "批准",
    reject: "拒绝",
    retry: "重试",
    confirm: "确认执行",
    fail: "标记为失败",
  },
  sv: {
    approve: "godkännas",
    reject: "avvisas",
    retry: "göras om",
    confirm: "bekräftas",
    fail: "markeras som misslyckad",
  },
};
