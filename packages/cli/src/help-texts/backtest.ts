/** Help of `goodfaith backtest`: replaying stored events through a proposed Bill of Rights. */
import type { HelpEntry } from "./entry.js";

export const BACKTEST_HELP = {
  backtest: {
    en: "replay past events through a promise set in shadow: remedies by promise and day, cost, customers reached; with --against, the difference from the set given or, without files, the one the store keeps",
    "zh-CN":
      "以影子模式用一组承诺重放过去的事件：按承诺和日期列出补救措施、成本和惠及的客户；使用 --against 时给出与指定承诺集（不带文件时为存储中保存的现行承诺集）的差异",
    sv: "spela upp tidigare händelser genom en uppsättning löften i skugga: gottgörelser per löfte och dag, kostnad, kunder som nås; med --against skillnaden mot den angivna uppsättningen eller, utan filer, den som lagret har",
  },
  backtestPromises: {
    en: "the promise set to test (YAML)",
    "zh-CN": "要测试的承诺集（YAML）",
    sv: "uppsättningen löften att testa (YAML)",
  },
  backtestAgainst: {
    en: "the current promise set to compare with (YAML); without files, the set the store keeps, the one in effect (--db, else the default store, also with --events)",
    "zh-CN":
      "用来对比的现行承诺集（YAML）；不带文件时，使用存储中保存的现行承诺集（--db 指定的存储，否则为默认存储；与 --events 一起使用时亦然）",
    sv: "den nuvarande uppsättningen löften att jämföra med (YAML); utan filer den som lagret har, den som gäller (--db, annars standardlagret, även med --events)",
  },
  backtestEvents: {
    en: "event files (JSON Lines)",
    "zh-CN": "事件文件（JSON Lines）",
    sv: "händelsefiler (JSON Lines)",
  },
  backtestDb: {
    en: "read stored events: a SQLite path or postgres://… URL",
    "zh-CN": "读取已存储的事件：SQLite 路径或 postgres://… URL",
    sv: "läs sparade händelser: en SQLite-sökväg eller en postgres://…-URL",
  },
  backtestFrom: {
    en: "count remedies from this date (YYYY-MM-DD, UTC) or RFC 3339 time",
    "zh-CN": "从这个日期（YYYY-MM-DD，UTC）或 RFC 3339 时间起计算补救措施",
    sv: "räkna gottgörelser från detta datum (ÅÅÅÅ-MM-DD, UTC) eller RFC 3339-tid",
  },
  backtestTo: {
    en: "count remedies before this date or time (exclusive)",
    "zh-CN": "只计算这个日期或时间之前的补救措施（不含该时刻）",
    sv: "räkna gottgörelser före detta datum eller denna tid (den inte inräknad)",
  },
  backtestJson: {
    en: "JSON as POST /v1/backtests answers: { proposed }, or { proposed, against, comparison } with --against (and againstSet, the kept set's version and digest, with --against alone)",
    "zh-CN":
      "以 JSON 格式输出，与 POST /v1/backtests 的响应相同：{ proposed }，使用 --against 时为 { proposed, against, comparison }（不带文件的 --against 另有 againstSet：所保存承诺集的版本和摘要）",
    sv: "JSON som POST /v1/backtests svarar: { proposed }, eller { proposed, against, comparison } med --against (och againstSet, den sparade uppsättningens version och kontrollsumma, med bara --against)",
  },
  backtestWorkers: {
    en: "worker threads for a --db replay, sharded by customer (1: one thread; default: 2 on 2+ cores). A promise with a daily budget or its own incidents joins customers: then one thread, and the output says why",
    "zh-CN":
      "--db 重放所用的工作线程数，按客户分片（1：单线程；默认：有 2 个及以上核心时为 2）。若某个承诺设有每日预算或自定义事件判定，会把不同客户关联起来：此时只用一个线程，并在输出中说明原因",
    sv: "arbetstrådar för en uppspelning med --db, uppdelad per kund (1: en tråd; standard: 2 med 2 eller fler kärnor). Ett löfte med dagsbudget eller egna incidenter binder ihop kunder: då används en tråd, och utdata säger varför",
  },
} as const satisfies Record<string, HelpEntry>;
