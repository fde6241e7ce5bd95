/**
 * The outbox worker as a process runs it (`goodfaith serve`, `goodfaith outbox run`): passes
 * of due remedies through the executor and then of due webhook deliveries, back to back while
 * they find work, else every interval, until stopped.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { hasWebhooks, type RemedyExecutor, type Store, type StoredRemedy } from "@goodfaith/core";
import { isStoreUnavailable } from "../store-unavailable.js";
import { type DeliverySummary, runWebhookDeliveries } from "../webhooks/deliver.js";
import type { OutboxOptions } from "./options.js";
import { type OutboxSummary, runOutbox } from "./run-outbox.js";

/** What one pass of the worker did. */
export interface OutboxPass {
  readonly remedies: OutboxSummary;
  /** Absent for a store without webhooks. */
  readonly deliveries?: DeliverySummary;
}

/**
 * One pass: due remedies through `executor`, then due webhook deliveries. `signal` stops it
 * between remedies (see `OutboxOptions.signal`), and before the deliveries: they are sent all
 * at once, so a batch has none left unstarted to hand back, and a stopped pass claims none.
 * `stranded`: the claims an earlier pass left unstarted when it failed, handed back first, and
 * where this pass reports its own if it fails (see `OutboxOptions.handBack`).
 */
export async function outboxPass(
  store: Store,
  executor: RemedyExecutor,
  leaseMs?: number,
  signal?: AbortSignal,
  stranded?: Pick<OutboxOptions, "handBack" | "onStranded">,
): Promise<OutboxPass> {
  const remedies = await runOutbox(store, executor, {
    ...(leaseMs !== undefined && { leaseMs }),
    ...(signal !== undefined && { signal }),
    ...stranded,
  });
  if (!hasWebhooks(store)) return { remedies };
  return {
    remedies,
    deliveries: await runWebhookDeliveries(store, signal === undefined ? {} : { signal }),
  };
}

/** Whether a pass found anything to do (handing back claims an earlier one stranded included). */
export function outboxPassBusy(pass: OutboxPass): boolean {
  const { claimed, dead, released } = pass.remedies;
  return claimed + dead + released + (pass.deliveries?.claimed ?? 0) > 0;
}

// Every count of `a` and `b` added up (the summaries are counts, and remedies' outcomes).
function addCounts<T extends object>(a: T, b: T): T {
  const sum: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) {
    const other = (b as Record<string, unknown>)[key];
    sum[key] = Array.isArray(value)
      ? [...value, ...(other as unknown[])]
      : (value as number) + (other as number);
  }
  return sum as T;
}

/** Two passes as one (a burst of passes reported once). */
export function addPasses(a: OutboxPass, b: OutboxPass): OutboxPass {
  const remedies = addCounts(a.remedies, b.remedies);
  if (a.deliveries === undefined || b.deliveries === undefined) return { remedies };
  return { remedies, deliveries: addCounts(a.deliveries, b.deliveries) };
}

/** How a background outbox worker runs. */
export interface OutboxWorkerOptions {
  readonly leaseMs?: number;
  /** Pause after a pass that found nothing due (or failed). @default 5000 */
  readonly intervalMs?: number;
  /** Called after each pass. */
  readonly onPass?: (pass: OutboxPass) => void;
  /** Called when a pass throws, and the worker goes on; absent: the worker stops and `done` rejects. */
  readonly onError?: (error: unknown) => void;
  /**
   * Called once when passes start failing because the store is unavailable (`isStoreUnavailable`:
   * a restart, a failover, a cut network), with the first such error; the worker goes on,
   * pausing twice as long after each failed pass (up to `maxOutageIntervalMs`), and says
   * nothing more until `onStoreBack`. Absent: such a failure goes to `onError` like any other.
   * Either way, the claims such a pass never started are handed back by the next pass, as soon
   * as the store answers, rather than held until their lease runs out.
   */
  readonly onStoreUnavailable?: (error: unknown) => void;
  /** Called once when a pass succeeds after `onStoreUnavailable`. */
  readonly onStoreBack?: () => void;
  /** The longest pause between passes while the store is unavailable. @default 5000, or `intervalMs` if longer */
  readonly maxOutageIntervalMs?: number;
}

/** A worker running passes in the background. */
export interface OutboxWorker {
  /** Settles when the worker has stopped: after `stop`, or (without `onError`) on an error. */
  readonly done: Promise<void>;
  /**
   * Stops the pass under way, if any, between remedies: resolves once the executor call under
   * way (which may have reached the other system) is recorded and the claims not started are
   * handed back, due at once for any worker.
   */
  stop(): Promise<void>;
}

/**
 * Runs passes until `stop`, back to back while they find work, else every `intervalMs`. A
 * stop never cuts an executor call short, and starts no attempt after it: once `stop`
 * resolves, no remedy is left claimed by this worker unless handed over and awaiting its
 * confirmation, and the store may close.
 */
export function startOutboxWorker(
  store: Store,
  executor: RemedyExecutor,
  options: OutboxWorkerOptions = {},
): OutboxWorker {
  const controller = new AbortController();
  const { signal } = controller;
  const intervalMs = options.intervalMs ?? 5000;
  const maxOutageMs = Math.max(intervalMs, options.maxOutageIntervalMs ?? 5000);
  // Passes failed in a row because the store is unavailable: 0 while it answers.
  let outage = 0;
  // Claims a pass failed to start when the store went away: known never sent, so the next
  // pass hands them back (due at once) instead of leaving them executing until their lease ends.
  let stranded: readonly StoredRemedy[] = [];
  const nextPass = async () => {
    let left: readonly StoredRemedy[] = [];
    try {
      const pass = await outboxPass(store, executor, options.leaseMs, signal, {
        handBack: stranded,
        onStranded: (claims) => {
          left = claims;
        },
      });
      stranded = [];
      return pass;
    } catch (error) {
      // Not after a bug: that pass would fail again, and handing its claims out at each pass
      // rather than once per lease would only fill the ledger with claims and releases.
      stranded = isStoreUnavailable(error) ? left : [];
      throw error;
    }
  };
  const done = (async () => {
    while (!signal.aborted) {
      let busy = false;
      try {
        const pass = await nextPass();
        busy = outboxPassBusy(pass);
        if (outage > 0) options.onStoreBack?.();
        outage = 0;
        options.onPass?.(pass);
      } catch (error) {
        if (options.onStoreUnavailable !== undefined && isStoreUnavailable(error)) {
          // One line per outage, not one per pass: an hour-long outage at one pass a second
          // would otherwise bury everything else in the log.
          if (outage++ === 0) options.onStoreUnavailable(error);
        } else if (options.onError === undefined) {
          throw error;
        } else {
          options.onError(error);
        }
      }
      // A pass that found work goes again at once, so a backlog drains at full speed; while
      // the store is away, each failed pass waits longer, so a long outage costs little.
      const pause =
        outage > 0 ? Math.min(intervalMs * 2 ** (outage - 1), maxOutageMs) : busy ? 0 : intervalMs;
      if (pause > 0) await sleep(pause, undefined, { signal }).catch(() => {});
    }
    // Stopped during an outage: a stopped pass claims nothing but still hands back, if the
    // store answers; if not, the lease frees them.
    if (stranded.length > 0) {
      await nextPass().then(options.onPass, () => {});
    }
  })();
  // Never an unhandled rejection: whoever awaits `done` or `stop` sees the error.
  done.catch(() => {});
  return {
    done,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}
