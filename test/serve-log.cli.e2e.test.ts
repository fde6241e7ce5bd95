/**
 * End to end: the built `goodfaith serve`'s operator log. Requests that carry personal data (a
 * customer id, an e-mail address and a name in an event, a customer id and a remedy key in a
 * path, API keys in the Authorization header) each leave one JSON line on stderr naming the
 * route's template, the status and the time taken, and none of that data. `--log-level warn`
 * leaves out the access lines, `GOODFAITH_LOG_LEVEL=silent` everything.
 * Needs `npx tsc -b` first.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newKey } from "./support/cli.js";
import { ROOT } from "./support/packs.js";

const BIN = join(ROOT, "packages/cli/dist/main.js");
const RETAIL = join(ROOT, "packs/retail/promises.yaml");

const CUSTOMER = "cust-4711-ingrid";
const EMAIL = "ingrid.bergstrom@example.se";
const NAME = "Ingrid Bergström";
const REMEDY = `late-delivery:${CUSTOMER}:order-998877`;
const WRONG_KEY = `gf_0123456789ab_${"Z".repeat(43)}`;

interface Served {
  readonly stderr: string;
  readonly stdout: string;
  readonly code: number | null;
}

/** Runs `goodfaith serve` with `args`, makes the calls of `calls` against it, then stops it. */
async function serve(
  db: string,
  args: string[],
  env: Record<string, string>,
  calls: (base: string) => Promise<unknown>,
): Promise<Served> {
  const child = spawn(
    process.execPath,
    [BIN, "serve", "-p", RETAIL, "--db", db, "--port", "0", "--json", ...args],
    { cwd: ROOT, env: { ...process.env, LANG: "C", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  let stdout = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  // "close", not "exit": the last of stderr may come after the process has exited.
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const base = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      stdout += `${line}\n`;
      const { listening } = JSON.parse(line) as { listening?: string };
      if (listening !== undefined) resolve(listening);
    });
  });
  await calls(base);
  child.kill("SIGTERM");
  // Awaited first: `stderr` is read when the object is built.
  const code = await exited;
  return { stderr, stdout, code };
}

describe("goodfaith serve's log", () => {
  let dir: string;
  let db: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error("build first: npx tsc -b (runs the built command)");
    dir = await mkdtemp(join(tmpdir(), "goodfaith-log-"));
    db = join(dir, "goodfaith.db");
    for (const scope of ["ingest", "guard", "agent"]) keys[scope] = await newKey(db, scope);
  }, 30_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The calls, each carrying personal data somewhere; resolves to their statuses. */
  const calls = (statuses: number[]) => async (base: string) => {
    const call = async (path: string, key: string, init: RequestInit = {}) => {
      const res = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    };
    const event = {
      id: "crm-log-1",
      type: "customer.updated",
      time: "2026-11-01T08:00:00Z",
      customer: CUSTOMER,
      data: { name: NAME, email: EMAIL, language: "sv", country: "SE" },
    };
    await call("/v1/events", keys.ingest ?? "", { method: "POST", body: JSON.stringify([event]) });
    await call("/v1/guard/check", keys.guard ?? "", {
      method: "POST",
      body: JSON.stringify({ customer: CUSTOMER, items: [{ sku: "ebook-1", kind: "digital" }] }),
    });
    await call(`/v1/customers/${CUSTOMER}`, keys.agent ?? "");
    await call(`/v1/remedies/${encodeURIComponent(REMEDY)}?customer=${CUSTOMER}`, keys.agent ?? "");
    await call(`/v1/customers/${encodeURIComponent(EMAIL)}/nothing-here`, keys.agent ?? "");
    await call("/v1/remedies", WRONG_KEY);
  };

  it("writes one JSON line per request, with the route's template and no personal data", async () => {
    const statuses: number[] = [];
    const served = await serve(db, [], {}, calls(statuses));
    expect(served.code).toBe(0);
    const lines = served.stderr.trimEnd().split("\n");
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = parsed.filter((l) => l.msg === "request");
    expect(access.map((l) => [l.method, l.route, l.status])).toEqual([
      ["POST", "/v1/events", statuses[0]],
      ["POST", "/v1/guard/check", statuses[1]],
      ["GET", "/v1/customers/{id}", statuses[2]],
      ["GET", "/v1/remedies/{key}", statuses[3]],
      ["GET", "unmatched", statuses[4]],
      ["GET", "/v1/remedies", 401],
    ]);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    for (const line of access) {
      expect(line).toMatchObject({ level: "info", time: expect.any(Number), lang: "en" });
      expect(line.ms).toBeTypeOf("number");
    }
    expect(access[0]?.key).toMatch(/^[0-9a-f]{12}$/);
    expect(access[5]).toMatchObject({ code: "invalid_key" });
    expect(access[5]).not.toHaveProperty("key");
    // Besides the access lines: the start and the stop, nothing else.
    expect(parsed.filter((l) => l.msg !== "request").map((l) => l.msg)).toEqual([
      "listening",
      "stopped",
    ]);
    for (const secret of [CUSTOMER, EMAIL, NAME, "Bergstr", REMEDY, "order-998877", WRONG_KEY])
      expect(served.stderr).not.toContain(secret);
    for (const key of Object.values(keys)) expect(served.stderr).not.toContain(key.slice(16));
    expect(served.stderr.toLowerCase()).not.toContain("bearer");
  }, 30_000);

  it("--log-level warn leaves out the access lines, and silent everything", async () => {
    const warn = await serve(db, ["--log-level", "warn"], {}, calls([]));
    expect(warn.code).toBe(0);
    expect(warn.stderr).toBe("");
    const silent = await serve(db, [], { GOODFAITH_LOG_LEVEL: "silent" }, calls([]));
    expect(silent.code).toBe(0);
    expect(silent.stderr).toBe("");
    // The human lines are stdout's, whatever the level.
    expect(JSON.parse(silent.stdout.split("\n")[0] ?? "")).toHaveProperty("listening");
  }, 30_000);
});
