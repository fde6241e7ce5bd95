/**
 * Test support for the exactly-once property: the steps it runs (`exactly-once-world.ts` runs
 * them), what the payment system answers, and the store outage a pass may meet.
 */
import type { ExecutionResult, Store } from "@goodfaith/core";

/** How the payment system answers a call: paid, failed (worth retrying or not), or no answer yet. */
export type Answer = "executed" | "retryable" | "fatal" | "pending";

/**
 * A store outage in the middle of a pass: its `call`th store call (from the first) fails once
 * as unavailable, before reaching the store or after it `committed` (its answer lost).
 */
export interface Outage {
  readonly call: number;
  readonly committed: boolean;
}

/** One step; `worker` and `remedy` are indices (taken modulo the counts), `advance` moves the clock. */
export type Step =
  | {
      readonly kind: "claim";
      readonly worker: number;
      readonly advance: number;
      readonly limit: number;
    }
  /** Every worker claims at once, each on its own connection. */
  | { readonly kind: "claimTogether"; readonly advance: number }
  /** A worker starts its `pick`th unstarted claim and calls the payment system. */
  | {
      readonly kind: "start";
      readonly worker: number;
      readonly pick: number;
      readonly advance: number;
    }
  /** The payment system answers a worker's `pick`th call under way. */
  | {
      readonly kind: "answer";
      readonly worker: number;
      readonly pick: number;
      readonly answer: Answer;
      readonly advance: number;
    }
  /** A worker stops: hands back its unstarted claims. */
  | { readonly kind: "stop"; readonly worker: number }
  /**
   * A whole `runOutbox` pass; `during` happens while its first call is under way. It first
   * hands back the claims its worker's last pass stranded when `outage` failed it.
   */
  | {
      readonly kind: "pass";
      readonly worker: number;
      readonly advance: number;
      readonly limit: number;
      readonly answers: readonly Answer[];
      readonly during?: Step;
      readonly stop: boolean;
      readonly outage?: Outage;
    }
  /** The payment system's callback; `race` happens between its read and its write. */
  | {
      readonly kind: "callback";
      readonly remedy: number;
      readonly ok: boolean;
      readonly retryable: boolean;
      readonly advance: number;
      readonly race?: Step;
    }
  | { readonly kind: "retry"; readonly remedy: number }
  /** A person cancels, or gives up on (failed → dead). */
  | { readonly kind: "cancel"; readonly remedy: number; readonly to: "cancelled" | "dead" };

/** The payment system's reference for a payment of `key`. */
export const REFERENCE = (key: string) => `re_${key}`;

/** What a call fails with in an outage: a refused connection, as node-postgres reports it. */
export const OUTAGE = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
  code: "ECONNREFUSED",
});

/** `store`, with its `outage.call`th call failing as `OUTAGE` (once: the store is back after). */
export function failing(store: Store, outage: Outage | undefined): Store {
  if (outage === undefined) return store;
  let calls = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        if (calls++ !== outage.call) return value.apply(target, args);
        if (outage.committed) await value.apply(target, args);
        throw OUTAGE;
      };
    },
  });
}

/** What the executor returns for `answer`. */
export function result(answer: Answer, key: string): ExecutionResult {
  switch (answer) {
    case "executed":
      return { ok: true, reference: REFERENCE(key) };
    case "retryable":
      return { ok: false, error: "503", retryable: true };
    case "fatal":
      return { ok: false, error: "card closed", retryable: false };
    case "pending":
      return { ok: false, pending: true };
    default:
      throw new Error(`unknown answer ${answer satisfies never}`);
  }
}

/** The i-th of `items` in key order, if any. */
export function pick<T>(items: Map<string, T>, i: number): [string, T] | undefined {
  const entries = [...items.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? undefined : entries[i % entries.length];
}
