/**
 * `goodfaith remedies list|show|approve|reject|retry`: what the engine decided, and the
 * decisions people make on it. Every move goes through the store with its ledger entry in
 * the same transaction (see `decideRemedy`, `retryRemedy`).
 */
import {
  REMEDY_ACTION_WORDS,
  REMEDY_STATUSES,
  type RemedyFilter,
  type RemedyStatus,
  type Store,
} from "@goodfaith/core";
import { decodeCursor, encodeCursor, historyJson, remedyJson } from "@goodfaith/server";
import { type Decision, decideRemedy, retryRemedy } from "@goodfaith/store";
import type { Command } from "commander";
import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { parseRfc3339 } from "../io/time.js";
import { catalogs, type MessageKey, t } from "../messages.js";
import { padColumn, remedyDetailLines, remedyStatusText } from "./remedy-display.js";
import { dbHelp, withCliStore } from "./store-options.js";

/** Options every `remedies` command takes. */
export interface RemediesOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** Options of `goodfaith remedies list`. */
export interface RemediesListOptions extends RemediesOptions {
  readonly status?: readonly string[];
  readonly customer?: string;
  readonly promise?: string;
  /** Only remedies of incidents at or after this RFC 3339 time. */
  readonly from?: string;
  /** Only remedies of incidents before this RFC 3339 time. */
  readonly to?: string;
  readonly limit?: number;
  /** The `next` cursor a previous page printed. */
  readonly after?: string;
}

/** Runs `work` on the store of `opts.db`, which must exist (see `withCliStore`). */
export function withStore(
  opts: RemediesOptions,
  ctx: CliContext,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  return withCliStore(opts.db, ctx, true, work);
}

const isRemedyStatus = (s: string): s is RemedyStatus =>
  (REMEDY_STATUSES as readonly string[]).includes(s);

const amountText = (r: { amount?: { amount: string; currency: string } }) =>
  r.amount ? `${r.amount.amount} ${r.amount.currency}` : "—";

/** `goodfaith remedies list`: one page, oldest first; `--after` the printed cursor for the next. */
export function remediesListCommand(opts: RemediesListOptions, ctx: CliContext): Promise<number> {
  const unknown = (opts.status ?? []).filter((s) => !isRemedyStatus(s));
  if (unknown.length > 0) {
    // A wrong option value is a wrong command line (exit 1), as --limit's is.
    ctx.err(t(ctx.lang, "remedyBadStatus", { status: unknown.join(", ") }));
    return Promise.resolve(EXIT.failure);
  }
  const { limit } = opts;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 1 && limit <= 1000)) {
    ctx.err(t(ctx.lang, "badWholeRange", { option: "--limit", min: 1, max: 1000 }));
    return Promise.resolve(EXIT.failure);
  }
  // The incident-time range GET /v1/remedies takes as `from` and `to`.
  const range: { from?: number; to?: number } = {};
  for (const bound of ["from", "to"] as const) {
    const text = opts[bound];
    if (text === undefined) continue;
    const ms = parseRfc3339(text);
    if (ms === undefined) {
      ctx.err(t(ctx.lang, "badRfc3339", { option: `--${bound}`, value: text }));
      return Promise.resolve(EXIT.failure);
    }
    range[bound] = ms;
  }
  return withStore(opts, ctx, async (store) => {
    const filter: RemedyFilter = {
      ...range,
      ...(opts.status?.length && { status: opts.status.filter(isRemedyStatus) }),
      ...(opts.customer !== undefined && { customer: opts.customer }),
      ...(opts.promise !== undefined && { promise: opts.promise }),
    };
    let after: ReturnType<typeof decodeCursor> | undefined;
    if (opts.after !== undefined) {
      try {
        after = decodeCursor(opts.after);
      } catch {
        ctx.err(t(ctx.lang, "remedyBadCursor"));
        return EXIT.invalid;
      }
    }
    const page = await store.listRemedies(filter, {
      ...(after && { after }),
      ...(opts.limit !== undefined && { limit: opts.limit }),
    });
    const next = page.next && encodeCursor(page.next);
    if (opts.json) {
      ctx.out(JSON.stringify({ remedies: page.remedies.map(remedyJson), next: next ?? null }));
      return EXIT.ok;
    }
    if (page.remedies.length === 0) ctx.out(t(ctx.lang, "none"));
    const statuses = padColumn(page.remedies.map((r) => remedyStatusText(ctx.lang, r.status)));
    page.remedies.forEach((r, i) => {
      ctx.out(
        `${statuses[i]} ${amountText(r).padStart(16)}  ${r.promise}  ${r.customer}  ${r.key}`,
      );
    });
    if (next) ctx.out(t(ctx.lang, "remedyNextPage", { cursor: next }));
    return EXIT.ok;
  });
}

