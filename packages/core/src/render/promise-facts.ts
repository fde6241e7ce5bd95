/**
 * The plain facts under each promise on the promise page — what you get, how much, where the
 * money goes, how fast — derived from the compiled remedy, so the page can never promise more
 * or less than the engine does.
 */
import { interpolate, type Lang } from "../i18n/lang.js";
import { formatMoney } from "../money/index.js";
import type { AmountRule, CompiledPromise, RemedyKind, Tender } from "../promises/document.js";
import { type PageMessages, pageMessages } from "./messages.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type MonetaryKind = "refund" | "credit" | "points";

function isMonetary(kind: RemedyKind): kind is MonetaryKind {
  return kind === "refund" || kind === "credit" || kind === "points";
}

/** How much, in words: a formatted amount, or a share of what the customer paid. */
export function describeAmount(amount: AmountRule, lang: Lang): string {
  const m = pageMessages[lang];
  switch (amount.type) {
    case "fixed":
      return formatMoney(amount.money, lang);
    case "fraction": {
      const { numerator: n, denominator: d } = amount;
      if (n === d) return m["amount.whole"];
      if (n * 2n === d) return m["amount.half"];
      // Display only: the engine computes the amount exactly; a float is fine for "33.3 %".
      const share = Number(n) / Number(d);
      const percent = new Intl.NumberFormat(lang, {
        style: "percent",
        maximumFractionDigits: 1,
      }).format(share);
      return interpolate(m["amount.percent"], { percent });
    }
    case "expr":
      return m["amount.computed"];
    default: {
      const unreachable: never = amount;
      return unreachable;
    }
  }
}

/** How fast, in words: "Within 7 days", "2 小时内", "Inom 90 minuter". */
export function describeWithin(ms: number, lang: Lang): string {
  const m = pageMessages[lang];
  if (ms < MINUTE) return m["within.now"];
  // The largest unit that divides the deadline exactly, so "P1DT12H" reads "36 hours", not "1.5 days".
  const [unit, size] =
    ms % DAY === 0
      ? (["day", DAY] as const)
      : ms % HOUR === 0
        ? (["hour", HOUR] as const)
        : (["minute", MINUTE] as const);
  // A deadline between whole minutes is shown rounded up: promising "within 2 minutes" for 90 s
  // would be honest, promising "within 1 minute" would not.
  const count = Math.ceil(ms / size);
  const form = new Intl.PluralRules(lang).select(count) === "one" ? "one" : "other";
  const key: keyof PageMessages = `within.${unit}.${form}`;
  return interpolate(m[key], { count: new Intl.NumberFormat(lang).format(count) });
}

// A credit already lands as credit and points as points; saying so again is noise.
function tenderIsNews(kind: RemedyKind, tender: Tender): boolean {
  return !(
    (kind === "credit" && tender === "credit") ||
    (kind === "points" && tender === "points")
  );
}

/** The facts a customer reads under a promise, in order: what, where to, how fast, what to do. */
export function promiseFacts(promise: CompiledPromise, lang: Lang): readonly string[] {
  const m = pageMessages[lang];
  const { kind, amount, tender, withinMs, compensation } = promise.remedy;
  const facts: string[] = [];
  if (isMonetary(kind)) {
    // Compensation is owed, not paid back: "a refund of €400" would misname it.
    const what = kind === "refund" && compensation ? "compensation" : kind;
    facts.push(
      amount
        ? interpolate(m[`kindAmount.${what}`], { amount: describeAmount(amount, lang) })
        : m[`kind.${what}`],
    );
    if (tenderIsNews(kind, tender)) facts.push(m[`tender.${tender}`]);
  } else {
    facts.push(m[`kind.${kind}`]);
  }
  if (withinMs !== undefined) facts.push(describeWithin(withinMs, lang));
  // A warning is shown at the checkout itself; everything else happens without the customer.
  if (kind !== "warning") facts.push(m.nothingToDo);
  return facts;
}
