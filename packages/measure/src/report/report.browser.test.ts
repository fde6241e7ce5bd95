import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { LANGS } from "@goodfaith/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchChromium } from "../../../../test/support/browser.js";
import { ROOT } from "../../../../test/support/packs.js";
import { inOrder, layout, openHtml } from "../../../../test/support/static-page.js";

const BIN = join(ROOT, "packages/cli/bin/goodfaith.js");
const run = promisify(execFile);
const goodfaith = async (...args: string[]) => (await run(process.execPath, [BIN, ...args])).stdout;

// Every pack's events, over all their months: charts with many bars, tables with long words.
describeBrowser("report in a browser", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(join(ROOT, "packages/cli/dist/main.js"))) {
      throw new Error("build first: npx tsc -b (the test runs the built goodfaith command)");
    }
    dir = await mkdtemp(join(tmpdir(), "goodfaith-report-"));
    for (const pack of readdirSync(join(ROOT, "packs"))) {
      const events = join(ROOT, "packs", pack, "events.jsonl");
      if (!existsSync(events)) continue;
      const promises = join(ROOT, "packs", pack, "promises.yaml");
      await goodfaith("ingest", events, "-p", promises, "--db", join(dir, "x.db"));
    }
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(LANGS)("%s: reads on a phone, asks nothing of anyone, logs no error", async (lang) => {
    const html = await goodfaith(
      ...["report", "--html", "--db", join(dir, "x.db"), "--lang", lang],
      ...["--period", "2026-09-01..2026-12-31"],
    );
    const { page, trouble } = await openHtml(browser, html, 390);
    const seen = await layout(page);
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => ({
        named: svg.querySelector("title")?.textContent !== "",
        desc: svg.querySelector("desc")?.textContent ?? "",
        labels: [...svg.querySelectorAll("text")].map((t) => t.textContent ?? ""),
        // A chart scaled down to a phone shrinks its text with it.
        smallest: Math.min(
          ...[...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect().height),
        ),
      })),
    );
    // Nor does any table scroll sideways inside its own box, down to a 360-pixel phone: a wide
    // one gives each row's name a line of its own (Swedish headings do not break).
    const scrolling: string[] = [];
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const boxes = await page.$$eval(".table", (tables) =>
        tables
          .filter((t) => t.scrollWidth > t.clientWidth)
          .map((t) => t.querySelector("caption")?.textContent ?? ""),
      );
      scrolling.push(...boxes.map((caption) => `${width}px: ${caption}`));
    }
    await page.close();
    expect(scrolling).toEqual([]);
    expect(trouble).toEqual([]);
    expect(seen.lang).toBe(lang);
    expect(seen.overflows).toBe(false);
    expect(inOrder(seen.headings)).toBe(true);
    expect(charts.some((c) => c.labels.length > 2)).toBe(true);
    for (const chart of charts) {
      expect(chart.named).toBe(true);
      // What the bars say is also in the text alternative a screen reader reads.
      for (const label of chart.labels) expect(chart.desc).toContain(label);
      expect(chart.smallest).toBeGreaterThanOrEqual(12);
    }
  });
});
