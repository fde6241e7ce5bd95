import {
  Engine,
  formatMoney,
  jsonSafe,
  type Money,
  type Outcome,
  outcomeToJson,
  type Remedy,
  renderIssue,
} from "@goodfaith/core";
import { type CliContext, EXIT } from "../io/context.js";
import { loadDocuments } from "../io/documents.js";
import { distinctEvents, readEventFilesOrSay } from "../io/events.js";
import { parseRfc3339 } from "../io/time.js";
import { type MessageKey, t } from "../messages.js";

/** Options of `goodfaith run`. */
export interface RunOptions {
  readonly promises: readonly string[];
  readonly events: readonly string[];
  readonly json?: boolean;
  readonly until?: string;
}

function describeRemedy(r: Remedy, ctx: CliContext): string {
  const kind = t(ctx.lang, (r.compensation ? "compensation" : r.kind) as MessageKey);
  const amount = r.amount ? ` ${formatMoney(r.amount, ctx.lang)}` : "";
  const split =
    r.split.length > 1 || (r.split[0] && r.split[0].method !== r.tender)
      ? ` → ${r.split.map((p) => `${p.method} ${formatMoney(p.amount, ctx.lang)}`).join(", ")}`
      : "";
  const approval = r.approval.required
    ? t(ctx.lang, "needsApproval", { reasons: r.approval.reasons.join(", ") })
    : t(ctx.lang, "auto");
  const due = r.dueBy ? `, ${t(ctx.lang, "due", { due: r.dueBy })}` : "";
  const cause = r.cause ? `\n      ${t(ctx.lang, "because")}: ${r.cause}` : "";
  const title = r.explanation.promise.title[ctx.lang];
  return `  ${kind}${amount}${split}  ·  ${r.customer}  ·  ${r.incident}\n      ${r.promise} v${r.version} — ${title}\n      ${approval}${due}${cause}`;
}

function totals(remedies: readonly Remedy[]): Map<string, Money> {
  const sums = new Map<string, Money>();
  for (const r of remedies) {
    if (!r.amount) continue;
    const prev = sums.get(r.amount.currency);
    sums.set(r.amount.currency, {
      minor: (prev?.minor ?? 0n) + r.amount.minor,
      currency: r.amount.currency,
    });
  }
  return sums;
}

/** `goodfaith run`: evaluates promise documents over event files and reports every remedy. */
export async function runCommand(opts: RunOptions, ctx: CliContext): Promise<number> {
  const until = opts.until === undefined ? undefined : parseRfc3339(opts.until);
  if (opts.until !== undefined && until === undefined) {
    ctx.err(t(ctx.lang, "badRfc3339", { option: "--until", value: opts.until }));
    return EXIT.failure;
  }
  const loaded = await loadDocuments(opts.promises, ctx.lang);
  if (!loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return loaded.exit;
  }
  const read = await readEventFilesOrSay(opts.events, ctx);
  if (read === undefined) return EXIT.failure;
  const { rejected } = read;
  // A repeated event id (packs' sample streams share a few events) is counted as a duplicate,
  // as `ingest` counts it, and never given to the engine a second time.
  const { events, duplicates } = distinctEvents(read.events);
  const engine = new Engine(loaded.documents);
  const outcomes: Outcome[] = [];
  for (const { event } of events) outcomes.push(...engine.process(event));
  if (until !== undefined) outcomes.push(...engine.advanceTo(until));
  const remedies = outcomes.filter((o): o is Remedy => o.type === "remedy");
  const failures = outcomes.filter((o) => o.type === "evaluation_error");
  const late = outcomes.filter((o) => o.type === "rejected");
  const rejectedCount = rejected.length + late.length;

  if (opts.json) {
    for (const o of outcomes) ctx.out(JSON.stringify(outcomeToJson(o)));
    for (const r of rejected)
      ctx.out(
        JSON.stringify({
          type: "rejected",
          file: r.file,
          line: r.line,
          issues: jsonSafe(r.issues),
        }),
      );
  } else {
    ctx.out(t(ctx.lang, "remedies"));
    if (remedies.length === 0) ctx.out(`  ${t(ctx.lang, "none")}`);
    for (const r of remedies) ctx.out(describeRemedy(r, ctx));
  }
  const byKind = new Map<string, number>();
  for (const r of remedies) {
    const kind = r.compensation ? "compensation" : r.kind;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const summary = {
    type: "summary",
    events: {
      read: read.events.length + rejected.length,
      accepted: events.length - late.length,
      duplicates,
      rejected: rejectedCount,
    },
    remedies: remedies.length,
    byKind: Object.fromEntries(byKind),
    amounts: [...totals(remedies).values()].map((m) => jsonSafe(m)),
    awaitingApproval: remedies.filter((r) => r.approval.required).length,
    evaluationErrors: failures.length,
  };
  if (opts.json) ctx.out(JSON.stringify(summary));
  else {
    ctx.out("");
    ctx.out(t(ctx.lang, "summary"));
    // As `ingest` says it (the message is indented already).
    ctx.out(t(ctx.lang, "ingestLines", summary.events));
    const kinds = [...byKind].map(([k, n]) => `${t(ctx.lang, k as MessageKey)} ${n}`).join(", ");
    ctx.out(`  ${t(ctx.lang, "remediesCount", { count: remedies.length, byKind: kinds || "—" })}`);
    const amounts = [...totals(remedies).values()].map((m) => formatMoney(m, ctx.lang)).join("; ");
    if (amounts) ctx.out(`  ${t(ctx.lang, "amounts", { amounts })}`);
    ctx.out(`  ${t(ctx.lang, "awaiting", { count: summary.awaitingApproval })}`);
    if (failures.length > 0) ctx.out(`  ${t(ctx.lang, "errors", { count: failures.length })}`);
    for (const f of failures)
      if (f.type === "evaluation_error") ctx.err(`  ${f.promise} @ ${f.event}: ${f.message}`);
  }
  if (rejectedCount > 0) {
    ctx.err(t(ctx.lang, "rejectedTitle"));
    for (const r of rejected)
      for (const i of r.issues)
        ctx.err(
          `  ${r.file}: ${renderIssue(i.line === undefined ? { ...i, line: r.line } : i, ctx.lang)}`,
        );
    for (const r of late)
      if (r.type === "rejected") ctx.err(`  ${r.event}: ${renderIssue(r.issue, ctx.lang)}`);
    return EXIT.rejected;
  }
  return EXIT.ok;
}
