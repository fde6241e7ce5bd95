import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  runCli as cli,
  AIRLINE_EVENTS as EVENTS,
  AIRLINE_PROMISES as PROMISES,
  tempDb,
} from "../../../../test/support/cli.js";
// Test only: the ledger's own chaining, to rewrite a chain the way an attacker with the
// database (but not the signing key) could.
import { appendTo } from "../../../store/src/ledger/index.js";
import { promiseSetDigest } from "../../../store/src/promise-sets.js";
import type { LedgerEntriesTable } from "../../../store/src/schema.js";
import type { CliContext } from "../io/context.js";
import { ledgerCheckpointCommand } from "./ledger.js";

describe("goodfaith ledger verify", () => {
  it("verifies an ingested store", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(0);
    // The remedies, and the promise set the ingest adopted.
    expect(run.out[0]).toMatch(/^ledger ok: [1-9][\d,]* entries in 2 chains$/);
    expect(run.out[1]).toMatch(/^ {2}promises: 1 entry, head #1 [0-9a-f]{64}$/);
    expect(run.out.at(-2)).toMatch(/^remedies table matches the ledger: [1-9]\d* remedies$/);
    expect(run.out.at(-1)).toBe("promise sets match the ledger: 1 version");
    const json = JSON.parse((await cli(["ledger", "verify", "--db", db, "--json"])).out[0] ?? "");
    expect(json.promiseSets).toEqual({ ok: true, checked: 1, mismatched: 0, mismatches: [] });
  });

  it("compares the promise sets with the ledger: one byte changed in a stored text exits 2", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    // An erasure appends to the ledger and changes other tables: everything still verifies.
    expect((await cli(["customer", "erase", "c-sam", "--db", db])).code).toBe(0);
    expect((await cli(["ledger", "verify", "--db", db])).code).toBe(0);
    const sqlite = new Database(db);
    const { digest } = sqlite.prepare("select digest from promise_sets").get() as {
      digest: string;
    };
    // `goodfaith: 1` → `goodfaith: 2` in the first document: one byte.
    sqlite
      .prepare(
        "update promise_set_documents set source = replace(source, 'goodfaith: 1', 'goodfaith: 2') where position = 0",
      )
      .run();
    const texts = sqlite
      .prepare("select source from promise_set_documents order by position")
      .all() as { source: string }[];
    sqlite.close();
    const found = promiseSetDigest(texts.map((d) => ({ file: "", text: d.source })));
    expect(found).not.toBe(digest);

    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.out.slice(0, 4)).toEqual([
      "promise sets DO NOT MATCH the ledger: 1 of 1 version checked",
      "  version 1: its documents no longer give the digest the ledger recorded: a text was changed, added or removed [texts_differ]",
      `  expected ${digest}`,
      `  found    ${found}`,
    ]);
    expect(run.out.join("\n")).not.toContain("ledger ok");
    expect(run.out.join("\n")).not.toContain("promise sets match");
    const lines = async (lang: string) =>
      (await cli(["ledger", "verify", "--db", db, "--lang", lang])).out.slice(0, 2);
    expect(await lines("sv")).toEqual([
      "löftesversionerna STÄMMER INTE med liggaren: 1 av 1 version kontrollerade",
      "  version 1: dokumenten ger inte längre den kontrollsumma liggaren noterade: en text har ändrats, lagts till eller tagits bort [texts_differ]",
    ]);
    expect(await lines("zh-CN")).toEqual([
      "承诺版本与账本不一致：已核对 1 个版本，其中 1 个不符",
      "  第 1 版：其文档算出的摘要与账本记录的不同：有文本被改动、添加或删除 [texts_differ]",
    ]);
    const json = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out[0] ?? "{}")).toMatchObject({
      ok: false,
      chainsOk: true,
      remedies: { ok: true },
      promiseSets: {
        ok: false,
        checked: 1,
        mismatched: 1,
        mismatches: [{ reason: "texts_differ", version: 1, expected: digest, found }],
      },
    });
  });

  it("names a promise set version deleted by hand, and its adopter changed", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    await cli(["ingest", EVENTS, "-p", PROMISES[0] ?? "", "--db", db]); // version 2
    const sqlite = new Database(db);
    sqlite.exec("update promise_sets set actor = 'agent:a-99' where version = 1");
    sqlite.exec("delete from promise_set_documents where set_version = 2");
    sqlite.exec("delete from promise_sets where version = 2");
    sqlite.close();
    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.out.slice(0, 6)).toEqual([
      "promise sets DO NOT MATCH the ledger: 2 of 2 versions checked",
      "  version 1: who adopted it is not who the ledger recorded [actor_differs]",
      "  expected cli:ingest",
      "  found    agent:a-99",
      "  version 2: the ledger records its adoption, but the store keeps it no more: it was deleted [deleted_version]",
      expect.stringMatching(/^ {2}expected [0-9a-f]{64}$/),
    ]);
  });

  it("writes nothing: verifying a store with no ledger yet makes no pseudonym secret", async () => {
    const db = tempDb();
    await cli(["keys", "create", "-s", "agent", "--db", db]); // a store, with no ledger
    expect((await cli(["ledger", "verify", "--db", db])).code).toBe(0);
    const file = new Database(db, { readonly: true });
    try {
      expect(file.prepare("select count(*) as n from customer_data").get()).toEqual({ n: 0 });
    } finally {
      file.close();
    }
  });

  it("compares the remedies table with the ledger: a status changed in it exits 2", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const sqlite = new Database(db);
    const { key, status, count } = sqlite
      .prepare(
        "select key, status, (select count(*) from remedies) as count from remedies order by key limit 1",
      )
      .get() as { key: string; status: string; count: number };
    sqlite.prepare("update remedies set status = 'cancelled' where key = ?").run(key);
    sqlite.close();

    const run = await cli(["ledger", "verify", "--db", db]);
    expect(run.code).toBe(2);
    expect(run.out.slice(0, 4)).toEqual([
      `remedies table DOES NOT MATCH the ledger: 1 of ${count} remedies checked`,
      `  ${key}: its status is not the one the ledger last moved it to [status_differs]`,
      `  expected ${status}`,
      "  found    cancelled",
    ]);
    expect(run.out.join("\n")).not.toContain("ledger ok");
    const lines = async (lang: string) =>
      (await cli(["ledger", "verify", "--db", db, "--lang", lang])).out.slice(0, 2);
    expect(await lines("sv")).toEqual([
      `gottgörelsetabellen STÄMMER INTE med liggaren: 1 av ${count} gottgörelser kontrollerade`,
      `  ${key}: statusen är inte den som liggaren senast flyttade den till [status_differs]`,
    ]);
    expect(await lines("zh-CN")).toEqual([
      `补救表与账本不一致：已核对 ${count} 项补救，其中 1 项不符`,
      `  ${key}：状态与账本最后记录的状态不同 [status_differs]`,
    ]);
    const json = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out[0] ?? "{}")).toMatchObject({
      ok: false,
      chainsOk: true,
      remedies: {
        ok: false,
        checked: count,
        mismatched: 1,
        mismatches: [{ reason: "status_differs", key, expected: status, found: "cancelled" }],
      },
    });
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
    expect(run.out[0]).toBe(
      `ledger TAMPERED: chain "remedies", entry #${row.seq}: its content no longer matches its hash: it was changed [hash_mismatch]`,
    );
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
    expect(run.out[0]).toContain(`entry #${row.seq}: its content no longer matches`);
    // The same verdict for a Swedish reader.
    const sv = await cli(["ledger", "verify", "--db", db, "--lang", "sv"]);
    expect(sv.out[0]).toBe(
      `liggaren är MANIPULERAD: kedjan "remedies", post #${row.seq}: innehållet stämmer inte längre med dess hash: det har ändrats [hash_mismatch]`,
    );
  });

  it("refuses a store that does not exist", async () => {
    const run = await cli(["ledger", "verify", "--db", tempDb()]);
    expect(run.code).toBe(1);
  });

  it("names a checkpoint or key file that is not one, rather than JSON's or OpenSSL's words", async () => {
    const db = tempDb();
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-keys-"));
    const junk = join(dir, "junk.pem");
    writeFileSync(junk, "not a key\n");
    const lines = async (...args: string[]) =>
      (await cli([...args, "--db", db, "--lang", "sv"])).err;
    expect(await lines("ledger", "verify", "--checkpoint", junk)).toEqual([
      `${junk}: ingen kontrollpunkt (ett JSON-objekt, eller en lista med sådana)`,
    ]);
    expect(await lines("ledger", "verify", "--checkpoint", dir)).toEqual([
      `${dir}: är en mapp, inte en fil`,
    ]);
    expect(await lines("ledger", "checkpoint", "--key", junk)).toEqual([
      `${junk}: ingen privat Ed25519-nyckel (PEM, PKCS#8)`,
    ]);
    expect(await lines("ledger", "checkpoint", "--key", join(dir, "none.pem"))).toEqual([
      `${join(dir, "none.pem")}: filen eller mappen finns inte`,
    ]);
  });
});

