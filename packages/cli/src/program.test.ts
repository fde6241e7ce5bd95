import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "@goodfaith/core";
import { describe, expect, test } from "vitest";
import { runCli } from "../../../test/support/cli.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const AIRLINE = join(ROOT, "packs/airline/promises.yaml");

async function cli(args: string[], lang: Lang = "en") {
  const r = await runCli(args, lang);
  return { out: r.out.join("\n"), err: r.err.join("\n"), code: r.code };
}

const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-"));
const events = join(dir, "events.jsonl");
writeFileSync(
  events,
  [
    JSON.stringify({
      id: "b1",
      type: "booking.created",
      time: "2026-11-01T10:00:00Z",
      customer: "c1",
      data: {
        booking: "B1",
        flight: "NW100@2026-11-20",
        carrier: { code: "NW", euLicensed: true },
        origin: "ARN",
        destination: "CDG",
        passengers: [{ id: "p1", age: 40, seat: "12A" }],
        fare: "300.00",
        currency: "EUR",
        payments: [
          { method: "card", amount: "200.00" },
          { method: "points", amount: "10000", currency: "PTS" },
        ],
      },
    }),
    "{not json",
    JSON.stringify({
      id: "f1",
      type: "flight.arrived",
      time: "2026-11-20T16:00:00Z",
      data: {
        flight: "NW100@2026-11-20",
        carrier: { code: "NW", euLicensed: true },
        origin: "ARN",
        destination: "CDG",
        scheduledArrival: "2026-11-20T12:00:00Z",
        actualArrival: "2026-11-20T15:30:00Z",
        controllable: true,
        cause: "a technical fault",
      },
    }),
    JSON.stringify({
      id: "x1",
      type: "order.placed",
      time: "2026-11-20T17:00:00Z",
      customer: "c1",
      data: { order: "o1", currency: "EUR", items: [], payments: [] },
    }),
    "",
  ].join("\n"),
);

describe("goodfaith run", () => {
  test("prints remedies and a summary, reports rejected lines, and exits 3", async () => {
    const r = await cli(["run", "--promises", AIRLINE, "--events", events]);
    expect(r.out).toContain("refund €300.00 → card €200.00, points 10,000 points");
    expect(r.out).toContain(
      "delay-refund v2026.11 — Three hours late because of us? Your fare back.",
    );
    expect(r.out).toContain("because: a technical fault");
    expect(r.out).toContain("4 lines read: 2 accepted, 0 duplicates, 2 rejected");
    expect(r.err).toMatch(/events\.jsonl: line 2, column \d+/);
    expect(r.err).toMatch(/events\.jsonl: line 4: data\.items/);
    expect(r.code).toBe(3);
  });

  test("--json prints one JSON line per remedy with decimal money, then a summary", async () => {
    const r = await cli(["run", "--promises", AIRLINE, "--events", events, "--json"]);
    const lines = r.out.split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const remedy = lines.find((l) => l.type === "remedy");
    expect(remedy).toMatchObject({
      promise: "delay-refund",
      customer: "c1",
      kind: "refund",
      amount: "300.00",
      currency: "EUR",
      key: "delay-refund:flight:NW100@2026-11-20:booking:B1",
      split: [
        { method: "card", amount: "200.00", currency: "EUR" },
        { method: "points", amount: "10000", currency: "PTS" },
      ],
    });
    expect(lines.at(-1)).toMatchObject({
      type: "summary",
      remedies: 1,
      amounts: [{ amount: "300.00", currency: "EUR" }],
    });
  });

  test("speaks Swedish and Chinese", async () => {
    expect((await cli(["run", "-p", AIRLINE, "-e", events], "sv")).out).toContain(
      "återbetalning 300,00",
    );
    expect((await cli(["run", "-p", AIRLINE, "-e", events], "zh-CN")).out).toContain("补救措施");
  });
});

