import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../io/context.js";
import { registerCustomerCommands } from "./customer.js";
import { registerIngestCommands } from "./ingest.js";
import { registerLedgerCommands } from "./ledger.js";

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command("goodfaith").exitOverride();
  const ctx = (): CliContext => ({
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    lang: "en",
  });
  const setExit = (c: number) => {
    code = c;
  };
  registerIngestCommands(program, ctx, setExit);
  registerLedgerCommands(program, ctx, setExit);
  registerCustomerCommands(program, ctx, setExit);
  await program.parseAsync(["node", "goodfaith", ...args]);
  return { out, err, code };
}

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const EVENTS = join(ROOT, "packs/airline/events.jsonl");
const PROMISES = ["packs/airline/promises.yaml", "packs/eu261/promises.yaml"].map((f) =>
  join(ROOT, f),
);
const tempDb = () => join(mkdtempSync(join(tmpdir(), "goodfaith-cli-store-")), "g.db");

describe("goodfaith ledger verify", () => {
  it("verifies an ingested store", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^ledger ok: [1-9]\d* entries in 1 chains/);
  });

  it("names the entry whose stored field lost a byte, and exits 2", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const sqlite = new Database(db);
    const row = sqlite
      .prepare(
        "select seq, facts from ledger_entries where chain = 'remedies' and facts is not null order by seq desc limit 1",
      )
      .get() as { seq: number; facts: string };
    // One hex digit changed to another: still well formed, so only the hash can catch it.
    const flipped = (row.facts[0] === "a" ? "b" : "a") + row.facts.slice(1);
    sqlite
      .prepare("update ledger_entries set facts = ? where chain = 'remedies' and seq = ?")
      .run(flipped, row.seq);
    sqlite.close();

    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.out[0]).toBe(`ledger TAMPERED: chain "remedies", entry #${row.seq}: hash_mismatch`);
    const json = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(JSON.parse(json.out[0] ?? "{}")).toMatchObject({
      ok: false,
      chain: "remedies",
      failure: { at: row.seq, reason: "hash_mismatch" },
    });
  });

  it("names a changed amount at its own entry", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const sqlite = new Database(db);
    const row = sqlite
      .prepare(
        "select seq, amount from ledger_entries where amount is not null order by seq limit 1",
      )
      .get() as { seq: number; amount: string };
    sqlite
      .prepare("update ledger_entries set amount = ? where chain = 'remedies' and seq = ?")
      .run(`1${row.amount}`, row.seq);
    sqlite.close();
    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.out[0]).toContain(`entry #${row.seq}: hash_mismatch`);
  });

  it("refuses a store that does not exist", async () => {
    const run = await cli(["ledger", "verify", "--db", tempDb()]);
    expect(run.code).toBe(1);
  });
});