function quiet(): CliContext & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out: (l) => out_.push(l), err: (l) => err_.push(l), lang: "en", out_, err_ };
}

/** A stored ledger row, as the store's schema defines it. */
type Row = Omit<LedgerEntriesTable, "chain">;

/**
 * Changes the amount of the first remedies entry that has one, then recomputes every hash
 * from there on, so the chain alone still verifies: what someone with write access to the
 * database, but not the signing key, can do.
 */
function rewriteRemedies(db: string): number {
  const sqlite = new Database(db);
  const rows = sqlite
    .prepare("select * from ledger_entries where chain = 'remedies' order by seq")
    .all() as Row[];
  const target = rows.find((r) => r.amount !== null);
  if (target === undefined) throw new Error("no entry with an amount");
  const update = sqlite.prepare(
    "update ledger_entries set amount = ?, prev_hash = ?, hash = ? where chain = 'remedies' and seq = ?",
  );
  let head: { seq: number; hash: string } | undefined;
  sqlite.transaction(() => {
    for (const r of rows) {
      if (r.seq < target.seq) {
        head = { seq: r.seq, hash: r.hash };
        continue;
      }
      const amount = r.seq === target.seq ? `9${r.amount}` : r.amount;
      const entry = appendTo(head, {
        chain: "remedies",
        at: r.at_ms,
        kind: r.kind as Parameters<typeof appendTo>[1]["kind"],
        actor: r.actor,
        ...(r.remedy_key !== null && { remedyKey: r.remedy_key }),
        ...(r.customer_ref !== null && { customerRef: r.customer_ref }),
        ...(r.from_status !== null && { from: r.from_status }),
        ...(r.to_status !== null && { to: r.to_status }),
        ...(amount !== null && { amount }),
        ...(r.currency !== null && { currency: r.currency }),
        ...(r.facts !== null && { facts: r.facts }),
      });
      update.run(amount, entry.prevHash ?? null, entry.hash, r.seq);
      head = { seq: entry.seq, hash: entry.hash };
    }
  })();
  sqlite.close();
  return target.seq;
}

