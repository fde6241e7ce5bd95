/**
 * What the purchase-log readers (parse-csv.ts, parse-cdnow.ts) say, in each language. The words
 * live beside the parsers so every surface says them alike; where (line, column) stays data.
 */
import { interpolate, type Lang } from "@goodfaith/core";
import type { InputIssue } from "./issue.js";

/** Every message a purchase-log reader can give; stable, as tools may match on them. */
export type TransactionMessageKey =
  | "transactions.unterminated_quote"
  | "transactions.comma_after_quote"
  | "transactions.quote_in_field"
  | "transactions.field_count"
  | "transactions.cdnow_field_count"
  | "transactions.empty_customer"
  | "transactions.customer_not_numeric"
  | "transactions.bad_date"
  | "transactions.bad_compact_date"
  | "transactions.bad_quantity"
  | "transactions.negative_amount"
  | "transactions.bad_amount"
  | "transactions.duplicate_column"
  | "transactions.missing_column"
  | "transactions.no_header"
  | "transactions.no_transactions"
  | "transactions.too_many_issues";

// Typed complete, so a message missing in one language is a compile error.
type TransactionCatalog = Readonly<Record<TransactionMessageKey, string>>;

const en: TransactionCatalog = {
  "transactions.unterminated_quote": "unterminated quoted field",
  "transactions.comma_after_quote": "expected , after a quoted field",
  "transactions.quote_in_field": "a quote inside an unquoted field",
  "transactions.field_count": "expected {expected} fields as in the header, found {found}",
  "transactions.cdnow_field_count":
    "expected 5 fields (cohort, customer, YYYYMMDD, quantity, amount), found {found}",
  "transactions.empty_customer": "empty customer",
  "transactions.customer_not_numeric": 'expected a numeric customer id, got "{value}"',
  "transactions.bad_date": 'expected a date YYYY-MM-DD, got "{value}"',
  "transactions.bad_compact_date": 'expected a date YYYYMMDD, got "{value}"',
  "transactions.bad_quantity": 'expected a whole number of items, got "{value}"',
  "transactions.negative_amount": 'negative amount "{value}" (returns are not supported)',
  "transactions.bad_amount": 'expected an amount like 12.34 (below 9e9), got "{value}"',
  "transactions.duplicate_column": 'column "{name}" appears twice',
  "transactions.missing_column":
    'the header has no "{name}" column (expected customer,date,amount)',
  "transactions.no_header": "expected a header line customer,date,amount",
  "transactions.no_transactions": "the file holds no purchases",
  "transactions.too_many_issues": "stopped after {count} issues",
};

const zhCN: TransactionCatalog = {
  "transactions.unterminated_quote": "带引号的字段缺少结束引号",
  "transactions.comma_after_quote": "带引号的字段后应为 ,",
  "transactions.quote_in_field": "不带引号的字段中出现了引号",
  "transactions.field_count": "应与表头一样有 {expected} 个字段，实际为 {found} 个",
  "transactions.cdnow_field_count":
    "应有 5 个字段（批次、客户、YYYYMMDD、数量、金额），实际为 {found} 个",
  "transactions.empty_customer": "客户为空",
  "transactions.customer_not_numeric": "应为数字客户编号，实际为“{value}”",
  "transactions.bad_date": "应为 YYYY-MM-DD 格式的日期，实际为“{value}”",
  "transactions.bad_compact_date": "应为 YYYYMMDD 格式的日期，实际为“{value}”",
  "transactions.bad_quantity": "应为整数件数，实际为“{value}”",
  "transactions.negative_amount": "金额“{value}”为负数（不支持退货）",
  "transactions.bad_amount": "应为类似 12.34 的金额（小于 9e9），实际为“{value}”",
  "transactions.duplicate_column": "列“{name}”出现了两次",
  "transactions.missing_column": "表头中没有“{name}”列（应为 customer,date,amount）",
  "transactions.no_header": "应有表头行 customer,date,amount",
  "transactions.no_transactions": "文件中没有购买记录",
  "transactions.too_many_issues": "发现 {count} 个问题后已停止",
};

const sv: TransactionCatalog = {
  "transactions.unterminated_quote": "ett citerat fält saknar avslutande citattecken",
  "transactions.comma_after_quote": "förväntade , efter ett citerat fält",
  "transactions.quote_in_field": "ett citattecken i ett ociterat fält",
  "transactions.field_count": "förväntade {expected} fält som i rubriken, fann {found}",
  "transactions.cdnow_field_count":
    "förväntade 5 fält (kohort, kund, ÅÅÅÅMMDD, antal, belopp), fann {found}",
  "transactions.empty_customer": "tom kund",
  "transactions.customer_not_numeric": 'förväntade ett numeriskt kund-id, fick "{value}"',
  "transactions.bad_date": 'förväntade ett datum ÅÅÅÅ-MM-DD, fick "{value}"',
  "transactions.bad_compact_date": 'förväntade ett datum ÅÅÅÅMMDD, fick "{value}"',
  "transactions.bad_quantity": 'förväntade ett helt antal varor, fick "{value}"',
  "transactions.negative_amount": 'negativt belopp "{value}" (returer stöds inte)',
  "transactions.bad_amount": 'förväntade ett belopp som 12.34 (under 9e9), fick "{value}"',
  "transactions.duplicate_column": 'kolumnen "{name}" förekommer två gånger',
  "transactions.missing_column":
    'rubriken saknar kolumnen "{name}" (förväntade customer,date,amount)',
  "transactions.no_header": "förväntade en rubrikrad customer,date,amount",
  "transactions.no_transactions": "filen innehåller inga köp",
  "transactions.too_many_issues": "slutade efter {count} problem",
};

/** The purchase-log readers' messages, by language. */
export const transactionMessages: Readonly<Record<Lang, TransactionCatalog>> = {
  en,
  "zh-CN": zhCN,
  sv,
};

/** Why a purchase-log reader refused a line, in `lang`; where it is (`line`, `column`) is left to the caller. */
export function renderInputIssue(issue: InputIssue, lang: Lang): string {
  return interpolate(transactionMessages[lang][issue.messageKey], issue.params);
}
