// Parsing purchase histories into per-customer transactions. Pure: takes text, returns data or
// located issues, never throws on bad input. A "transaction" is a customer-day: purchases by
// one customer on one day are merged (amounts summed), as in the BG/NBD literature on CDNOW.
import { formatDay, parseCompactDate, parseIsoDate } from "./dates.js";
import type { InputIssue, IssueCode, Result } from "./issue.js";

/** One customer-day of purchases. */
export interface Transaction {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Days since 1970-01-01, for arithmetic. */
  readonly day: number;
  /** Total spend that day in the currency's major unit (e.g. dollars); summed exactly to 1e-6. */
  readonly amount: number;
}

/** A customer's transactions in date order, at most one per day. */
export interface CustomerTransactions {
  readonly customer: string;
  readonly transactions: readonly Transaction[];
}

/** Parsed purchase history. */
export interface TransactionLog {
  /** Customers in order of first appearance in the input. */
  readonly customers: readonly CustomerTransactions[];
  /** Calibration end to use when none is given: CDNOW's published one, else the last date seen. */
  readonly calibrationEnd: string;
}

/** Options for the parsers. */
export interface ParseOptions {
  /**
   * Stop collecting issues after this many (a final `too-many-issues` issue says so).
   * @default 100
   */
  readonly maxIssues?: number;
}

/** End of the 39-week calibration period (1997-01-01..1997-09-30) used for CDNOW by FHL (2005). */
export const CDNOW_CALIBRATION_END = "1997-09-30";

const AMOUNT = /^\d+(?:\.\d+)?$/;
const DIGITS = /^\d+$/;

interface Field {
  readonly text: string;
  readonly column: number;
}

/** Collects purchases and issues while a parser walks the lines. */
class Collector {
  readonly issues: InputIssue[] = [];
  private readonly byCustomer = new Map<string, Map<number, number>>();
  constructor(private readonly maxIssues: number) {}

  get full(): boolean {
    return this.issues.length >= this.maxIssues;
  }

  issue(code: IssueCode, line: number, column: number, message: string): void {
    if (this.full) return;
    this.issues.push({ code, line, column, message });
    if (this.full) {
      this.issues.push({
        code: "too-many-issues",
        line,
        column,
        message: `line ${line}: stopped after ${this.maxIssues} issues`,
      });
    }
  }

  /** Adds a purchase; `micros` is the amount in millionths, so same-day sums are exact. */
  add(customer: string, day: number, micros: number): void {
    let days = this.byCustomer.get(customer);
    if (!days) {
      days = new Map();
      this.byCustomer.set(customer, days);
    }
    days.set(day, (days.get(day) ?? 0) + micros);
  }

  finish(lastLine: number, calibrationEnd?: string): Result<TransactionLog, InputIssue> {
    if (this.issues.length > 0) return { ok: false, issues: this.issues };
    let lastDay = Number.NEGATIVE_INFINITY;
    const customers: CustomerTransactions[] = [];
    for (const [customer, days] of this.byCustomer) {
      const transactions = [...days]
        .sort(([d1], [d2]) => d1 - d2)
        .map(([day, micros]) => ({ date: formatDay(day), day, amount: micros / MICROS }));
      lastDay = Math.max(lastDay, (transactions.at(-1) as Transaction).day);
      customers.push({ customer, transactions });
    }
    if (customers.length === 0) {
      const message = `line ${lastLine}: the input has no transactions`;
      return {
        ok: false,
        issues: [{ code: "no-transactions", line: lastLine, column: 1, message }],
      };
    }
    return { ok: true, value: { customers, calibrationEnd: calibrationEnd ?? formatDay(lastDay) } };
  }
}

const lines = (text: string): string[] => text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
const show = (text: string): string =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Amounts are summed in millionths of the unit: exact integers up to ~9 billion. */
const MICROS = 1_000_000;

/** Checks an amount field; returns it in millionths, or undefined after recording an issue. */
function amountOf(field: Field, line: number, out: Collector): number | undefined {
  if (AMOUNT.test(field.text)) {
    const [whole = "", fraction = ""] = field.text.split(".");
    // Beyond six decimals the amount is rounded to the nearest millionth.
    const micros = Number(whole) * MICROS + Math.round(Number(`0.${fraction || "0"}`) * MICROS);
    if (Number.isSafeInteger(micros)) return micros;
  }
  const negative = /^-\d/.test(field.text);
  const message = negative
    ? `line ${line}, column ${field.column}: negative amount ${show(field.text)} (returns are not supported)`
    : `line ${line}, column ${field.column}: expected an amount like 12.34 (below 9e9), got ${show(field.text)}`;
  out.issue("bad-amount", line, field.column, message);
  return undefined;
}

/**
 * Parses the CDNOW format: whitespace-separated `cohort-id customer-number YYYYMMDD cds dollars`.
 * The customer is the customer number without leading zeros ("0001" → "1").
 */
