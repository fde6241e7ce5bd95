// Purchase logs as CSV: a header naming customer, date (YYYY-MM-DD) and amount columns.
import { parseIsoDate } from "./dates.js";
import type { InputIssue, Result } from "./issue.js";
import type { TransactionMessageKey } from "./transaction-messages.js";
import {
  amountOf,
  Collector,
  type Field,
  type ParseOptions,
  show,
  splitLines,
  type TransactionLog,
} from "./transactions.js";

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields) into located fields. */
function splitCsv(raw: string): Field[] | { column: number; key: TransactionMessageKey } {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    while (raw[i] === " " || raw[i] === "\t") i++;
    const column = i + 1;
    let text = "";
    if (raw[i] === '"') {
      i++;
      for (;;) {
        if (i >= raw.length) return { column, key: "transactions.unterminated_quote" };
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
        return { column: i + 1, key: "transactions.comma_after_quote" };
    } else {
      const end = raw.indexOf(",", i);
      text = raw.slice(i, end === -1 ? raw.length : end).trimEnd();
      if (text.includes('"')) return { column, key: "transactions.quote_in_field" };
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
  const all = splitLines(text);
  let header: { customer: number; date: number; amount: number; width: number } | undefined;
  for (const [index, raw] of all.entries()) {
    if (out.full) break;
    const line = index + 1;
    if (raw.trim() === "") continue;
    const fields = splitCsv(raw);
    if (!Array.isArray(fields)) {
      out.issue("bad-quoting", fields.key, { line, column: fields.column });
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
      out.issue(
        "bad-field-count",
        "transactions.field_count",
        { line, column },
        { expected: header.width, found: fields.length },
      );
      continue;
    }
    const customer = fields[header.customer] as Field;
    const date = fields[header.date] as Field;
    if (customer.text === "") {
      out.issue("bad-customer", "transactions.empty_customer", { line, column: customer.column });
    }
    const day = parseIsoDate(date.text);
    if (day === undefined) {
      out.issue(
        "bad-date",
        "transactions.bad_date",
        { line, column: date.column },
        { value: show(date.text) },
      );
    }
    const value = amountOf(fields[header.amount] as Field, line, out);
    if (customer.text !== "" && day !== undefined && value !== undefined)
      out.add(customer.text, day, value);
  }
  if (header === undefined && out.issues.length === 0) {
    const messageKey = "transactions.no_header";
    return {
      ok: false,
      issues: [{ code: "missing-column", messageKey, params: {}, line: 1, column: 1 }],
    };
  }
  return out.finish(all.length);
}

function readHeader(fields: readonly Field[], line: number, out: Collector) {
  const names = fields.map((f) => f.text.trim().toLowerCase());
  let ok = true;
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i && name !== "") {
      const at = { line, column: (fields[i] as Field).column };
      out.issue("duplicate-column", "transactions.duplicate_column", at, { name: show(name) });
      ok = false;
    }
  }
  const index = (name: string): number => {
    const i = names.indexOf(name);
    if (i === -1) {
      out.issue("missing-column", "transactions.missing_column", { line, column: 1 }, { name });
      ok = false;
    }
    return i;
  };
  const customer = index("customer");
  const date = index("date");
  const amount = index("amount");
  return ok ? { customer, date, amount, width: fields.length } : undefined;
}
