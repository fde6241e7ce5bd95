// The CDNOW purchase-log format: the data of Fader, Hardie & Lee (2005), as shipped with lifetimes.
import { parseCompactDate } from "./dates.js";
import type { InputIssue, Result } from "./issue.js";
import {
  amountOf,
  Collector,
  type Field,
  type ParseOptions,
  show,
  splitLines,
  type TransactionLog,
} from "./transactions.js";

/** End of the 39-week calibration period (1997-01-01..1997-09-30) used for CDNOW by FHL (2005). */
export const CDNOW_CALIBRATION_END = "1997-09-30";

const DIGITS = /^\d+$/;

/**
 * Parses the CDNOW format: whitespace-separated `cohort-id customer-number YYYYMMDD cds dollars`.
 * The customer is the customer number without leading zeros ("0001" → "1").
 */
export function parseCdnow(
  text: string,
  options: ParseOptions = {},
): Result<TransactionLog, InputIssue> {
  const out = new Collector(options.maxIssues ?? 100);
  const all = splitLines(text);
  for (let index = 0; index < all.length && !out.full; index++) {
    const raw = all[index] as string;
    const line = index + 1;
    const fields = whitespaceFields(raw);
    if (fields.length === 0) continue;
    if (fields.length !== 5) {
      const column = fields[5]?.column ?? raw.trimEnd().length + 1;
      const found = fields.length;
      out.issue("bad-field-count", "transactions.cdnow_field_count", { line, column }, { found });
      continue;
    }
    const [cohort, id, date, quantity, amount] = fields as [Field, Field, Field, Field, Field];
    for (const f of [cohort, id]) {
      if (!DIGITS.test(f.text)) {
        const at = { line, column: f.column };
        out.issue("bad-customer", "transactions.customer_not_numeric", at, { value: show(f.text) });
      }
    }
    const day = parseCompactDate(date.text);
    if (day === undefined) {
      const at = { line, column: date.column };
      out.issue("bad-date", "transactions.bad_compact_date", at, { value: show(date.text) });
    }
    if (!DIGITS.test(quantity.text)) {
      const at = { line, column: quantity.column };
      out.issue("bad-quantity", "transactions.bad_quantity", at, { value: show(quantity.text) });
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
