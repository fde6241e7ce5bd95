/**
 * The store's say on the engine's remedies: caps and budgets, which the store counts across
 * every writer (see spend.ts).
 */
import type { CompiledPromise, Remedy, SpendStore } from "@goodfaith/core";
import { reserveSpend } from "./spend.js";

/** A remedy the engine decided, with the log position of the event that produced it. */
export interface DerivedRemedy {
  readonly seq: number;
  readonly remedy: Remedy;
}

/** What `governRemedies` made of a batch's remedies. */
export interface GovernedRemedies {
  /** The remedies in the same order, those the store refused now needing approval. */
  readonly remedies: DerivedRemedy[];
  /** Keys of the remedies the engine approved and the store's limits held for a person. */
  readonly held: Set<string>;
}

/** `decided` with the store's say on its promises' caps and budgets (see `reserveSpend`). */
export async function governRemedies(
  store: SpendStore,
  decided: readonly DerivedRemedy[],
  promises: ReadonlyMap<string, CompiledPromise>,
): Promise<GovernedRemedies> {
  const remedies = await reserveSpend(
    store,
    decided.map((d) => d.remedy),
    promises,
  );
  const held = new Set<string>();
  remedies.forEach((r, i) => {
    if (r.approval.required && !decided[i]?.remedy.approval.required) held.add(r.key);
  });
  return {
    remedies: decided.map((d, i) => ({ seq: d.seq, remedy: remedies[i] ?? d.remedy })),
    held,
  };
}
