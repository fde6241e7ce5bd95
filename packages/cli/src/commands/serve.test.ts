import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lang } from "@goodfaith/core";
import { adoptPromises, openStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { runCli as cli, newKey, tempDb } from "../../../../test/support/cli.js";
import { stopWhilePaying } from "../../../../test/support/outbox.js";
import { ROOT } from "../../../../test/support/packs.js";
import { startReceiver } from "../../../../test/support/receiver.js";
import type { CliContext } from "../io/context.js";
import { type ServeOptions, serveCommand } from "./serve.js";

const RETAIL = join(ROOT, "packs/retail/promises.yaml");
const EVENTS = join(ROOT, "packs/retail/events.jsonl");

describe("goodfaith serve (in-process)", () => {
  it("without promises says plainly, in the reader's language and in the log, what it will not do", async () => {
    for (const [lang, words] of [
      ["en", "warning: no promises loaded: the guard will warn of nothing"],
      ["sv", "varning: inga löften inlästa: vakten varnar inte för något"],
      ["zh-CN", "警告：未加载任何承诺"],
    ] as const) {
      const err: string[] = [];
      let stop = () => {};
      const until = new Promise<void>((resolve) => {
        stop = resolve;
      });
      const ctx: CliContext = { out: () => {}, err: (l) => err.push(l), lang };
      const code = await serveCommand(
        {
          promises: [],
          db: tempDb(),
          port: 0,
          json: true,
          until,
          logLevel: "warn",
          onListening: () => stop(),
        },
        ctx,
      );
      expect(code).toBe(0);
      const said = err.find((l) => l.startsWith(words));
      expect(said, `${lang}: ${err.join("\n")}`).toContain("-p packs/retail/promises.yaml");
      const logged = err.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
      expect(logged).toContainEqual(
        expect.objectContaining({ level: "warn", event: "no_promises", promises: 0 }),
      );
    }
    // With promises there is nothing to warn of.
    const served = await serveInProcess({});
    await served.stop();
    expect(served.out.some((l) => String(l.err ?? "").includes("no promises"))).toBe(false);
  });

  it("without -p serves the promises the store keeps, and says which version", async () => {
    const db = tempDb();
    expect((await cli(["ingest", EVENTS, "-p", RETAIL, "--db", db])).code).toBe(0);
    const key = await newKey(db, "admin");
    const { url, out: lines, err, stop } = serveLines({ promises: [], db, outbox: false }, "en");
    const base = await url;
    const res = await fetch(`${base}/v1/promises`, { headers: { authorization: `Bearer ${key}` } });
    expect(await stop()).toBe(0);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      documents: { company: string; version: string; promises: { id: string }[] }[];
    };
    expect(body.documents.map((d) => [d.company, d.version])).toEqual([
      ["Northwind Market", "2026.11"],
    ]);
    expect(body.documents[0]?.promises.map((p) => p.id)).toContain("late-delivery");
    expect(lines[1]).toMatch(
      new RegExp(`^  serving 6 promises kept in ${db}: version 1, adopted \\d{4}-\\d\\d-\\d\\dT`),
    );
    expect(err.join("\n")).not.toContain("no promises");
  });

  it("follows the store's set: a version adopted meanwhile is served within a poll, one that does not load is not", async () => {
    const db = tempDb();
    const key = await newKey(db, "agent");
    const options = { promises: [RETAIL], db, outbox: false, promisesPollMs: 30 };
    const { url, out, err, stop } = serveLines(options, "sv");
    const served = async () => {
      const res = await fetch(`${await url}/v1/promises`, {
        headers: { authorization: `Bearer ${key}` },
      });
      return (await res.json()) as { set: { version: number; actor: string } | null };
    };
    const logged = () => err.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    try {
      expect((await served()).set).toMatchObject({ version: 1, actor: "cli:serve" });
      const text = readFileSync(RETAIL, "utf8");
      const changed = join(mkdtempSync(join(tmpdir(), "goodfaith-serve-")), "promises.yaml");
      writeFileSync(changed, text.replace('version: "2026.11"', 'version: "2026.12"'));
      expect((await cli(["promises", "adopt", changed, "--db", db])).code).toBe(0);
      await expect.poll(async () => (await served()).set?.version).toBe(2);
      expect(out).toContainEqual(
        expect.stringMatching(
          /^ {2}löften: version 2, antagen \d{4}-.+ av cli:promises, gäller nu \(Northwind Market 2026\.12\)$/,
        ),
      );
      expect(logged()).toContainEqual(
        expect.objectContaining({ level: "info", event: "promises_switched", promiseSet: 2 }),
      );

      // Adopted by an older Goodfaith, say: it does not load here, and version 2 stays.
      const other = await openStore(db);
      try {
        const broken = text.replace("kind: warning", "kind: hug");
        await adoptPromises(other, [{ file: "old.yaml", text: broken }], { actor: "cli:old" });
      } finally {
        await other.close();
      }
      await expect
        .poll(() => logged().filter((l) => l.event === "promises_unloadable"))
        .toHaveLength(1);
      await new Promise((r) => setTimeout(r, 150)); // several more polls: said once
      expect(logged().filter((l) => l.event === "promises_unloadable")).toEqual([
        expect.objectContaining({ level: "error", promiseSet: 3, problems: 1 }),
      ]);
      expect(out.filter((l) => l.includes("version 3"))).toHaveLength(1);
      expect(err).toContainEqual(expect.stringMatching(/^old\.yaml:\d+:\d+: /));
      expect((await served()).set?.version).toBe(2);

      // Adopted through the API: this server switches at once and says so, once.
      const admin = await newKey(db, "admin");
      const res = await fetch(`${await url}/v1/promises`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        body: JSON.stringify({ documents: [{ yaml: text }] }),
      });
      expect(await res.json()).toMatchObject({ adopted: true, set: { version: 4 } });
      await new Promise((r) => setTimeout(r, 150)); // several polls: not said again
      expect(out.filter((l) => l.includes("version 4"))).toEqual([
        expect.stringMatching(/^ {2}löften: version 4, antagen .+ av api-key:\w+, gäller nu/),
      ]);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("serves until told to stop, then saves a checkpoint", async () => {
    const served = await serveInProcess({});
    const res = await fetch(`${served.base}/v1/events`, {
      method: "POST",
      headers: served.headers,
      body: JSON.stringify({
        id: "e1",
        type: "order.delivered",
        time: "2026-11-06T12:30:00Z",
        customer: "c-1",
        data: { order: "o-1" },
      }),
    });
    expect(res.status).toBe(200);
    expect(await served.stop()).toBe(0);
    await expect(fetch(`${served.base}/healthz`)).rejects.toThrow();
    const store = await openStore(served.db);
    try {
      expect((await store.loadCheckpoint())?.seq).toBe(1);
    } finally {
      await store.close();
    }
  });

  it("runs the outbox: an auto-approved remedy ingested over HTTP is executed, with no other command", async () => {
    const served = await serveInProcess({ outboxIntervalMs: 50 });
    try {
      await served.ingest();
      const executed = await served.waitFor((r) => r.status === "executed");
      expect(executed).toMatchObject({
        promise: "late-delivery",
        status: "executed",
        attempts: 1,
        reference: `recorded:${executed.key}`,
      });
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.out[0]).toMatchObject({ outbox: true });
  });

  it("with --no-outbox an approved remedy stays approved", async () => {
    const served = await serveInProcess({ outbox: false, outboxIntervalMs: 50 });
    try {
      await served.ingest();
      const approved = await served.waitFor((r) => r.status === "approved");
      await new Promise((r) => setTimeout(r, 500)); // ten intervals of a worker, had there been one
      expect((await served.remedies()).find((r) => r.key === approved.key)?.status).toBe(
        "approved",
      );
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.out[0]).toMatchObject({ outbox: false });
  });

  it("gives the payment system callback links to its own address", async () => {
    // The remedy is marked executing before its request is sent: wait for the request itself.
    let delivered: (body: string) => void = () => {};
    const first = new Promise<string>((resolve) => {
      delivered = resolve;
    });
    const receiver = await startReceiver((request) => {
      delivered(request.body);
      return { status: 202 };
    });
    const served = await serveInProcess({
      outboxIntervalMs: 50,
      executor: "webhook",
      url: receiver.url,
      secret: "s3cret",
    });
    try {
      await served.ingest();
      const sent = JSON.parse(await first) as {
        callbacks: { confirm: string; fail: string };
      };
      expect(sent.callbacks.confirm).toMatch(
        new RegExp(`^${served.base}/v1/remedies/[^/]+/confirm$`),
      );
    } finally {
      expect(await served.stop()).toBe(0);
      await receiver.close();
    }
  });

  it("says what a burst of the outbox did when stopped in the middle of it", async () => {
    const db = tempDb();
    const { until, receiver } = await stopWhilePaying(db, 3);
    const out: string[] = [];
    const ctx: CliContext = { out: (l) => out.push(l), err: () => {}, lang: "en" };
    try {
      const code = await serveCommand(
        {
          ...{ promises: [RETAIL], db, port: 0, until, outboxIntervalMs: 50 },
          ...{ executor: "webhook", url: receiver.url, secret: "whsec_t" },
        },
        ctx,
      );
      expect(code).toBe(0);
      // The other two are handed back unstarted, never sent.
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
    expect(out.slice(-2)).toEqual([
      "outbox: 1 executed, 0 awaiting confirmation, 0 to retry, 0 dead; webhooks: 0 delivered, 0 to retry, 0 dead; 2 claimed but not started, handed back to run again at once",
      "stopped; checkpoint saved",
    ]);
  });

  it("refuses a webhook executor without its url, before serving", async () => {
    const run = await cli(["serve", "--executor", "webhook", "--db", tempDb()]);
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain("--url");
  });

  it("refuses a bad port and promises that do not load", async () => {
    const port = await cli(["serve", "--port", "99999", "--db", tempDb()]);
    expect(port.code).toBe(1);
    expect(port.err[0]).toContain("--port");
    const bad = await cli([
      "serve",
      "-p",
      join(ROOT, "packs/retail/events.jsonl"),
      "--db",
      tempDb(),
    ]);
    expect(bad.code).toBe(2);
  });
});

// A serve run in this process on port 0, its stdout and stderr lines kept as they come.
function serveLines(options: Omit<ServeOptions, "port" | "until" | "onListening">, lang: Lang) {
  const out: string[] = [];
  const err: string[] = [];
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    listening = resolve;
  });
  let stop = () => {};
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const running = serveCommand(
    { ...options, port: 0, until, onListening: listening },
    { out: (l) => out.push(l), err: (l) => err.push(l), lang },
  );
  return {
    url,
    out,
    err,
    stop() {
      stop();
      return running;
    },
  };
}

interface RemedyView {
  readonly key: string;
  readonly promise: string;
  readonly status: string;
}

// A serve run in this process on a fresh store, with an admin key to call it.
async function serveInProcess(options: Partial<ServeOptions>) {
  const db = tempDb();
  const created = await cli(["keys", "create", "-s", "admin", "--db", db, "--json"]);
  const { key } = JSON.parse(created.out[0] ?? "{}") as { key: string };
  const out: Record<string, unknown>[] = [];
  let stop = () => {};
  const until = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    listening = resolve;
  });
  const ctx: CliContext = {
    out: (line) => {
      const parsed = JSON.parse(line) as { listening?: string };
      out.push(parsed);
      if (parsed.listening) listening(parsed.listening);
    },
    err: (line) => out.push({ err: line }),
    lang: "en",
  };
  const running = serveCommand(
    { promises: [RETAIL], db, port: 0, json: true, until, ...options },
    ctx,
  );
  const base = await url;
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const remedies = async (): Promise<RemedyView[]> => {
    const res = await fetch(`${base}/v1/remedies`, { headers });
    expect(res.status).toBe(200);
    return ((await res.json()) as { remedies: RemedyView[] }).remedies;
  };
  return {
    base,
    db,
    headers,
    out,
    remedies,
    /** An order placed, paid, shipped, and delivered after the promised time: shipping refunded. */
    async ingest() {
      const lines = readFileSync(join(ROOT, "packs/retail/events.jsonl"), "utf8").split("\n");
      for (const id of ["shop-1001", "pay-1001", "wms-1001", "wms-1005"]) {
        const line = lines.find((l) => l.includes(`"id":"${id}"`));
        const res = await fetch(`${base}/v1/events`, { method: "POST", headers, body: line });
        expect(res.status).toBe(200);
      }
    },
    async waitFor(test: (r: RemedyView) => boolean): Promise<RemedyView> {
      for (let i = 0; i < 100; i++) {
        const found = (await remedies()).find(test);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no such remedy: ${JSON.stringify(await remedies())}`);
    },
    async stop() {
      stop();
      return running;
    },
  };
}
