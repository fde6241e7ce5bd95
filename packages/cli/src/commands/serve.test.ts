import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";
import type { CliContext } from "../io/context.js";
import { serveCommand } from "./serve.js";

const RETAIL = join(ROOT, "packs/retail/promises.yaml");

describe("goodfaith serve (in-process)", () => {
  it("serves until told to stop, then saves a checkpoint", async () => {
    const db = tempDb();
    const created = await cli(["keys", "create", "-s", "ingest", "--db", db, "--json"]);
    const { key } = JSON.parse(created.out[0] ?? "{}") as { key: string };
    const out: string[] = [];
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
        out.push(line);
        const parsed = JSON.parse(line) as { listening?: string };
        if (parsed.listening) listening(parsed.listening);
      },
      err: (line) => out.push(line),
      lang: "en",
    };
    const running = serveCommand({ promises: [RETAIL], db, port: 0, json: true, until }, ctx);
    const base = await url;
    const res = await fetch(`${base}/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        id: "e1",
        type: "order.delivered",
        time: "2026-11-06T12:30:00Z",
        customer: "c-1",
        data: { order: "o-1" },
      }),
    });
    expect(res.status).toBe(200);
    stop();
    expect(await running).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
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
