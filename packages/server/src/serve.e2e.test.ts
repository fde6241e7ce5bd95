/**
 * End to end: the built `goodfaith` command serves a temporary SQLite store on a free port,
 * and is called over real HTTP; its docs page is read in a real browser (Debian's Chromium,
 * through playwright-core). Needs `npx tsc -b` first (as `npm test` does).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeBrowser, launchChromium } from "../../../test/support/browser.js";
import { newKey as key } from "../../../test/support/cli.js";
import { BIG_PRICE_DROP, retailEvents } from "../test/harness.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(ROOT, "packages/cli/bin/goodfaith.js");
const RETAIL = join(ROOT, "packs/retail/promises.yaml");

describe("goodfaith serve, end to end", () => {
  let dir: string;
  let child: ChildProcess;
  let base: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(join(ROOT, "packages/cli/dist/main.js"))) {
      throw new Error("build first: npx tsc -b (the test runs the built goodfaith command)");
    }
    dir = await mkdtemp(join(tmpdir(), "goodfaith-serve-"));
    const db = join(dir, "goodfaith.db");
    for (const scope of ["ingest", "guard", "agent"]) keys[scope] = await key(db, scope);
    child = spawn(
      process.execPath,
      [BIN, "serve", "-p", RETAIL, "--db", db, "--port", "0", "--json"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    base = await new Promise<string>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`goodfaith serve exited with ${code}`)));
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) =>
        resolve((JSON.parse(line) as { listening: string }).listening),
      );
    });
  }, 30_000);

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  const call = (path: string, scope: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${keys[scope]}`,
        ...(init.headers as Record<string, string>),
      },
    });

  it("ingests, guards, and lets an agent approve over HTTP", async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const ingested = await call("/v1/events", "ingest", {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: `${await retailEvents()}\n${BIG_PRICE_DROP.map((e) => JSON.stringify(e)).join("\n")}\n`,
    });
    expect(ingested.status).toBe(200);
    expect(((await ingested.json()) as { rejected: unknown[] }).rejected).toEqual([]);

    const guard = await call("/v1/guard/check", "guard", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        customer: "c-li",
        items: [{ sku: "ebook-three-body", kind: "digital" }],
      }),
    });
    expect(((await guard.json()) as { warnings: { code: string }[] }).warnings[0]?.code).toBe(
      "already_owned",
    );

    const waiting =
      (await // The big price drop waits for a person. (Recording the guard's warning moved the stream's
      // time on, so an overdue not-shipped deadline may have fired too: filter by promise.)
      (await call("/v1/remedies?status=awaiting_approval&promise=price-drop", "agent")).json()) as {
        remedies: { key: string }[];
      };
    expect(waiting.remedies).toHaveLength(1);
    const key = encodeURIComponent(waiting.remedies[0]?.key ?? "");
    const approved = await call(`/v1/remedies/${key}/approve`, "agent", { method: "POST" });
    expect(approved.status).toBe(200);
    const denied = await call("/v1/ledger/verify", "agent");
    expect(denied.status).toBe(403);
    expect(denied.headers.get("content-type")).toBe("application/problem+json");
    expect((await fetch(`${base}/docs`)).headers.get("content-type")).toContain("text/html");
  });

  describeBrowser("docs page", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    /** /docs (or `path` on the server) in a fresh page, with what went wrong on the way. */
    async function open(path = "/docs") {
      const page = await browser.newPage();
      const trouble: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") trouble.push(m.text());
      });
      page.on("request", (r) => {
        if (!r.url().startsWith(base) && !r.url().startsWith("data:"))
          trouble.push(`asked ${r.url()}`);
      });
      page.on("requestfailed", (r) => trouble.push(`failed ${r.url()}`));
      const response = await page.goto(`${base}${path}`);
      return { page, trouble, status: response?.status() };
    }

    it("shows every operation, asks nothing of another host, and every link lands", async () => {
      const { page, trouble, status } = await open();
      expect(status).toBe(200);
      expect(await page.title()).toBe("Goodfaith API");
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item)).length;
      expect(operations).toBeGreaterThan(15);
      expect(await page.locator("section.op").count()).toBe(operations);
      // The server's own failures, on every operation; the probe's with when to ask again.
      const with500 = await page.$$eval(
        "section.op",
        (ops) =>
          ops.filter((op) =>
            [...op.querySelectorAll("li > b")].some((b) => b.textContent === "500"),
          ).length,
      );
      expect(with500).toBe(operations);
      const ready = await page.locator('section.op[id="op-get-/readyz"]').textContent();
      expect(ready).toMatch(/503 unavailable for now.*header Retry-After/s);
      // A data route says it too: the store may be out of reach under any of them.
      const remedies = await page.locator('section.op[id="op-get-/v1/remedies"]').textContent();
      expect(remedies).toMatch(/503 unavailable for now.*store_unavailable.*header Retry-After/s);
      expect(await page.locator("#problem-store_unavailable").textContent()).toContain(
        "Store unavailable",
      );
      const targets = await page.$$eval("a[href^='#']", (links) =>
        links.map((a) => a.getAttribute("href")?.slice(1) ?? ""),
      );
      expect(targets.length).toBeGreaterThan(20);
      const missing = await page.evaluate(
        (ids) => ids.filter((id) => document.getElementById(id) === null),
        targets,
      );
      expect(missing).toEqual([]);
      expect(trouble).toEqual([]);
    });

    it("opens a schema where a link to it lands", async () => {
      const { page } = await open();
      const schema = page.locator("#schema-Problem");
      expect(await schema.isVisible()).toBe(false);
      await page.locator("a[href='#schema-Problem']").first().click();
      await expect.poll(() => schema.isVisible()).toBe(true);
      expect(await schema.textContent()).toContain('"detail"');
    });

    it("explains the problem type a real error names", async () => {
      const denied = await call("/v1/ledger/verify", "agent");
      const type = ((await denied.json()) as { type: string }).type;
      expect(type).toBe("/docs#problem-forbidden");
      const { page, trouble } = await open(type);
      const entry = page.locator(":target");
      expect(await entry.getAttribute("id")).toBe("problem-forbidden");
      expect(await entry.isVisible()).toBe(true);
      expect(await entry.textContent()).toContain("Not allowed for this key");
      expect(trouble).toEqual([]);
    });
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