describe("goodfaith run over files that share an event id", () => {
  // The valid lines of `events`: a booking, and the late arrival that owes it a refund.
  const [booking = "", , arrival = ""] = readFileSync(events, "utf8").split("\n");
  const a = join(dir, "shared-a.jsonl");
  const b = join(dir, "shared-b.jsonl");
  writeFileSync(a, `${booking}\n${arrival}\n`);
  writeFileSync(b, `${arrival}\n${booking}\n`);

  test("counts each repeated id as a duplicate, as ingest does, and decides the incident once", async () => {
    const r = await cli(["run", "-p", AIRLINE, "-e", a, b]);
    expect(r.out).toContain("4 lines read: 2 accepted, 2 duplicates, 0 rejected");
    expect(r.out.match(/refund €300\.00/g)).toHaveLength(1);
    expect(r.code).toBe(0);
    const json = await cli(["run", "-p", AIRLINE, "-e", a, b, "--json"]);
    const lines = json.out.split("\n").map((l) => JSON.parse(l) as { type: string });
    expect(lines.filter((l) => l.type === "remedy")).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({
      type: "summary",
      events: { read: 4, accepted: 2, duplicates: 2, rejected: 0 },
    });
  });

  test("a copy re-sent long after, past the engine's memory of ids, is a duplicate, never given to the engine", async () => {
    // Over a thousand events and more than the engine's 30 days between the two copies.
    const late = join(dir, "shared-late.jsonl");
    const filler = Array.from({ length: 1100 }, (_, i) =>
      JSON.stringify({
        id: `tick-${i}`,
        type: "clock",
        time: new Date(Date.parse("2026-11-21T00:00:00Z") + i * 3_600_000 * 2).toISOString(),
        data: {},
      }),
    );
    const resent = JSON.stringify({ ...JSON.parse(arrival), time: "2027-03-01T00:00:00Z" });
    writeFileSync(late, `${[...filler, resent].join("\n")}\n`);
    const r = await cli(["run", "-p", AIRLINE, "-e", a, late, "--json"]);
    const lines = r.out.split("\n").map((l) => JSON.parse(l) as { type: string });
    expect(lines.filter((l) => l.type === "remedy")).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({ events: { duplicates: 1 } });
  });
});

describe("goodfaith promises", () => {
  test("validate reports every problem with file, line and column, and exits 2", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "goodfaith: 1\ncompany: X\nversion: 1\ncurrency: EURO\npromises: []\n");
    const r = await cli(["promises", "validate", AIRLINE, bad]);
    expect(r.out).toContain("valid — 2 promises, version 2026.11 of Northwind Air");
    expect(r.err).toContain(`${bad}:4:11: currency: expected an ISO 4217 currency code`);
    expect(r.err).toContain(`${bad}:5:11:`);
    expect(r.code).toBe(2);
  });
});

describe("goodfaith promises render", () => {
  test("renders the promise page in the language asked for, Markdown or HTML", async () => {
    const sv = await cli(["promises", "render", AIRLINE, "--lang", "sv"]);
    expect(sv.out).toContain(
      "## Tre timmar försenat på grund av oss? Du får tillbaka biljettpriset.",
    );
    const html = join(dir, "page.html");
    const r = await cli(["promises", "render", AIRLINE, "--html", "--out", html], "zh-CN");
    expect(r.code).toBe(0);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(html, "utf8")).toMatch(/<html lang="zh-CN">[\s\S]*北风航空乘客权利法案/);
  });
});

