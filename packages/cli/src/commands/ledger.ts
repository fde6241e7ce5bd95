/** `goodfaith ledger verify`: re-computes every hash chain and names the first entry that does not match. */
import { verifyLedger } from "@goodfaith/store";
import type { Command } from "commander";
import { type CliContext, EXIT } from "../io/context.js";
import { t } from "../messages.js";
import { DB_HELP, openCliStore } from "./store-options.js";

/** Options of `goodfaith ledger verify`. */
export interface LedgerVerifyOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** `goodfaith ledger verify`: 0 when every chain verifies, 2 when one was tampered with. */
export async function ledgerVerifyCommand(
  opts: LedgerVerifyOptions,
  ctx: CliContext,
): Promise<number> {
  const store = await openCliStore(opts.db, ctx, true);
  if (store === undefined) return EXIT.failure;
  let verdict: Awaited<ReturnType<typeof verifyLedger>>;
  try {
    verdict = await verifyLedger(store);
  } catch (error) {
    ctx.err(error instanceof Error ? error.message : String(error));
    return EXIT.failure;
  } finally {
    await store.close();
  }
  if (opts.json) {
    ctx.out(JSON.stringify(verdict));
  } else if (verdict.ok) {
    const count = verdict.chains.reduce((n, c) => n + c.count, 0);
    ctx.out(t(ctx.lang, "ledgerOk", { count, chains: verdict.chains.length }));
    for (const c of verdict.chains) {
      ctx.out(`  ${c.chain}: ${c.count} entries, head #${c.head?.seq ?? 0} ${c.head?.hash ?? "—"}`);
    }
  } else {
    const f = verdict.failure;
    ctx.out(t(ctx.lang, "ledgerTampered", { chain: verdict.chain, at: f.at, reason: f.reason }));
    ctx.out(`  ${f.message}${f.field ? ` (field ${f.field})` : ""}`);
    if (f.expected !== undefined) ctx.out(`  expected ${f.expected}`);
    if (f.found !== undefined) ctx.out(`  found    ${f.found}`);
  }
  return verdict.ok ? EXIT.ok : EXIT.invalid;
}

/** Adds `goodfaith ledger verify` to `program`. */
export function registerLedgerCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const ledger = program.command("ledger").description("the tamper-evident remedy ledger");
  ledger
    .command("verify")
    .description(
      "re-compute every hash chain; name the first entry that does not match (exit 2 if one does)",
    )
    .option("--db <path-or-url>", DB_HELP)
    .option("--json", "JSON: the verdict, with every chain's count and head")
    .action(async (opts: { db?: string; json?: boolean }) =>
      setExit(
        await ledgerVerifyCommand(
          {
            ...(opts.db !== undefined && { db: opts.db }),
            ...(opts.json !== undefined && { json: opts.json }),
          },
          ctx(),
        ),
      ),
    );
}
