/**
 * The guard: before the customer buys, answer from their history whether they would regret
 * it — they already own it (same sku, or another edition of the same work), or they bought
 * it recently at a higher price that our price guarantee will refund. Only map lookups on
 * the hot path, so a check takes microseconds.
 */
import type { Engine } from "../engine/engine.js";
import type { OwnershipRecord } from "../engine/records.js";
import { interpolate, LANGS, type Lang, type Localized } from "../i18n/lang.js";
import { dayStart, easternmostZone, localDay } from "../i18n/zones.js";
import { formatMoney, type Money, money, parseMoney } from "../money/index.js";
import type { CompiledPromise } from "../promises/document.js";
import { guardMessages } from "./messages.js";

/** An item the customer is about to buy. */
export interface GuardItem {
  readonly sku: string;
  readonly kind: string;
  readonly workId?: string;
  readonly title?: string;
  /** Unit price now, as a decimal string, with its currency. */
  readonly price?: string;
  readonly currency?: string;
  readonly gift?: boolean;
}

/** A guard request: who is buying what, and when (default: the engine's event time). */
export interface GuardRequest {
  readonly customer: string;
  readonly items: readonly GuardItem[];
  readonly at?: string;
}

/** Stable codes of guard warnings. */
export type WarningCode =
  | "already_owned"
  | "already_owned_edition"
  | "subscription_active"
  | "price_protection";

/** A warning: what, about which item, the earlier purchase it rests on, and the words to say. */
export interface Warning {
  readonly code: WarningCode;
  readonly promise: string;
  readonly sku: string;
  readonly earlier: { readonly order: string; readonly sku: string; readonly date: string };
  readonly refund?: Money;
  readonly text: Localized;
}

/** Kinds that never warn as already owned: one buys them again on purpose. */
const NEVER_OWNED = new Set(["consumable", "physical", "service"]);
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
// Formatting a date through Intl costs microseconds and a check formats three (one per
// language), so each (language, day) is formatted once; bounded by a trim.
const formattedDays = new Map<string, string>();

/** `ms` as the date it was in `zone`, in `lang`. */
function formatDate(ms: number, lang: Lang, zone: string): string {
  const day = localDay(ms, zone);
  const key = `${lang}|${day}`;
  const known = formattedDays.get(key);
  if (known !== undefined) return known;
  let f = dateFormats.get(lang);
  if (!f) {
    // The day is already the customer's: written as the UTC date of its midnight.
    f = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(lang, f);
  }
  const text = f.format(dayStart(day));
  if (formattedDays.size >= 10_000) formattedDays.clear();
  formattedDays.set(key, text);
  return text;
}

function localized(code: WarningCode, params: (lang: Lang) => Record<string, string>): Localized {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS)
    out[lang] = interpolate(guardMessages[lang][code] ?? code, params(lang));
  return out;
}

/** Answers guard requests from an engine's state, per the guard promises it was given. */
export class Guard {
  private readonly owned?: CompiledPromise;
  private readonly protection?: CompiledPromise;

  constructor(private readonly engine: Engine) {
    for (const p of engine.promises) {
      if (p.guard?.check === "already-owned") this.owned ??= p;
      if (p.guard?.check === "price-protection") this.protection ??= p;
    }
  }

  /** The warnings for a purchase; empty when there is nothing to regret. */
  check(req: GuardRequest): Warning[] {
    const out: Warning[] = [];
    const cust = this.engine.state.customers.get(req.customer);
    if (!cust) return out;
    // Dates as they were where the customer is: their country's (easternmost) zone, else UTC.
    const zone = easternmostZone(cust.country) ?? "UTC";
    const now = req.at ? Date.parse(req.at) : this.engine.now;
    for (const item of req.items) {
      if (item.gift) continue;
      if (this.owned && !NEVER_OWNED.has(item.kind)) {
        const bySku = cust.owned.get(item.sku);
        const byWork = item.workId === undefined ? undefined : cust.works.get(item.workId);
        const hit =
          bySku && !bySku.refunded ? bySku : byWork && !byWork.refunded ? byWork : undefined;
        if (hit && this.stillOwned(hit, req.customer)) {
          const code: WarningCode =
            item.kind === "subscription"
              ? "subscription_active"
              : hit.sku === item.sku
                ? "already_owned"
                : "already_owned_edition";
          out.push(this.ownedWarning(code, this.owned.id, item, hit, zone));
          continue;
        }
      }
      if (this.protection && item.price !== undefined && item.currency !== undefined) {
        const warning = this.priceWarning(this.protection, req.customer, item, now, zone);
        if (warning) out.push(warning);
      }
    }
    return out;
  }

  private stillOwned(hit: OwnershipRecord, customer: string): boolean {
    if (hit.kind !== "subscription") return true;
    for (const subs of this.engine.state.subscribers.values()) {
      if (subs.get(customer)?.order === hit.order) return true;
    }
    return false;
  }

  private ownedWarning(
    code: WarningCode,
    promise: string,
    item: GuardItem,
    hit: OwnershipRecord,
    zone: string,
  ): Warning {
    const title = hit.title ?? item.title ?? item.sku;
    return {
      code,
      promise,
      sku: item.sku,
      earlier: { order: hit.order, sku: hit.sku, date: new Date(hit.at).toISOString() },
      text: localized(code, (lang) => ({
        title,
        order: hit.order,
        date: formatDate(hit.at, lang, zone),
      })),
    };
  }

  private priceWarning(
    promise: CompiledPromise,
    customer: string,
    item: GuardItem,
    now: number,
    zone: string,
  ): Warning | undefined {
    const price = parseMoney(item.price ?? "", item.currency ?? "");
    if (!price.ok) return undefined;
    const since = now - (promise.guard?.windowMs ?? 0);
    const list = this.engine.state.purchases.get(item.sku) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const p = list[i];
      if (!p || p.at < since) break;
      if (
        p.customer !== customer ||
        p.currency !== price.value.currency ||
        p.netPrice <= price.value.minor
      )
        continue;
      const difference = money((p.netPrice - price.value.minor) * BigInt(p.quantity), p.currency);
      const paid = money(p.netPrice, p.currency);
      return {
        code: "price_protection",
        promise: promise.id,
        sku: item.sku,
        earlier: { order: p.order, sku: p.sku, date: new Date(p.at).toISOString() },
        refund: difference,
        text: localized("price_protection", (lang) => ({
          title: item.title ?? item.sku,
          date: formatDate(p.at, lang, zone),
          paid: formatMoney(paid, lang),
          now: formatMoney(price.value, lang),
          difference: formatMoney(difference, lang),
        })),
      };
    }
    return undefined;
  }
}