describe("goodfaith guard check", () => {
  test("warns about a book already bought, in the customer's words", async () => {
    const history = join(dir, "history.jsonl");
    writeFileSync(
      history,
      `${JSON.stringify({ id: "o1", type: "order.placed", time: "2026-02-03T10:00:00Z", customer: "ana", data: { order: "A-1", currency: "SEK", items: [{ sku: "isbn-978", kind: "book", title: "Röda rummet", price: "199.00" }], payments: [{ method: "card", amount: "199.00" }] } })}\n`,
    );
    const r = await cli(
      [
        "guard",
        "check",
        "--events",
        history,
        "--customer",
        "ana",
        "--items",
        '[{"sku":"isbn-978","kind":"book"}]',
      ],
      "sv",
    );
    expect(r.out).toBe(
      "varning [already_owned] isbn-978: Du har redan köpt Röda rummet, den 3 februari 2026 (beställning A-1). Vill du köpa den igen?",
    );
    const none = await cli([
      "guard",
      "check",
      "-e",
      history,
      "-c",
      "ana",
      "-i",
      '[{"sku":"other","kind":"book"}]',
      "--json",
    ]);
    expect(JSON.parse(none.out)).toEqual({ customer: "ana", warnings: [] });
  });

  test("a bad items file is a clear error, exit 2", async () => {
    const r = await cli(["guard", "check", "-e", events, "-c", "c1", "-i", '[{"kind":"book"}]']);
    expect(r.err).toContain("[0].sku: expected a non-empty string");
    expect(r.code).toBe(2);
  });

  test("items that are not JSON are located and said in the reader's language", async () => {
    const items = join(dir, "items.json");
    writeFileSync(items, '[\n  {"sku": "a",, }\n]');
    const file = await cli(["guard", "check", "-e", events, "-c", "c1", "-i", items], "sv");
    expect(file).toMatchObject({ code: 2, err: `${items}:2:15: är inte giltig JSON` });
    const inline = await cli(
      ["guard", "check", "-e", events, "-c", "c1", "-i", '[{"sku":1}]'],
      "zh-CN",
    );
    expect(inline).toMatchObject({ code: 2, err: "--items：[0].sku：应为非空字符串" });
  });

  test("a history with rejected lines says which, and exits 3", async () => {
    const history = join(dir, "holes.jsonl");
    writeFileSync(history, '{"id":"o1",\n');
    const r = await cli(["guard", "check", "-e", history, "-c", "c1", "-i", "[]", "--json"]);
    expect(r).toMatchObject({
      code: 3,
      err: `Rejected lines\n  ${history}:1:12: is not valid JSON`,
    });
    expect(JSON.parse(r.out)).toEqual({ customer: "c1", warnings: [] });
  });

  test("--at and run's --until take an RFC 3339 time, never ignore another", async () => {
    const guard = await cli([
      "guard",
      "check",
      "-e",
      events,
      "-c",
      "c1",
      "-i",
      "[]",
      "--at",
      "now",
    ]);
    expect(guard).toMatchObject({
      code: 1,
      err: "--at: now is not an RFC 3339 time with its zone, such as 2026-11-20T14:05:00Z",
    });
    const run = await cli(["run", "-p", AIRLINE, "-e", events, "--until", "2026-11-21"], "sv");
    expect(run.code).toBe(1);
    expect(run.err).toContain("--until: 2026-11-21 är ingen RFC 3339-tid");
  });
});

describe("goodfaith clv fit", () => {
  const CDNOW = join(ROOT, "../shared/data/CDNOW_sample.txt");

  test("reproduces the published CDNOW estimates, as JSON", async () => {
    const r = await cli(["clv", "fit", "--transactions", CDNOW, "--format", "cdnow", "--json"]);
    expect(r.code).toBe(0);
    const fit = JSON.parse(r.out) as {
      bgnbd: Record<string, number>;
      gammaGamma: Record<string, number>;
      customers: number;
      repeaters: number;
    };
    expect(fit.customers).toBe(2357);
    expect(fit.bgnbd.r).toBeCloseTo(0.2426, 3);
    expect(fit.bgnbd.alpha).toBeCloseTo(4.4135, 2);
    expect(fit.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(fit.gammaGamma.p).toBeCloseTo(6.25, 1);
  });

  test("says in words who is left out of the spend model", async () => {
    const r = await cli(["clv", "fit", "-t", CDNOW, "--format", "cdnow"], "sv");
    // Swedish groups thousands with a no-break space.
    expect(r.out).toContain("Anpassad på 2\u00a0357 kunder");
    expect(r.out).toMatch(/1\u00a0411 kunder utan återkommande köp lämnas utanför/);
  });

  test("says so, instead of a NaN equity, when the history cannot identify the models", async () => {
    // Three customers, one buying again: the estimates run off to a boundary.
    const csv = join(dir, "few.csv");
    writeFileSync(
      csv,
      "customer,date,amount\nc1,2026-01-05,10.00\nc1,2026-02-05,12.00\nc2,2026-01-07,9.00\nc3,2026-01-09,20.00\n",
    );
    const json = await cli(["clv", "fit", "-t", csv, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ identified: false, equity: null });
    const human = await cli(["clv", "fit", "-t", csv]);
    expect(human.out).toMatch(/No customer equity: 3 customers \(1 bought again\) cannot identify/);
    expect(human.out).not.toContain("NaN");
  });

  test("a bad line is reported with its line and column", async () => {
    const csv = join(dir, "tx.csv");
    writeFileSync(csv, "customer,date,amount\nc1,2026-01-05,10.00\nc2,2026-13-01,5.00\n");
    const r = await cli(["clv", "fit", "-t", csv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tx\.csv:3:\d+: /);
  });
});
