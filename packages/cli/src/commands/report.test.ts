// End to end on a temporary SQLite store: the retail and airline packs ingested, plus a
// synthetic purchase history (the packs hold 5 EUR customers, too few to fit a 4-parameter
// model), and the outbox's work recorded at chosen times so remedies are on time or late.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { openStore } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

const pack = (...files: string[]) => files.map((f) => join(ROOT, f));
const RETAIL = pack("packs/retail/events.jsonl", "packs/retail/promises.yaml");
const AIRLINE = pack(
  "packs/airline/events.jsonl",
  "packs/airline/promises.yaml",
  "packs/eu261/promises.yaml",
);
const DAY = 86_400_000;
const HOUR = 3_600_000;

// 150 customers buying digital goods (no delivery promise, so no remedy) from May to
// November 2026, each at their own pace, spend and chance of stopping after a purchase, as
// BG/NBD and Gamma-Gamma assume (a population that differs; identical customers would push
// the estimates to a boundary). A deterministic linear congruential sequence.
function history(): string {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return (seed + 1) / (2 ** 31 + 1);
  };
  const lines: string[] = [];
  const start = Date.UTC(2026, 4, 1);
  const end = Date.UTC(2026, 10, 22);
  for (let c = 1; c <= 150; c++) {
    const meanGap = (4 + 60 * next() ** 2) * DAY;
    const stop = 0.6 * next() ** 2;
    const spend = 15 + 120 * next() ** 2;
    let t = start + Math.floor(next() * 150) * DAY;
    for (let n = 0; t < end && n < 40; n++) {
      const id = `h-${c}-${n}`;
      const price = (spend * (0.5 + next())).toFixed(2);
      lines.push(
        JSON.stringify({
          id,
          type: "order.placed",
          time: new Date(t).toISOString(),
          customer: `h-${c}`,
          data: {
            order: id,
            currency: "EUR",
            items: [{ sku: `sku-${n}`, kind: "digital", price }],
            payments: [{ method: "card", amount: price }],
          },
        }),
      );
      if (next() < stop) break; // this customer stops buying
      t += Math.floor(-Math.log(next()) * meanGap) + HOUR;
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The store described above, with c-anna's remedies on time and c-sam's late. */
async function capitalStore(): Promise<string> {
  const db = tempDb();
  const synthetic = join(dirname(db), "history.jsonl");
  writeFileSync(synthetic, history());
  for (const [events, ...promises] of [RETAIL, AIRLINE, [synthetic, ...AIRLINE.slice(1)]]) {
    const run = await cli(["ingest", events as string, "-p", ...promises, "--db", db]);
    expect(run.code, run.err.join("\n")).toBe(0);
  }
  const store = await openStore(db);
  const claimed = await store.claimDue({ now: Date.UTC(2030, 0), limit: 100, worker: "w" });
  for (const r of claimed) {
    if (r.customer === "c-anna")
      await store.recordAttempt(r.key, { ok: true, worker: "w", at: r.at + HOUR });
    else if (r.customer === "c-sam") {
      await store.recordAttempt(r.key, { ok: true, worker: "w", at: (r.dueBy ?? r.at) + DAY });
    }
  }
  await store.close();
  return db;
}

const db = await capitalStore();

describe("goodfaith clv value", () => {
  it("values the store's relationships for the latest month", async () => {
    const run = await cli(["clv", "value", "--db", db, "--json"]);
    expect(run.code, run.err.join("\n")).toBe(0);
    const v = JSON.parse(run.out[0] ?? "{}");
    expect(v.period).toEqual({ from: "2026-11-01", to: "2026-11-22" });
    expect(v.currency).toBe("EUR");
    expect(v.leftOut).toEqual({ USD: 1, SEK: 2 });
    expect(v.customers).toBe(155);
    expect(v.equity).toBeGreaterThan(0);
    // c-sam (remedied late) and c-li (price-drop refund never executed, overdue).
    expect(v.valueAtRisk.customers).toBe(2);
    expect(v.valueAtRisk.value).toBeGreaterThan(0);
    expect(v.protectedByPromise["late-delivery"].customers).toBe(1);
    expect(v.protectedByPromise["not-shipped"].customers).toBe(1);
    // The EU 261 and delay refunds are due on 27 November: pending, neither at risk nor protected.
    expect(Object.keys(v.valueAtRisk.byPromise)).not.toContain("delay-refund");
    expect(v.writeDown.value).toBeGreaterThanOrEqual(0);
  });

  it("prints the figures in the chosen language", async () => {
    const run = await cli(["clv", "value", "--db", db, "--period", "2026-11"], "sv");
    expect(run.code, run.err.join("\n")).toBe(0);
    expect(run.out[0]).toContain("Relationskapital 2026-11-01 till 2026-11-30");
    expect(run.out.join("\n")).toMatch(/Värde i riskzonen: [\d\s]+,\d\d\s€/);
  });

  it("rejects a malformed period", async () => {
    const run = await cli(["clv", "value", "--db", db, "--period", "November"]);
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain("--period");
  });

  it("fits the models on the store's log", async () => {
    const run = await cli(["clv", "fit", "--db", db, "--json"]);
    expect(run.code, run.err.join("\n")).toBe(0);
    const fit = JSON.parse(run.out[0] ?? "{}");
    expect(fit.customers).toBe(155);
    expect(fit.bgnbd.r).toBeGreaterThan(0);
  });
});

describe("goodfaith report", () => {
  it("opens with what customers lived through, before the operating figures", async () => {
    const run = await cli(["report", "--db", db]);
    expect(run.code, run.err.join("\n")).toBe(0);
    const text = run.out.join("\n");
    const order = [
      "What customers lived through",
      "The worst failures",
      "Operating figures",
      "Trust scorecard",
    ].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("c-sam");
  });

  it("writes a standalone HTML page in each language", async () => {
    for (const lang of ["en", "zh-CN", "sv"]) {
      const out = join(dirname(db), `report.${lang}.html`);
      const run = await cli(["report", "--db", db, "--lang", lang, "--html", "-o", out]);
      expect(run.code, run.err.join("\n")).toBe(0);
      const html = readFileSync(out, "utf8");
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html.match(/<svg /g)).toHaveLength(3);
      expect(html).not.toMatch(/<script|<link|src=/);
    }
  });
});
