import { negotiateLang } from "../i18n/lang.js";
import { currencyExponent, POINTS } from "./currency.js";
import { toDecimalString } from "./decimal.js";
import type { Money } from "./money.js";

// Constructing an Intl.NumberFormat costs far more than formatting with one, and a page of
// amounts uses the same few (locale, currency) pairs over and over.
const formatters = new Map<string, Intl.NumberFormat>();
// Locales can come from request headers, so bound the cache rather than let it grow with traffic.
const MAX_CACHED = 512;

// The word after a points balance, in each of our languages; only English inflects it.
const POINTS_WORD = {
  en: { one: "point", other: "points" },
  "zh-CN": { one: "积分", other: "积分" },
  sv: { one: "poäng", other: "poäng" },
} as const;

function numberFormat(locale: string, key: string, options: Intl.NumberFormatOptions) {
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, options);
    } catch (error) {
      // The locale usually comes from a request header; a malformed one should not break a page.
      if (!(error instanceof RangeError)) throw error;
      formatter = new Intl.NumberFormat("en", options);
    }
    if (formatters.size >= MAX_CACHED) formatters.clear();
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/**
 * Formats an amount for people, e.g. "$12.50", "12,50 €", "1,200 points", "1 200 poäng".
 * The amount reaches Intl as a decimal string, never a float, so even huge amounts print exactly.
 */
export function formatMoney(m: Money, locale: string): string {
  // Intl accepts exact decimal strings (ES2023); the cast is only for TypeScript's literal type.
  const decimal = toDecimalString(m) as Intl.StringNumericLiteral;
  if (m.currency === POINTS) {
    const grouped = numberFormat(locale, POINTS, { maximumFractionDigits: 0 }).format(decimal);
    const word = POINTS_WORD[negotiateLang(locale)];
    return `${grouped} ${m.minor === 1n || m.minor === -1n ? word.one : word.other}`;
  }
  const exponent = currencyExponent(m.currency) ?? 0;
  const formatter = numberFormat(locale, m.currency, {
    style: "currency",
    currency: m.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return formatter.format(decimal);
}
