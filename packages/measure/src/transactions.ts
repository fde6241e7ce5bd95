// Per-customer transactions, and what the parsers (parse-cdnow.ts, parse-csv.ts) share. A
// "transaction" is a customer-day: purchases by one customer on one day are merged (amounts
// summed), as in the BG/NBD literature on CDNOW. Parsers are pure: text in, data or located
// issues out, never an exception for bad input.
import { formatDay } from "./dates.js";
import type { InputIssue, IssueCode, Result } from "./issue.js";
import type { TransactionMessageKey } from "./transaction-messages.js";

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

/** A field of a line of input and its 1-based column. */
export interface Field {
  readonly text: string;
  readonly column: number;
}

/** Collects purchases and issues while a parser walks the lines (internal to the parsers). */
export class Collector {
  readonly issues: InputIssue[] = [];
  private readonly byCustomer = new Map<string, Map<number, number>>();
  constructor(private readonly maxIssues: number) {}

  get full(): boolean {
    return this.issues.length >= this.maxIssues;
  }

  issue(
    code: IssueCode,
    messageKey: TransactionMessageKey,
    at: { readonly line: number; readonly column: number },
    params: InputIssue["params"] = {},
  ): void {
    if (this.full) return;
    this.issues.push({ code, messageKey, params, line: at.line, column: at.column });
    if (this.full) {
      const count = this.maxIssues;
      this.issues.push({ ...at, ...TOO_MANY, params: { count } });
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

  /** The parsed log, or every issue found; `calibrationEnd` defaults to the last date seen. */
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
      const issue: InputIssue = {
        code: "no-transactions",
        messageKey: "transactions.no_transactions",
        params: {},
        line: lastLine,
        column: 1,
      };
      return { ok: false, issues: [issue] };
    }
    return { ok: true, value: { customers, calibrationEnd: calibrationEnd ?? formatDay(lastDay) } };
  }
}

const TOO_MANY = { code: "too-many-issues", messageKey: "transactions.too_many_issues" } as const;

/** The input's lines, without a byte-order mark, for any line ending. */
export const splitLines = (text: string): string[] =>
  text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);

/** A field's text for a message, cut short if long. */
export const show = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Amounts are summed in millionths of the unit: exact integers up to ~9 billion. */
const MICROS = 1_000_000;

/**
 * `123` or `123.45` in millionths, rounding half up at the seventh decimal; undefined for
 * anything else (signs, exponents, blanks) or beyond the exactly representable range.
 */
function parseMicros(text: string): number | undefined {
  let i = 0;
  let whole = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0) return undefined;
  let fraction = 0;
  if (i < text.length) {
    if (text[i] !== "." || i + 1 === text.length) return undefined;
    let scale = MICROS / 10;
    for (i++; i < text.length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      if (scale >= 1) fraction += d * scale;
      else if (scale > 0.05 && d >= 5) fraction += 1; // the seventh decimal rounds
      scale /= 10;
    }
  }
  const micros = whole * MICROS + fraction;
  return Number.isSafeInteger(micros) ? micros : undefined;
}

/** Checks an amount field; returns it in millionths, or undefined after recording an issue. */
export function amountOf(field: Field, line: number, out: Collector): number | undefined {
  const micros = parseMicros(field.text);
  if (micros !== undefined) return micros;
  const negative = /^-\d/.test(field.text);
  const key = negative ? "transactions.negative_amount" : "transactions.bad_amount";
  out.issue("bad-amount", key, { line, column: field.column }, { value: show(field.text) });
  return undefined;
}