/** `goodfaith remedies show <key>`: the remedy, its explanation and every move. */
export function remediesShowCommand(
  key: string,
  opts: RemediesOptions,
  ctx: CliContext,
): Promise<number> {
  return withStore(opts, ctx, async (store) => {
    const history = await store.getRemedy(key);
    if (!history) {
      ctx.err(t(ctx.lang, "remedyUnknown", { key }));
      return EXIT.invalid;
    }
    const json = historyJson(history);
    if (opts.json) {
      ctx.out(JSON.stringify(json));
      return EXIT.ok;
    }
    const r = history.remedy;
    ctx.out(`${r.key}`);
    const status = remedyStatusText(ctx.lang, r.status);
    const kind = r.kind in catalogs.en ? t(ctx.lang, r.kind as MessageKey) : r.kind;
    ctx.out(`  ${r.promise} v${r.version} · ${kind} · ${amountText(r)} · ${status}`);
    ctx.out(`  ${t(ctx.lang, "remedyCustomer")}: ${r.customer}`);
    if (r.reference !== undefined) ctx.out(`  ${t(ctx.lang, "remedyReference")}: ${r.reference}`);
    for (const m of history.transitions) {
      const at = new Date(m.at).toISOString();
      const reason = m.reason ? ` (${m.reason})` : "";
      const from = m.from ? remedyStatusText(ctx.lang, m.from) : "·";
      ctx.out(`  ${at}  ${from} → ${remedyStatusText(ctx.lang, m.to)}  ${m.actor}${reason}`);
    }
    for (const line of remedyDetailLines(ctx.lang, (json.remedy as { detail: unknown }).detail))
      ctx.out(line);
    return EXIT.ok;
  });
}

/** `goodfaith remedies approve|reject|retry <key>`: one decision, as `--actor`. */
export function remediesDecideCommand(
  key: string,
  decision: Decision | "retry",
  opts: RemediesOptions & { readonly actor: string; readonly reason?: string },
  ctx: CliContext,
): Promise<number> {
  return withStore(opts, ctx, async (store) => {
    const now = Date.now();
    const reason = opts.reason !== undefined ? { reason: opts.reason } : {};
    const result =
      decision === "retry"
        ? await retryRemedy(store, key, opts.actor, now, reason)
        : await decideRemedy(store, key, decision, opts.actor, now, reason);
    if (opts.json) {
      ctx.out(JSON.stringify({ key, decision, ...result }));
      return result.ok ? EXIT.ok : EXIT.invalid;
    }
    // English says the command's own verb; the other languages their word for the decision.
    const words = ctx.lang === "en" ? decision : REMEDY_ACTION_WORDS[ctx.lang][decision];
    if (result.ok) {
      const from = remedyStatusText(ctx.lang, result.from);
      ctx.out(t(ctx.lang, "remedyDecided", { key, from, decision: words }));
      return EXIT.ok;
    }
    if (result.code === "unknown_remedy") ctx.err(t(ctx.lang, "remedyUnknown", { key }));
    else {
      const status = "status" in result ? remedyStatusText(ctx.lang, String(result.status)) : "?";
      ctx.err(t(ctx.lang, "remedyRefused", { key, decision: words, status }));
    }
    return EXIT.invalid;
  });
}

/** Adds `goodfaith remedies …` to `program`. */
export function registerRemediesCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  const remedies = program.command("remedies").description(h("remedies"));
  const common = (c: Command) =>
    c.option("--db <path-or-url>", dbHelp(h)).option("--json", h("json"));
  common(
    remedies
      .command("list")
      .description(h("remediesList"))
      .option("--status <status...>", h("remediesStatus"))
      .option("--customer <id>", h("remediesCustomer"))
      .option("--promise <id>", h("remediesPromise"))
      .option("--from <time>", h("remediesFrom"))
      .option("--to <time>", h("remediesTo"))
      .option("--limit <n>", h("remediesLimit"), Number, 50)
      .option("--after <cursor>", h("remediesAfter")),
  ).action(async (o: RemediesListOptions) => setExit(await remediesListCommand(o, ctx())));
  common(
    remedies.command("show").description(h("remediesShow")).argument("<key>", h("remedyKey")),
  ).action(async (key: string, o: RemediesOptions) =>
    setExit(await remediesShowCommand(key, o, ctx())),
  );
  for (const [name, what] of [
    ["approve", "remediesApprove"],
    ["reject", "remediesReject"],
    ["retry", "remediesRetry"],
  ] as const) {
    common(
      remedies
        .command(name)
        .description(h(what))
        .argument("<key>", h("remedyKey"))
        .requiredOption("--actor <who>", h("remediesActor"))
        .option("--reason <text>", h("remediesReason")),
    ).action(async (key: string, o: RemediesOptions & { actor: string; reason?: string }) =>
      setExit(await remediesDecideCommand(key, name, o, ctx())),
    );
  }
}
