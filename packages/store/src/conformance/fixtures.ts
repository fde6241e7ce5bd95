/** Test data for the conformance suite: events, remedies and ledger links. */
import { createHash } from "node:crypto";
import {
  type GoodfaithEvent,
  type LedgerEntry,
  type LedgerFollowUp,
  type LedgerHead,
  type NewRemedy,
  type Notice,
  type RemedyMove,
  type Store,
  validateEvent,
} from "@goodfaith/core";
import { linkDrafts } from "../ingest/append-ledger.js";
import { REMEDIES_CHAIN } from "../ingest/ingestor.js";
import { ledgerSecret } from "../ingest/secret.js";
import { pseudonym } from "../ledger/pseudonym.js";

/** A fixed instant (2026-11-06T12:00:00Z) the suite's times are relative to. */
export const T0 = Date.UTC(2026, 10, 6, 12);

const DAY_MS = 86_400_000;

/** The start of T0's UTC day plus `days`. */
export function day(days: number): number {
  return Math.floor(T0 / DAY_MS) * DAY_MS + days * DAY_MS;
}

/** A valid `order.delivered` event, through the core's own validation. */
export function event(id: string, time = T0, customer = "c-1"): GoodfaithEvent {
  const result = validateEvent({
    id,
    type: "order.delivered",
    time: new Date(time).toISOString(),
    customer,
    data: { order: `o-${id}` },
  });
  if (!result.ok) throw new Error(`fixture event ${id} is invalid`);
  return result.value;
}

/** `n` events with ids `<prefix>0…`, one second apart from `start`. */
export function events(prefix: string, n: number, start = T0): GoodfaithEvent[] {
  return Array.from({ length: n }, (_, i) => event(`${prefix}${i}`, start + i * 1000));
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** An approved €4.99 refund with this key, with `changes` applied. */
export function remedy(key: string, changes: Partial<NewRemedy> = {}): NewRemedy {
  return {
    key,
    promise: "late-delivery",
    version: "2026.11",
    customer: "c-1",
    kind: "refund",
    amount: { amount: "4.99", currency: "EUR" },
    status: "approved",
    at: T0,
    dueBy: T0 + 7 * DAY_MS,
    detail: JSON.stringify({ key, explanation: { events: ["e1"] } }),
    ...changes,
  };
}

/**
 * The ledger entries of `remedy()`s recorded approved, as ingest writes them (planned with the
 * €4.99, then approved), so that `ledger verify` can compare the remedies table with the chain.
 */
export function approvedOnLedger(secret: string, at = T0): LedgerFollowUp {
  return {
    chain: REMEDIES_CHAIN,
    entries: (moves, head) =>
      linkDrafts(
        head,
        moves.flatMap((m) => {
          const base = { chain: REMEDIES_CHAIN, at, actor: "engine" };
          const remedyKey = pseudonym(secret, m.key);
          return [
            { ...base, kind: "remedy.planned", remedyKey, amount: "4.99", currency: "EUR" },
            { ...base, kind: "remedy.approved", remedyKey, from: "planned", to: "approved" },
          ];
        }),
      ),
  };
}

/** A ready notice for remedy `key`; `changes` override any field. */
export function notice(key: string, changes: Partial<Notice> = {}): Notice {
  return {
    key,
    customer: "c-1",
    promise: "late-delivery",
    template: "retail.late-delivery",
    lang: "sv",
    status: "ready",
    channel: "email",
    subject: `Din beställning ${key} är sen`,
    body: "Hej Anna,\n\nVi betalar tillbaka 4,99\u00a0€ till ditt kort.",
    at: new Date(T0).toISOString(),
    ...changes,
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The 64-zero prevHash of a chain's first entry. */
export const GENESIS = "0".repeat(64);

/**
 * The entry after `head` in `chain`, hashed over its fields — the store never checks hashes,
 * so any stable digest will do; the ledger module owns the real encoding.
 */
export function link(
  chain: string,
  head: LedgerHead | undefined,
  actor = "engine",
  optional: Partial<
    Pick<LedgerEntry, "remedyKey" | "customerRef" | "from" | "to" | "amount" | "currency" | "facts">
  > = {},
): LedgerEntry {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const fields = {
    chain,
    seq,
    at: T0 + seq,
    kind: "remedy.transition",
    actor,
    ...optional,
    prevHash,
  };
  return { ...fields, hash: sha256(JSON.stringify(fields)) };
}

/** `n` linked entries continuing `head`. */
export function links(chain: string, head: LedgerHead | undefined, n: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  let top = head;
  for (let i = 0; i < n; i++) {
    const next = link(chain, top, "engine", {
      remedyKey: sha256(`r${i}`),
      from: "approved",
      to: "executing",
    });
    out.push(next);
    top = next;
  }
  return out;
}

/** A follow-up whose entries name their move in `actor` ("from>to"), collecting the moves. */
export function namedMoves(moves: RemedyMove[]): LedgerFollowUp {
  return {
    chain: "remedies",
    entries: (m, head) => {
      moves.push(...m);
      const out: LedgerEntry[] = [];
      for (const move of m) {
        out.push(link("remedies", out.at(-1) ?? head, `${move.from ?? ""}>${move.to}`));
      }
      return out;
    },
  };
}

/** The ledger's transitions of one remedy, as "from>to@actor". */
export async function ledgerMoves(store: Store, key: string): Promise<string[]> {
  const ref = pseudonym(await ledgerSecret(store), key);
  const moves: string[] = [];
  for await (const e of store.readLedger(REMEDIES_CHAIN)) {
    if (e.remedyKey === ref && e.kind === "remedy.transition") {
      moves.push(`${e.from}>${e.to}@${e.actor}`);
    }
  }
  return moves;
}
