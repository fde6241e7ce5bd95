/**
 * Commander's own help words, and the texts several commands share. Flags, placeholders and
 * values a reader types stay as they are in every language; only the prose is translated.
 */
import type { HelpEntry } from "./entry.js";

export const COMMON_HELP = {
  usage: { en: "Usage:", "zh-CN": "用法：", sv: "Användning:" },
  arguments: { en: "Arguments:", "zh-CN": "参数：", sv: "Argument:" },
  options: { en: "Options:", "zh-CN": "选项：", sv: "Flaggor:" },
  globalOptions: { en: "Global Options:", "zh-CN": "全局选项：", sv: "Globala flaggor:" },
  commands: { en: "Commands:", "zh-CN": "命令：", sv: "Kommandon:" },
  help: {
    en: "display help for command",
    "zh-CN": "显示命令的帮助",
    sv: "visa hjälp för kommandot",
  },
  versionOption: {
    en: "output the version number",
    "zh-CN": "显示版本号",
    sv: "visa versionsnumret",
  },
  // What commander adds after a description: "(choices: …, default: …)".
  extra: {
    en: "{description} ({extra})",
    "zh-CN": "{description}（{extra}）",
    sv: "{description} ({extra})",
  },
  extraSeparator: { en: ", ", "zh-CN": "；", sv: "; " },
  choices: { en: "choices: {values}", "zh-CN": "可选值：{values}", sv: "möjliga värden: {values}" },
  default: { en: "default: {value}", "zh-CN": "默认值：{value}", sv: "standard: {value}" },
  preset: { en: "preset: {value}", "zh-CN": "预设值：{value}", sv: "förinställt: {value}" },
  env: { en: "env: {name}", "zh-CN": "环境变量：{name}", sv: "miljövariabel: {name}" },
  example: { en: "Example:", "zh-CN": "示例：", sv: "Exempel:" },
  examples: { en: "Examples:", "zh-CN": "示例：", sv: "Exempel:" },
  exitCodes: { en: "Exit codes:", "zh-CN": "退出码：", sv: "Avslutningskoder:" },
  json: { en: "JSON output", "zh-CN": "以 JSON 格式输出", sv: "utdata som JSON" },
  db: {
    en: "the store: a SQLite file or postgres://… (default {path})",
    "zh-CN": "存储：SQLite 文件或 postgres://…（默认 {path}）",
    sv: "lagret: en SQLite-fil eller postgres://… (standard {path})",
  },
  promiseFiles: {
    en: "promise documents (YAML)",
    "zh-CN": "承诺文档（YAML）",
    sv: "löftesdokument (YAML)",
  },
  out: {
    en: "write to a file instead of standard output",
    "zh-CN": "写入文件，而不是标准输出",
    sv: "skriv till en fil i stället för till standard ut",
  },
  period: {
    en: "YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (default: the latest month)",
    "zh-CN": "YYYY-MM 或 YYYY-MM-DD..YYYY-MM-DD（默认：最近一个月）",
    sv: "YYYY-MM eller YYYY-MM-DD..YYYY-MM-DD (standard: den senaste månaden)",
  },
  horizonWeeks: {
    en: "CLV horizon in weeks (default 52)",
    "zh-CN": "CLV 的预测期，以周计（默认 52）",
    sv: "CLV-horisont i veckor (standard 52)",
  },
  discountRate: {
    en: "annual discount rate (default 0.1)",
    "zh-CN": "年折现率（默认 0.1）",
    sv: "årlig diskonteringsränta (standard 0.1)",
  },
  aliveThreshold: {
    en: "P(alive) below which a relationship is written down (default 0.5)",
    "zh-CN": "P(alive) 低于此值时，减记这段客户关系（默认 0.5）",
    sv: "P(alive) under vilket en kundrelation skrivs ned (standard 0.5)",
  },
  customerId: { en: "the customer's id", "zh-CN": "客户的 ID", sv: "kundens id" },
} as const satisfies Record<string, HelpEntry>;
