/**
 * `goodfaith ledger verify`'s verdict for a person: the chain that failed and where, the
 * checkpoints that failed, where the remedies table and the promise sets disagree with the
 * ledger, then what verified.
 */
import type { LedgerVerdict } from "@goodfaith/store";
import type { CliContext } from "../io/context.js";
import { type MessageKey, t } from "../messages.js";

/**
 * Prints `verdict`: `ok` is the verification's overall outcome, `pinned` whether checkpoint
 * signers had to be one of the trusted keys.
 */
export function printLedgerVerdict(
  ctx: CliContext,
  verdict: LedgerVerdict,
  ok: boolean,
  pinned: boolean,
): void {
  const checked = verdict.checkpoints ?? [];
  if (!verdict.ok) {
    ctx.out(tamperedMessage(ctx, verdict));
    details(ctx, verdict.failure);
  }
  // A failed checkpoint is the verdict, so it comes first: a chain rewritten with recomputed
  // hashes verifies on its own, and "ledger ok" above "checkpoint FAILED" would read as a pass.
  for (const c of checked) {
    if (c.verdict.ok) continue;
    const reason = why(ctx, c.verdict.reason);
    ctx.out(t(ctx.lang, "checkpointFailed", { chain: c.chain, seq: c.seq, reason }));
    details(ctx, c.verdict);
  }
  const { remedies: r, promiseSets: p } = verdict;
  if (r?.ok === false) {
    const title = t(ctx.lang, "remediesDiffer", {
      mismatched: r.mismatched,
      remedies: remedies(ctx, r.checked),
    });
    differ(ctx, r, title, (m) =>
      t(ctx.lang, "remedyMismatch", { key: m.key ?? m.remedyKey, reason: why(ctx, m.reason) }),
    );
  }
  if (p?.ok === false) {
    const title = t(ctx.lang, "promiseSetsDiffer", {
      mismatched: p.mismatched,
      versions: versions(ctx, p.checked),
    });
    differ(ctx, p, title, (m) =>
      t(ctx.lang, "promiseSetMismatch", { version: m.version, reason: why(ctx, m.reason) }),
    );
  }
  if (verdict.ok) {
    const entries = (n: number) => t(ctx.lang, "entries", { count: n });
    if (ok) {
      const count = verdict.chains.reduce((n, c) => n + c.count, 0);
      const chains = t(ctx.lang, "chains", { count: verdict.chains.length });
      ctx.out(t(ctx.lang, "ledgerOk", { entries: entries(count), chains }));
    }
    for (const c of verdict.chains) {
      const head = { seq: c.head?.seq ?? 0, hash: c.head?.hash ?? "—" };
      ctx.out(t(ctx.lang, "ledgerChain", { chain: c.chain, entries: entries(c.count), ...head }));
    }
    if (r?.ok) ctx.out(t(ctx.lang, "remediesMatch", { remedies: remedies(ctx, r.checked) }));
    if (p?.ok) ctx.out(t(ctx.lang, "promiseSetsMatch", { versions: versions(ctx, p.checked) }));
  }
  for (const c of checked) {
    if (!c.verdict.ok) continue;
    ctx.out(t(ctx.lang, "checkpointOk", { chain: c.chain, seq: c.seq }));
    // A valid signature proves nothing about who signed unless the key was pinned.
    if (!pinned) ctx.out(t(ctx.lang, "checkpointUnpinned"));
  }
}

/** The line naming the chain that does not verify, the entry where, and why. */
export function tamperedMessage(
  ctx: CliContext,
  verdict: Extract<LedgerVerdict, { readonly ok: false }>,
): string {
  const f = verdict.failure;
  const reason = why(ctx, f.reason);
  return t(ctx.lang, "ledgerTampered", { chain: verdict.chain, at: f.at, reason });
}

// A verification failure's reason in the reader's language, with its stable code.
function why(ctx: CliContext, reason: string): string {
  const key = `why_${reason}` as MessageKey;
  return `${t(ctx.lang, key)} [${reason}]`;
}

const remedies = (ctx: CliContext, n: number) => t(ctx.lang, "remedyCount", { count: n });
const versions = (ctx: CliContext, n: number) => t(ctx.lang, "versionCount", { count: n });

/** What the store holds, compared with the ledger: remedies or promise set versions. */
interface Comparison<M> {
  readonly mismatched: number;
  readonly mismatches: readonly M[];
}

// The things on which the store and the ledger disagree, under `title`: the first few, each
// named by `line` with why, then what the ledger says and what the store holds instead.
function differ<M extends { readonly expected?: string; readonly found?: string }>(
  ctx: CliContext,
  { mismatched, mismatches }: Comparison<M>,
  title: string,
  line: (m: M) => string,
): void {
  ctx.out(title);
  for (const m of mismatches) {
    ctx.out(line(m));
    details(ctx, m);
  }
  const more = mismatched - mismatches.length;
  if (more > 0) ctx.out(t(ctx.lang, "remediesMore", { count: more }));
}

// Where a failure was found, and what was expected there.
function details(
  ctx: CliContext,
  f: { readonly field?: string; readonly expected?: string; readonly found?: string },
): void {
  if (f.field !== undefined) ctx.out(t(ctx.lang, "ledgerField", { field: f.field }));
  if (f.expected !== undefined) ctx.out(t(ctx.lang, "ledgerExpected", { value: f.expected }));
  if (f.found !== undefined) ctx.out(t(ctx.lang, "ledgerFound", { value: f.found }));
}