export function parseCdnow(
  text: string,
  options: ParseOptions = {},
): Result<TransactionLog, InputIssue> {
  const out = new Collector(options.maxIssues ?? 100);
  const all = lines(text);
  for (let index = 0; index < all.length && !out.full; index++) {
    const raw = all[index] as string;
    const line = index + 1;
    const fields = whitespaceFields(raw);
    if (fields.length === 0) continue;
    if (fields.length !== 5) {
      const column = fields[5]?.column ?? raw.trimEnd().length + 1;
      const message = `line ${line}, column ${column}: expected 5 fields (cohort, customer, YYYYMMDD, quantity, amount), found ${fields.length}`;
      out.issue("bad-field-count", line, column, message);
      continue;
    }
    const [cohort, id, date, quantity, amount] = fields as [Field, Field, Field, Field, Field];
    for (const f of [cohort, id]) {
      if (!DIGITS.test(f.text)) {
        const message = `line ${line}, column ${f.column}: expected a numeric customer id, got ${show(f.text)}`;
        out.issue("bad-customer", line, f.column, message);
      }
    }
    const day = parseCompactDate(date.text);
    if (day === undefined) {
      const message = `line ${line}, column ${date.column}: expected a date YYYYMMDD, got ${show(date.text)}`;
      out.issue("bad-date", line, date.column, message);
    }
    if (!DIGITS.test(quantity.text)) {
      const message = `line ${line}, column ${quantity.column}: expected a whole number of items, got ${show(quantity.text)}`;
      out.issue("bad-quantity", line, quantity.column, message);
    }
    const value = amountOf(amount, line, out);
    if (
      day !== undefined &&
      value !== undefined &&
      DIGITS.test(id.text) &&
      DIGITS.test(cohort.text)
    ) {
      out.add(withoutLeadingZeros(id.text), day, value);
    }
  }
  return out.finish(all.length, CDNOW_CALIBRATION_END);
}

function withoutLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits[i] === "0") i++;
  return i === 0 ? digits : digits.slice(i);
}

/** Splits a line at runs of spaces and tabs, keeping each field's 1-based column. */
function whitespaceFields(raw: string): Field[] {
  const fields: Field[] = [];
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = raw.charCodeAt(i); // NaN past the end
    const blank = c === 32 || c === 9 || i === raw.length;
    if (blank && start >= 0) {
      fields.push({ text: raw.slice(start, i), column: start + 1 });
      start = -1;
    } else if (!blank && start < 0) {
      start = i;
    }
  }
  return fields;
}

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields) into located fields. */
function splitCsv(raw: string): Field[] | { column: number; message: string } {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    while (raw[i] === " " || raw[i] === "\t") i++;
    const column = i + 1;
    let text = "";
    if (raw[i] === '"') {
      i++;
      for (;;) {
        if (i >= raw.length) return { column, message: "unterminated quoted field" };
        if (raw[i] === '"') {
          if (raw[i + 1] !== '"') break;
          i++;
        }
        text += raw[i];
        i++;
      }
      i++;
      while (raw[i] === " " || raw[i] === "\t") i++;
      if (i < raw.length && raw[i] !== ",")
        return { column: i + 1, message: "expected , after a quoted field" };
    } else {
      const end = raw.indexOf(",", i);
      text = raw.slice(i, end === -1 ? raw.length : end).trimEnd();
      if (text.includes('"')) return { column, message: "a quote inside an unquoted field" };
      i = end === -1 ? raw.length : end;
    }
    fields.push({ text, column });
    if (i >= raw.length) return fields;
    i++; // the comma
  }
}

/**
 * Parses CSV with a header naming the columns `customer`, `date` (YYYY-MM-DD) and `amount`, in any
 * order; other columns are ignored.
 */
export function parseTransactionsCsv(
  text: string,
  options: ParseOptions = {},
): Result<TransactionLog, InputIssue> {
  const out = new Collector(options.maxIssues ?? 100);
  const all = lines(text);
  let header: { customer: number; date: number; amount: number; width: number } | undefined;
  for (const [index, raw] of all.entries()) {
    if (out.full) break;
    const line = index + 1;
    if (raw.trim() === "") continue;
    const fields = splitCsv(raw);
    if (!Array.isArray(fields)) {
      out.issue(
        "bad-quoting",
        line,
        fields.column,
        `line ${line}, column ${fields.column}: ${fields.message}`,
      );
      if (header === undefined) break;
      continue;
    }
    if (header === undefined) {
      header = readHeader(fields, line, out);
      if (header === undefined) break;
      continue;
    }
    if (fields.length !== header.width) {
      const column = fields[header.width]?.column ?? raw.length + 1;
      const message = `line ${line}, column ${column}: expected ${header.width} fields as in the header, found ${fields.length}`;
      out.issue("bad-field-count", line, column, message);
      continue;
    }
    const customer = fields[header.customer] as Field;
    const date = fields[header.date] as Field;
    if (customer.text === "") {
      out.issue(
        "bad-customer",
        line,
        customer.column,
        `line ${line}, column ${customer.column}: empty customer`,
      );
    }
    const day = parseIsoDate(date.text);
    if (day === undefined) {
      const message = `line ${line}, column ${date.column}: expected a date YYYY-MM-DD, got ${show(date.text)}`;
      out.issue("bad-date", line, date.column, message);
    }
    const value = amountOf(fields[header.amount] as Field, line, out);
    if (customer.text !== "" && day !== undefined && value !== undefined)
      out.add(customer.text, day, value);
  }
  if (header === undefined && out.issues.length === 0) {
    const message = "line 1, column 1: expected a header line customer,date,amount";
    return { ok: false, issues: [{ code: "missing-column", line: 1, column: 1, message }] };
  }
  return out.finish(all.length);
}

function readHeader(fields: readonly Field[], line: number, out: Collector) {
  const names = fields.map((f) => f.text.trim().toLowerCase());
  let ok = true;
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i && name !== "") {
      const column = (fields[i] as Field).column;
      out.issue(
        "duplicate-column",
        line,
        column,
        `line ${line}, column ${column}: column ${show(name)} appears twice`,
      );
      ok = false;
    }
  }
  const index = (name: string): number => {
    const i = names.indexOf(name);
    if (i === -1) {
      const message = `line ${line}, column 1: the header has no ${show(name)} column (expected customer,date,amount)`;
      out.issue("missing-column", line, 1, message);
      ok = false;
    }
    return i;
  };
  const customer = index("customer");
  const date = index("date");
  const amount = index("amount");
  return ok ? { customer, date, amount, width: fields.length } : undefined;
}
