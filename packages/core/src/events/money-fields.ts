/**
 * Amounts must fit their currency's minor unit: "12.345" is not a US dollar amount, and
 * "10.5" is not a number of yen or points. The zod schemas check the decimal shape; this
 * checks each amount against its currency's exponent, so a valid event never fails later.
 */
import type { Issue } from "../issue.js";
import { parseMoney } from "../money/index.js";

type Data = Readonly<Record<string, unknown>>;
type Check = (data: Data, issues: Issue[]) => void;

function amount(
  data: Data,
  key: string,
  currency: unknown,
  path: readonly (string | number)[],
  issues: Issue[],
): void {
  const value = data[key];
  if (typeof value !== "string" || typeof currency !== "string") return;
  const parsed = parseMoney(value, currency);
  if (parsed.ok) return;
  for (const issue of parsed.issues) issues.push({ ...issue, path: ["data", ...path, key] });
}

function list(data: Data, key: string, each: (item: Data, i: number) => void): void {
  const items = data[key];
  if (!Array.isArray(items)) return;
  for (const [i, item] of items.entries()) each(item as Data, i);
}

const payments =
  (key: string): Check =>
  (data, issues) =>
    list(data, key, (p, i) => amount(p, "amount", p.currency ?? data.currency, [key, i], issues));

const own =
  (...keys: string[]): Check =>
  (data, issues) => {
    for (const k of keys) amount(data, k, data.currency, [], issues);
  };

const CHECKS: Readonly<Record<string, readonly Check[]>> = {
  "order.placed": [
    own("shipping", "total"),
    (data, issues) =>
      list(data, "items", (item, i) => amount(item, "price", data.currency, ["items", i], issues)),
    payments("payments"),
  ],
  "order.refunded": [own("amount")],
  "payment.charged": [own("amount")],
  "price.changed": [own("price", "previousPrice")],
  "booking.created": [own("fare"), payments("payments")],
};

/** Issues for amounts that do not fit their currency (empty when all fit). */
export function moneyFieldIssues(type: string, data: unknown): Issue[] {
  const checks = CHECKS[type];
  if (!checks || typeof data !== "object" || data === null) return [];
  const issues: Issue[] = [];
  for (const check of checks) check(data as Data, issues);
  return issues;
}
