import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "@goodfaith/store";
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

describe("goodfaith customer erase", () => {
  it("erases personal data, records the erasure, and the ledger still verifies", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const store = await openStore(db);
    await store.putCustomerData("c-anna", [
      { field: "email", value: "anna@example.com", at: 1 },
      { field: "name", value: "Anna", at: 1 },
    ]);
    await store.close();

    const run = await cli(["customer", "erase", "c-anna", "--db", db, "--actor", "dpo:eva"]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe("erased 2 items of personal data of c-anna");

    const after = await openStore(db);
    expect(await after.getCustomerData("c-anna")).toEqual([]);
    const entries = [];
    for await (const e of after.readLedger("customers")) entries.push(e);
    await after.close();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "customer.erased", actor: "dpo:eva" });
    expect(JSON.stringify(entries)).not.toContain("c-anna");

    const verify = await cli(["ledger", "verify", "--db", db]);
    expect(verify.code).toBe(0);
    expect(verify.out[0]).toMatch(/in 2 chains$/);
  });

  it("refuses the reserved system id", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const run = await cli(["customer", "erase", "goodfaith:system", "--db", db]);
    expect(run.code).toBe(2);
  });
});