describe("goodfaith ledger checkpoint", () => {
  it("generates a key (0600) on first use, signs every chain's head, and verify accepts it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "goodfaith-cli-cp-"));
    const db = join(cwd, "g.db");
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const ctx = quiet();
    const code = await ledgerCheckpointCommand(
      { db, cwd, json: true, now: () => 1_700_000_000_000 },
      ctx,
    );
    expect(code).toBe(0);
    const keyFile = join(cwd, ".goodfaith/ledger-signing-key.pem");
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, "utf8")).toContain("BEGIN PRIVATE KEY");
    expect(ctx.err_.join("\n")).toContain("created a signing key");
    const signed = ctx.out_.map((l) => JSON.parse(l));
    expect(signed.map((c) => c.chain)).toEqual(["promises", "remedies"]);
    const checkpoint = signed.find((c) => c.chain === "remedies");
    expect(Object.keys(checkpoint).sort()).toEqual(
      ["at", "chain", "headHash", "publicKey", "seq", "signature"].sort(),
    );
    expect(checkpoint).toMatchObject({ chain: "remedies", at: 1_700_000_000_000 });
    const file = join(cwd, `.goodfaith/checkpoints/remedies-${checkpoint.seq}.json`);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(checkpoint);

    // The same key next time: no new one is generated.
    const second = quiet();
    expect(await ledgerCheckpointCommand({ db, cwd, json: true }, second)).toBe(0);
    expect(second.err_).toEqual([]);
    expect(JSON.parse(second.out_[1] ?? "{}").publicKey).toBe(checkpoint.publicKey);

    const pub = join(cwd, ".goodfaith/ledger-signing-key.pub.pem");
    const ok = await cli([
      "ledger",
      "verify",
      "--db",
      db,
      "--checkpoint",
      file,
      "--trusted-key",
      pub,
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out.join("\n")).toContain(
      `checkpoint ok: chain "remedies" still has the signed head at #${checkpoint.seq}`,
    );
    expect(ok.out.join("\n")).not.toContain("not pinned");

    // More entries after the checkpoint do not invalidate it; without --trusted-key the
    // reader is told that a valid signature alone does not say whose it is.
    await cli(["customer", "erase", "c-nobody", "--db", db]);
    const unpinned = await cli(["ledger", "verify", "--db", db, "--checkpoint", file]);
    expect(unpinned.code).toBe(0);
    expect(unpinned.out.at(-1)).toMatch(/^ {2}but its signer was not pinned: .*--trusted-key/);
  });

  it("catches a chain rewritten with recomputed hashes, which verifies on its own (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-cp-"));
    const db = join(dir, "g.db");
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const key = join(dir, "key.pem");
    const { generateKeyPairSync } = await import("node:crypto");
    writeFileSync(
      key,
      generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
    );
    const out = join(dir, "cp.json");
    const signed = await cli([
      "ledger",
      "checkpoint",
      "--db",
      db,
      "--key",
      key,
      "--out",
      out,
      "--chain",
      "remedies",
      "--json",
    ]);
    expect(signed.code).toBe(0);
    expect(existsSync(join(dir, ".goodfaith"))).toBe(false);
    const checkpoint = JSON.parse(readFileSync(out, "utf8"));
    expect(JSON.parse(signed.out[0] ?? "{}")).toEqual(checkpoint);

    const changed = rewriteRemedies(db);
    expect(changed).toBeLessThanOrEqual(checkpoint.seq);
    // The rewrite is consistent, so the chain alone cannot tell; the remedies table, left as
    // it was, no longer agrees with it.
    const alone = await cli(["ledger", "verify", "--db", db, "--json"]);
    expect(alone.code).toBe(2);
    expect(JSON.parse(alone.out[0] ?? "{}")).toMatchObject({
      chainsOk: true,
      remedies: { ok: false, mismatched: 1, mismatches: [{ reason: "amount_differs" }] },
    });

    const run = await cli(["ledger", "verify", "--db", db, "--checkpoint", out]);
    expect(run.code).toBe(2);
    // The failure heads the output, and nothing calls the ledger ok.
    expect(run.out[0]).toBe(
      `checkpoint FAILED: chain "remedies" at #${checkpoint.seq}: the entry at the checkpoint has another hash: the chain was rewritten at or before it [head_mismatch]`,
    );
    expect(run.out.join("\n")).not.toContain("ledger ok");
    const json = await cli(["ledger", "verify", "--db", db, "--checkpoint", out, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out[0] ?? "{}")).toMatchObject({
      ok: false,
      chainsOk: true,
      checkpoints: [{ chain: "remedies", verdict: { ok: false, reason: "head_mismatch" } }],
    });
  });

  it("catches a truncated chain, a forged signature and an untrusted signer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-cp-"));
    const db = join(dir, "g.db");
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const out = join(dir, "cp.json");
    expect(await ledgerCheckpointCommand({ db, cwd: dir, out, chain: "remedies" }, quiet())).toBe(
      0,
    );
    const checkpoint = JSON.parse(readFileSync(out, "utf8"));

    const { generateKeyPairSync } = await import("node:crypto");
    const other = join(dir, "other.pub.pem");
    writeFileSync(
      other,
      generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }),
    );
    const untrusted = await cli([
      "ledger",
      "verify",
      "--db",
      db,
      "--checkpoint",
      out,
      "--trusted-key",
      other,
    ]);
    expect(untrusted.code).toBe(2);
    expect(untrusted.out.join("\n")).toContain("untrusted_key");

    const forged = join(dir, "forged.json");
    writeFileSync(forged, JSON.stringify({ ...checkpoint, seq: checkpoint.seq - 1 }));
    const bad = await cli(["ledger", "verify", "--db", db, "--checkpoint", forged]);
    expect(bad.code).toBe(2);
    expect(bad.out.join("\n")).toContain("bad_signature");

    const sqlite = new Database(db);
    sqlite
      .prepare("delete from ledger_entries where chain = 'remedies' and seq = ?")
      .run(checkpoint.seq);
    sqlite.close();
    const truncated = await cli(["ledger", "verify", "--db", db, "--checkpoint", out]);
    expect(truncated.code).toBe(2);
    expect(truncated.out.join("\n")).toContain("head_missing");
  });

  it("creates no signing key when the store is missing or cannot be opened", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "goodfaith-cli-cp-"));
    const keyFile = join(cwd, ".goodfaith/ledger-signing-key.pem");
    const missing = join(cwd, "does-not-exist", "x.db");
    const ctx = quiet();
    expect(await ledgerCheckpointCommand({ db: missing, cwd }, ctx)).toBe(1);
    expect(ctx.err_).toEqual([
      `${missing}: no store here (run goodfaith ingest first, or pass --db)`,
    ]);
    expect(existsSync(keyFile)).toBe(false);
    expect(existsSync(join(cwd, ".goodfaith"))).toBe(false);

    const url = "postgres://goodfaith:secret@127.0.0.1:1/x";
    const pg = quiet();
    expect(await ledgerCheckpointCommand({ db: url, cwd }, pg)).toBe(1);
    expect(pg.err_).toEqual([
      "could not open the store at postgres://goodfaith:***@127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1",
    ]);
    expect(existsSync(join(cwd, ".goodfaith"))).toBe(false);
  });

  it("signs nothing when a chain does not verify", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-cp-"));
    const db = join(dir, "g.db");
    await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db]);
    const sqlite = new Database(db);
    sqlite
      .prepare("update ledger_entries set actor = 'someone' where chain = 'remedies' and seq = 1")
      .run();
    sqlite.close();
    const ctx = quiet();
    expect(await ledgerCheckpointCommand({ db, cwd: dir }, ctx)).toBe(2);
    expect(ctx.out_).toEqual([]);
    expect(existsSync(join(dir, ".goodfaith/checkpoints"))).toBe(false);
  });
});
