/**
 * What the demo reports, worked out from the store after ingesting — not from the generator —
 * so the numbers are what Goodfaith actually recorded: remedies by promise with what they
 * give back (money per currency, loyalty points apart), those waiting for a person, the
 * customers reached, and how often we told the customer first.
 */
import {
  type DecimalMoney,
  isEventOfType,
  money,
  POINTS,
  parseMoney,
  type RemedyCursor,
  type Store,
  type StoredRemedy,
  toDecimalString,
} from "@goodfaith/core";
import { type ContactFact, type RemedyFact, type ToldFirst, toldFirst } from "./told-first.js";

/** What one promise did, or all of them together. */
export interface RemedyTotals {
  readonly remedies: number;
  /** Money given back per currency (sorted), from each remedy's split over the tenders. */
  readonly money: readonly DecimalMoney[];
  /** Loyalty points given back, as a decimal string ("0" when none). */
  readonly points: string;
  readonly awaitingApproval: number;
}

/** The demo's summary. */
export interface DemoSummary {
  readonly events: number;
  readonly remedies: RemedyTotals;
  /** By promise id, sorted. */
  readonly byPromise: Readonly<Record<string, RemedyTotals>>;
  /** Distinct customers with at least one remedy. */
  readonly customersReached: number;
  readonly toldFirst: ToldFirst;
}

// The part of a stored remedy's `detail` (the engine's JSON of the remedy) the summary reads.
interface Detail {
  readonly subject?: { readonly type: string; readonly id: string };
  readonly split?: readonly DecimalMoney[];
}

class Tally {
  remedies = 0;
  awaiting = 0;
  readonly #minor = new Map<string, bigint>();

  add(r: StoredRemedy, detail: Detail): void {
    this.remedies++;
    if (r.status === "awaiting_approval") this.awaiting++;
    // The split says what goes back where: card money as money, points as points.
    const parts =
      detail.split && detail.split.length > 0 ? detail.split : r.amount ? [r.amount] : [];
    for (const p of parts) {
      const parsed = parseMoney(p.amount, p.currency);
      if (!parsed.ok) throw new Error(`remedy ${r.key}: bad amount ${p.amount} ${p.currency}`);
      this.#minor.set(p.currency, (this.#minor.get(p.currency) ?? 0n) + parsed.value.minor);
    }
  }

  toJson(): RemedyTotals {
    const currencies = [...this.#minor.keys()].filter((c) => c !== POINTS).sort();
    return {
      remedies: this.remedies,
      money: currencies.map((currency) => ({
        amount: toDecimalString(money(this.#minor.get(currency) ?? 0n, currency)),
        currency,
      })),
      points: toDecimalString(money(this.#minor.get(POINTS) ?? 0n, POINTS)),
      awaitingApproval: this.awaiting,
    };
  }
}

/** Every remedy in the store, page by page. */
export async function* allRemedies(store: Store): AsyncGenerator<StoredRemedy> {
  let after: RemedyCursor | undefined;
  do {
    const page = await store.listRemedies({}, { limit: 1000, ...(after && { after }) });
    yield* page.remedies;
    after = page.next;
  } while (after);
}

/** The support contacts in the store that name a booking or an order. */
export async function contactFacts(store: Store): Promise<ContactFact[]> {
  const facts: ContactFact[] = [];
  for await (const { event } of store.readEvents()) {
    if (!isEventOfType(event, "support.contact")) continue;
    const { booking, order } = event.data;
    if (booking === undefined && order === undefined) continue;
    facts.push({
      customer: event.customer,
      at: Date.parse(event.time),
      ...(booking !== undefined && { booking }),
      ...(order !== undefined && { order }),
    });
  }
  return facts;
}

/**
 * The summary of what the store holds. `promises` are listed even when they gave nothing, so
 * a promise that never fired shows as 0 rather than not at all.
 */
export async function summarize(
  store: Store,
  promises: readonly string[] = [],
): Promise<DemoSummary> {
  const total = new Tally();
  const byPromise = new Map(promises.map((id) => [id, new Tally()]));
  const customers = new Set<string>();
  const facts: RemedyFact[] = [];
  for await (const r of allRemedies(store)) {
    const detail = JSON.parse(r.detail) as Detail;
    total.add(r, detail);
    const tally = byPromise.get(r.promise) ?? new Tally();
    byPromise.set(r.promise, tally);
    tally.add(r, detail);
    customers.add(r.customer);
    facts.push({
      customer: r.customer,
      at: r.at,
      ...(detail.subject && { subject: detail.subject }),
    });
  }
  return {
    events: await store.countEvents(),
    remedies: total.toJson(),
    byPromise: Object.fromEntries(
      [...byPromise.keys()].sort().map((id) => [id, byPromise.get(id)?.toJson()]),
    ) as Record<string, RemedyTotals>,
    customersReached: customers.size,
    toldFirst: toldFirst(facts, await contactFacts(store)),
  };
}
