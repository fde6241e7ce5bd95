/**
 * The remedies chain as the ingestor writes it: each remedy it creates is `remedy.planned` on
 * the ledger, followed by `remedy.approved` unless the promise asks for a person.
 */
import { jsonSafe, type LedgerStore, type Remedy, toDecimalString } from "@goodfaith/core";
import { digestJson } from "../ledger/canonical-json.js";
import type { LedgerDraft } from "../ledger/entry.js";
import { pseudonym } from "../ledger/pseudonym.js";
import { ENGINE_ACTOR } from "../remedy-rows.js";

/** The chain remedy entries are appended to. */
export const REMEDIES_CHAIN = "remedies";

/** The ledger drafts of `remedy`, at `at`, naming it and its customer by pseudonyms of `secret`. */
export function remedyDrafts(remedy: Remedy, secret: string, at: number): LedgerDraft[] {
  const remedyKey = pseudonym(secret, remedy.key);
  const planned: LedgerDraft = {
    chain: REMEDIES_CHAIN,
    at,
    kind: "remedy.planned",
    actor: ENGINE_ACTOR,
    remedyKey,
    customerRef: pseudonym(secret, remedy.customer),
    ...(remedy.amount && {
      amount: toDecimalString(remedy.amount),
      currency: remedy.amount.currency,
    }),
    facts: digestJson(jsonSafe(remedy.explanation)),
  };
  if (remedy.approval.required) return [planned];
  const approved: LedgerDraft = {
    chain: REMEDIES_CHAIN,
    at,
    kind: "remedy.approved",
    actor: ENGINE_ACTOR,
    remedyKey,
    from: "planned",
    to: "approved",
  };
  return [planned, approved];
}

/**
 * Drafts by remedy key: the ledger drafts of those of `remedies` with the given keys, in the
 * keys' order, each timed by `now` when drafted (keys of other remedies have none).
 */
export function remedyDraftsByKey(
  remedies: readonly Remedy[],
  secret: string,
  now: () => number,
): (keys: readonly string[]) => LedgerDraft[] {
  const byKey = new Map(remedies.map((r) => [r.key, r]));
  return (keys) =>
    keys.flatMap((key) => {
      const remedy = byKey.get(key);
      return remedy ? remedyDrafts(remedy, secret, now()) : [];
    });
}

/**
 * The keys of remedies that exist without their `remedy.planned` entry (`keys` minus
 * `created`, whose entries were appended with them, minus those the chain has).
 */
export async function unledgeredRemedies(
  store: LedgerStore,
  secret: string,
  keys: readonly string[],
  created: ReadonlySet<string>,
): Promise<string[]> {
  const planned = new Set<string>();
  for await (const entry of store.readLedger(REMEDIES_CHAIN)) {
    if (entry.kind === "remedy.planned" && entry.remedyKey) planned.add(entry.remedyKey);
  }
  return keys.filter((key) => !created.has(key) && !planned.has(pseudonym(secret, key)));
}
