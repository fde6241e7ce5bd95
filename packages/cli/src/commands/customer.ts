/** `goodfaith customer erase`: removes a customer's personal data; the ledger records it and still verifies. */
import { hasCustomerEvents } from "@goodfaith/core";
import { customerTimeline, knowsNothing } from "@goodfaith/server";
import { eraseCustomer } from "@goodfaith/store";
import type { Command } from "commander";

import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { t } from "../messages.js";
import { noticeStatusText, padColumn, remedyStatusText } from "./remedy-display.js";
import { dbHelp, withCliStore } from "./store-options.js";

/** Options of `goodfaith customer erase`. */
export interface CustomerEraseOptions {
  readonly db?: string;
  /** Who asked for the erasure, recorded in the ledger. @default "cli" */
  readonly actor?: string;
  readonly json?: boolean;
}

/** `goodfaith customer erase <id>`: resolves to the exit code. */
export function customerEraseCommand(
  customer: string,
  opts: CustomerEraseOptions,
  ctx: CliContext,
): Promise<number> {
  return withCliStore(opts.db, ctx, true, async (store) => {
    // Asked before erasing, which leaves no personal data to find. A store that cannot say
    // gives no warning rather than a wrong one.
    const unknown =
      hasCustomerEvents(store) && knowsNothing(await customerTimeline(store, customer, 1));
    const result = await eraseCustomer(store, customer, {
      ...(opts.actor !== undefined && { actor: opts.actor }),
    });
    if (!result.ok) {
      ctx.err(t(ctx.lang, "customerReserved", { customer }));
      return EXIT.invalid;
    }
    if (opts.json) {
      ctx.out(JSON.stringify({ customer, ...result }));
    } else {
      ctx.out(t(ctx.lang, "erased", { count: result.erased, customer }));
      ctx.out(t(ctx.lang, "erasedEvents", { count: result.redactedEvents }));
      ctx.out(t(ctx.lang, "erasedRemedies", { count: result.redactedRemedies }));
      ctx.out(t(ctx.lang, "erasedNotices", { count: result.erasedNotices }));
      ctx.out(t(ctx.lang, "erasedWebhookEvents", { count: result.erasedWebhookEvents }));
      ctx.out(t(ctx.lang, "erasedLedger", { ref: result.customerRef, seq: result.head?.seq ?? 0 }));
    }
    // Still recorded: an erasure request must be provable even for an id never seen.
    if (unknown) ctx.err(t(ctx.lang, "erasedUnknown", { customer }));
    return EXIT.ok;
  });
}

/** `goodfaith customers show <id>`: what an agent sees when opening the customer. */
export function customerShowCommand(
  customer: string,
  opts: { readonly db?: string; readonly json?: boolean; readonly limit?: number },
  ctx: CliContext,
): Promise<number> {
  if (opts.limit !== undefined && !(Number.isSafeInteger(opts.limit) && opts.limit >= 1)) {
    ctx.err(t(ctx.lang, "badWhole", { option: "--limit", min: 1 }));
    return Promise.resolve(EXIT.failure);
  }
  return withCliStore(opts.db, ctx, true, async (store) => {
    if (!hasCustomerEvents(store)) {
      ctx.err(t(ctx.lang, "storeNoCustomerEvents"));
      return EXIT.failure;
    }
    const timeline = await customerTimeline(store, customer, opts.limit ?? 100);
    const { data, events, remedies, notices } = timeline;
    // As `remedies show` says of an unknown key: an id nothing is known about is likely a typo.
    if (knowsNothing(timeline)) {
      ctx.err(t(ctx.lang, "customerUnknown", { customer }));
      return EXIT.invalid;
    }
    if (opts.json) {
      ctx.out(JSON.stringify(timeline));
      return EXIT.ok;
    }
    ctx.out(t(ctx.lang, "customerTitle", { customer }));
    ctx.out(t(ctx.lang, "customerData", { count: data.length }));
    for (const d of data) ctx.out(`  ${d.field} = ${d.value}  (${d.purpose ?? "—"})`);
    ctx.out(t(ctx.lang, "customerEvents", { count: events.length }));
    for (const { seq, event } of events) {
      const e = event as { time?: string; type?: string; id?: string };
      ctx.out(`  #${seq}  ${e.time ?? ""}  ${e.type ?? ""}  ${e.id ?? ""}`);
    }
    ctx.out(t(ctx.lang, "customerRemedies", { count: remedies.length }));
    const rs = remedies.map(
      (h) =>
        h.remedy as { key: string; status: string; amount?: { amount: string; currency: string } },
    );
    const statuses = padColumn(rs.map((r) => remedyStatusText(ctx.lang, r.status)));
    rs.forEach((r, i) => {
      const amount = r.amount ? `${r.amount.amount} ${r.amount.currency}` : "—";
      ctx.out(`  ${statuses[i]} ${amount.padStart(16)}  ${r.key}`);
    });
    ctx.out(t(ctx.lang, "customerNotices", { count: notices.length }));
    const ns = notices.map((n) => n as { [k: string]: string | undefined });
    const noticeStatuses = padColumn(ns.map((n) => noticeStatusText(ctx.lang, String(n.status))));
    ns.forEach(({ reason, lang, subject }, i) => {
      ctx.out(`  ${noticeStatuses[i]} ${lang}  ${subject || "—"}${reason ? `  (${reason})` : ""}`);
    });
    return EXIT.ok;
  });
}

/** Adds `goodfaith customer erase|show` (also spelt `customers`) to `program`. */
export function registerCustomerCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  const customer = program.command("customer").alias("customers").description(h("customer"));
  customer
    .command("show")
    .description(h("customerShow"))
    .argument("<id>", h("customerId"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--limit <n>", h("customerLimit"), Number, 100)
    .option("--json", h("json"))
    .action(async (id: string, opts: { db?: string; limit: number; json?: boolean }) =>
      setExit(await customerShowCommand(id, opts, ctx())),
    );
  customer
    .command("erase")
    .description(h("customerErase"))
    .argument("<id>", h("customerId"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--actor <who>", h("customerActor"), "cli")
    .option("--json", h("json"))
    .action(async (id: string, opts: { db?: string; actor: string; json?: boolean }) =>
      setExit(
        await customerEraseCommand(
          id,
          {
            actor: opts.actor,
            ...(opts.db !== undefined && { db: opts.db }),
            ...(opts.json !== undefined && { json: opts.json }),
          },
          ctx(),
        ),
      ),
    );
}
