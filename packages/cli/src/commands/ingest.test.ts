import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import {
  runCli as cli,
  AIRLINE_EVENTS as EVENTS,
  AIRLINE_PROMISES as PROMISES,
  tempDb,
} from "../../../../test/support/cli.js";
import type { CliContext } from "../io/context.js";
import { ingestCommand } from "./ingest.js";
import type { IngestProgress } from "./ingest-progress.js";

describe("goodfaith ingest", () => {
  it("stores a pack, prints a summary, and a re-run accepts nothing new", async () => {
    const db = tempDb();
    const first = await cli(["ingest", EVENTS, "--promises", ...PROMISES, "--db", db]);
    expect(first.code).toBe(0);
    const text = first.out.join("\n");
    expect(text).toContain("9 lines read: 8 accepted, 1 duplicate, 0 rejected");
    expect(text).toMatch(/[1-9]\d* remedies created/);

    const again = await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", db, "--json"]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.out.at(-1) ?? "{}");
    expect(summary).toMatchObject({
      type: "summary",
      accepted: 0,
      duplicates: 9,
      remedies: { created: 0 },
      lastSeq: 8,
    });
  });

  it("keeps events of types the contract does not define, and names those types", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "goodfaith-unknown-")), "events.jsonl");
    const event = (id: string, type: string) =>
      JSON.stringify({ id, type, time: "2026-01-01T00:00:00Z", customer: "c1", data: {} });
    writeFileSync(
      file,
      `${[event("u1", "order.deliverd"), event("u2", "order.deliverd"), event("u3", "acme.x")].join("\n")}\n`,
    );
    const db = tempDb();
    const human = await cli(["ingest", file, "-p", ...PROMISES, "--db", db, "--lang", "sv"]);
    expect(human.code).toBe(0);
    expect(human.out.at(-1)).toBe(
      "  3 händelser av typer som händelsekontraktet inte definierar (sparade; bara ett löfte som nämner typen hör dem): acme.x (1), order.deliverd (2)",
    );
    const json = await cli(["ingest", file, "-p", ...PROMISES, "--db", db, "--json"]);
    expect(JSON.parse(json.out.at(-1) ?? "{}").unknownTypes).toEqual([
      { type: "acme.x", count: 1 },
      { type: "order.deliverd", count: 2 },
    ]);
    // The pack's own stream names no such type: no line about it.
    const known = await cli(["ingest", EVENTS, "-p", ...PROMISES, "--db", tempDb()]);
    expect(known.out.join("\n")).not.toContain("does not define");
  });

  it("acknowledges each committed batch as a JSON line, after it is durable", async () => {
    const db = tempDb();
    const run = await cli([
      "ingest",
      EVENTS,
      "-p",
      ...PROMISES,
      "--db",
      db,
      "--batch",
      "4",
      "--json",
    ]);
    const acks = run.out.map((l) => JSON.parse(l)).filter((o) => "committed" in o);
    expect(acks.map((a) => a.committed)).toEqual([4, 3, 1]);
    expect(acks.map((a) => a.lastSeq)).toEqual([4, 7, 8]);
    expect(acks.at(-1)).toMatchObject({ file: EVENTS, line: 9 });
  });

  it("reports rejected lines with file:line and exits 3", async () => {
    const db = tempDb();
    const file = join(mkdtempSync(join(tmpdir(), "goodfaith-cli-ev-")), "bad.jsonl");
    const lines = readFileSync(EVENTS, "utf8").split("\n").filter(Boolean);
    writeFileSync(file, [lines[0], "{not json", lines[1], '{"id":"x"}'].join("\n"));
    const run = await cli(["ingest", file, "-p", ...PROMISES, "--db", db]);
    expect(run.code).toBe(3);
    expect(run.out.join("\n")).toContain("4 lines read: 2 accepted, 0 duplicates, 2 rejected");
    const err = run.err.join("\n");
    expect(err).toContain(`${file}:2:2: is not valid JSON`);
    expect(err).toContain(`${file}:4: `);
    // Every language gives the column of a syntax error, as --json does.
    const sv = await cli(["ingest", file, "-p", ...PROMISES, "--db", db, "--lang", "sv"]);
    expect(sv.err).toContain(`  ${file}:2:2: är inte giltig JSON`);
    const zh = await cli(["ingest", file, "-p", ...PROMISES, "--db", db, "--lang", "zh-CN"]);
    expect(zh.err).toContain(`  ${file}:2:2: 不是有效的 JSON`);
  });

  it("names a file it cannot read in the reader's language, and stores nothing", async () => {
    const db = tempDb();
    const missing = join(mkdtempSync(join(tmpdir(), "goodfaith-cli-ev-")), "nofile.jsonl");
    for (const [lang, words] of [
      ["en", "no such file or folder"],
      ["sv", "filen eller mappen finns inte"],
      ["zh-CN", "没有这个文件或文件夹"],
    ] as const) {
      const run = await cli([
        "ingest",
        EVENTS,
        missing,
        "-p",
        ...PROMISES,
        "--db",
        db,
        "--lang",
        lang,
      ]);
      expect(run.code).toBe(1);
      expect(run.err.join("\n")).toContain(`${missing}${lang === "zh-CN" ? "：" : ": "}${words}`);
      expect(run.err.join("\n")).not.toContain("ENOENT");
    }
    // A CSV file too: its reader used to leave the error unhandled, which ended the process.
    const csv = await cli(["ingest", missing, "--format", "csv", "-p", ...PROMISES, "--db", db]);
    expect(csv.err).toEqual([`${missing}: no such file or folder`]);
    const folder = await cli(["ingest", tmpdir(), "-p", ...PROMISES, "--db", db, "--lang", "sv"]);
    expect(folder.err).toEqual([`${tmpdir()}: är en mapp, inte en fil`]);
    const store = await openStore(db);
    for await (const logged of store.readEvents({ afterSeq: 0 })) expect(logged).toBeUndefined();
    await store.close();
  });

  it("--batch takes a whole number of at least 1, said in the reader's language", async () => {
    const run = await cli([
      "ingest",
      EVENTS,
      "-p",
      ...PROMISES,
      "--db",
      tempDb(),
      "--batch",
      "2x",
      "--lang",
      "sv",
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual(["--batch måste vara ett heltal som är minst 1"]);
  });

  it("without --promises and a store that keeps none, says to give them, and stores nothing", async () => {
    const db = tempDb();
    for (const [lang, words] of [
      ["en", "keeps no promises yet: give the promise documents to decide with"],
      ["sv", "har inga löften än: ange löftesdokumenten att besluta med"],
      ["zh-CN", "中还没有保存任何承诺：请指定用于决定补救的承诺文档"],
    ] as const) {
      const run = await cli(["ingest", EVENTS, "--db", db, "--lang", lang]);
      expect(run.code).toBe(1);
      expect(run.err.join("\n")).toContain(words);
      expect(run.err.join("\n")).toContain("--promises packs/retail/promises.yaml");
    }
    // No empty store is left behind for a command that did nothing.
    expect(existsSync(db)).toBe(false);
    // A store that exists but keeps no promises (only keys, say) says the same.
    expect((await cli(["keys", "create", "-s", "admin", "--db", db])).code).toBe(0);
    const kept = await cli(["ingest", EVENTS, "--db", db]);
    expect(kept.code).toBe(1);
    expect(kept.err.join("\n")).toContain(`${db} keeps no promises yet`);
    const store = await openStore(db);
    try {
      expect(await store.countEvents()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("fails with exit 2 when a promise document does not load", async () => {
    const run = await cli(["ingest", EVENTS, "-p", EVENTS, "--db", tempDb()]);
    expect(run.code).toBe(2);
  });

  it("merges several files by event time (stable), and still names rejected lines by file:line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-ev-"));
    const ev = (id: string, time: string) => JSON.stringify({ id, type: "clock", time, data: {} });
    const a = join(dir, "a.jsonl");
    const b = join(dir, "b.jsonl");
    writeFileSync(
      a,
      [ev("a1", "2026-01-01T00:00:00Z"), ev("a2", "2026-01-03T00:00:00Z"), "{oops"].join("\n"),
    );
    writeFileSync(
      b,
      [ev("b1", "2026-01-02T00:00:00Z"), '{"id":"b2"}', ev("b3", "2026-01-03T00:00:00Z")].join(
        "\n",
      ),
    );
    const db = tempDb();
    const run = await cli(["ingest", a, b, "-p", ...PROMISES, "--db", db, "--batch", "2"]);
    expect(run.code).toBe(3);
    expect(run.out.join("\n")).toContain("6 lines read: 4 accepted, 0 duplicates, 2 rejected");
    const err = run.err.join("\n");
    expect(err).toContain(`${a}:3:2: `);
    expect(err).toContain(`${b}:2: `);
    const store = await openStore(db);
    const ids: string[] = [];
    for await (const { event } of store.readEvents({ afterSeq: 0 })) ids.push(event.id);
    await store.close();
    // By time; a2 and b3 share a time and keep the order of the files.
    expect(ids).toEqual(["a1", "b1", "a2", "b3"]);
  });

  it("a single file keeps its own order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-ev-"));
    const file = join(dir, "late.jsonl");
    writeFileSync(
      file,
      ["2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"]
        .map((time, i) => JSON.stringify({ id: `e${i}`, type: "clock", time, data: {} }))
        .join("\n"),
    );
    const db = tempDb();
    expect((await cli(["ingest", file, "-p", ...PROMISES, "--db", db])).code).toBe(0);
    const store = await openStore(db);
    const ids: string[] = [];
    for await (const { event } of store.readEvents({ afterSeq: 0 })) ids.push(event.id);
    await store.close();
    expect(ids).toEqual(["e0", "e1"]);
  });

  it("--notices appends the notices ready to send, once, and counts them all", async () => {
    const root = fileURLToPath(new URL("../../../../", import.meta.url));
    const pack = (file: string) => join(root, "packs/retail", file);
    const file = join(mkdtempSync(join(tmpdir(), "goodfaith-cli-notices-")), "notices.jsonl");
    const db = tempDb();
    const args = ["ingest", pack("events.jsonl"), "-p", pack("promises.yaml"), "--db", db];
    const first = await cli([...args, "--notices", file, "--json"]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out.at(-1) ?? "{}");
    expect(summary.notices.created).toBeGreaterThan(0);
    expect(summary.notices).toMatchObject({ held: 0, suppressed: 0, file });
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines).toHaveLength(summary.notices.ready);
    const anna = lines.map((l) => JSON.parse(l)).find((n) => n.customer === "c-anna");
    expect(anna).toMatchObject({ lang: "sv", status: "ready", channel: "email" });

    const again = await cli([...args, "--notices", file], "sv");
    expect(again.out.join("\n")).toContain(
      "0 meddelanden till kunder: 0 klara att skicka, 0 väntar på godkännande, 0 stoppade",
    );
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(lines.length);
  });

  describe("progress", () => {
    const ctx = (): CliContext => ({ out: () => {}, err: () => {}, lang: "en" });
    // The airline pack's events, repeated under new ids, so there are several batches.
    function bigFile(): { file: string; lines: number; bytes: number } {
      const dir = mkdtempSync(join(tmpdir(), "goodfaith-progress-"));
      const base = readFileSync(EVENTS, "utf8").split("\n").filter(Boolean);
      const lines = Array.from({ length: 200 }, (_, i) =>
        base.map((l) => l.replace(/"id":"([^"]+)"/, `"id":"$1-${i}"`)),
      ).flat();
      const file = join(dir, "events.jsonl");
      const text = `${lines.join("\n")}\n`;
      writeFileSync(file, text);
      return { file, lines: lines.length, bytes: Buffer.byteLength(text) };
    }

    it("reports the share of a file read, up to all of it", async () => {
      const { file, lines } = bigFile();
      const seen: IngestProgress[] = [];
      const code = await ingestCommand(
        {
          files: [file],
          promises: PROMISES,
          db: tempDb(),
          batch: 50,
          progress: (p) => seen.push(p),
        },
        ctx(),
      );
      expect(code).toBe(0);
      expect(seen.length).toBeGreaterThan(3);
      expect(seen.at(-1)).toMatchObject({ events: lines, done: 1 });
      // The file is larger than one read: the first batches saw only part of it.
      expect(seen[0]?.done).toBeLessThan(0.5);
      for (const p of seen) {
        expect(p.done).toBeGreaterThan(0);
        expect(p.done).toBeLessThanOrEqual(1);
        expect(p.elapsedMs).toBeGreaterThan(0);
      }
      const events = seen.map((p) => p.events);
      expect(events).toEqual([...events].sort((a, b) => a - b));
    });

    it("counts the events handed out when several files are merged", async () => {
      const a = bigFile();
      const b = bigFile();
      const seen: IngestProgress[] = [];
      await ingestCommand(
        {
          files: [a.file, b.file],
          promises: PROMISES,
          db: tempDb(),
          batch: 100,
          progress: (p) => seen.push(p),
        },
        ctx(),
      );
      expect(seen[0]).toMatchObject({ events: 100, done: 100 / (a.lines + b.lines) });
      expect(seen.at(-1)).toMatchObject({ events: a.lines + b.lines, done: 1 });
    });

    it("has no share read for a pipe, whose size is unknown", async () => {
      const { file } = bigFile();
      const fifo = join(mkdtempSync(join(tmpdir(), "goodfaith-fifo-")), "events");
      execFileSync("mkfifo", [fifo]);
      const writing = new Promise<void>((resolve, reject) => {
        const out = createWriteStream(fifo);
        out.on("error", reject);
        out.end(readFileSync(file), () => resolve());
      });
      const seen: IngestProgress[] = [];
      const code = await ingestCommand(
        {
          files: [fifo],
          promises: PROMISES,
          db: tempDb(),
          batch: 50,
          progress: (p) => seen.push(p),
        },
        ctx(),
      );
      await writing;
      expect(code).toBe(0);
      expect(seen.length).toBeGreaterThan(3);
      for (const p of seen) expect(p).not.toHaveProperty("done");
    });
  });
});
