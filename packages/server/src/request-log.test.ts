import { afterEach, describe, expect, it } from "vitest";
import { type Harness, harness } from "../test/harness.js";
import { errorFields, type RequestLogger } from "./request-log.js";

interface Line {
  readonly level: string;
  readonly msg: string;
  readonly fields: Record<string, unknown>;
}

const LEVELS = ["debug", "info", "warn", "error"];

/** A logger that keeps its lines, writing those at `level` and above. */
function capture(level: string): RequestLogger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (name: string) => (fields: object, msg: string) => {
    if (LEVELS.indexOf(name) >= LEVELS.indexOf(level))
      lines.push({ level: name, msg, fields: fields as Record<string, unknown> });
  };
  return {
    lines,
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    isLevelEnabled: (name) => LEVELS.indexOf(name) >= LEVELS.indexOf(level),
  };
}

// A database error as pg raises it: the message may quote a value, `detail` holds the row's.
function pgError(): Error {
  return Object.assign(
    new Error('invalid input syntax for type uuid: "anna.lindqvist@example.com"\nLINE 1: select'),
    {
      code: "22P02",
      detail: "Key (email)=(anna.lindqvist@example.com) already exists.",
      where: "SQL statement",
      parameters: ["c-anna", "Anna Lindqvist"],
    },
  );
}

// Shaped like a key, and new to the cache: the store is asked about it.
const UNCACHED = `gf_0123456789ab_${"A".repeat(43)}`;

const PERSONAL = ["c-anna", "anna.lindqvist@example.com", "Anna Lindqvist", "o-1001"];

describe("the access log", () => {
  let h: Harness;
  afterEach(() => h?.close());

  it("writes one line per request: route template, status, time, key id, language, code", async () => {
    const log = capture("info");
    h = await harness({ log });
    const customer = await h.call("/v1/customers/c-anna", {
      as: "agent",
      headers: { "accept-language": "sv", "x-request-id": "lb-7f3a9c" },
    });
    const event = {
      id: "crm-1",
      type: "customer.updated",
      time: "2026-11-01T08:00:00Z",
      customer: "c-anna",
      data: { name: "Anna Lindqvist", email: "anna.lindqvist@example.com" },
    };
    const posted = await h.call("/v1/events", { as: "ingest", json: [event] });
    const remedy = await h.call("/v1/remedies/late-delivery:o-1001?customer=c-anna");
    const unmatched = await h.call("/v1/c-anna/anna.lindqvist@example.com", { as: "none" });
    const wrongKey = "gf_0123456789ab_notarealsecretatall0123456789";
    const refused = await h.call("/v1/remedies", { as: wrongKey });

    const statuses = [customer, posted, remedy, unmatched, refused].map((r) => r.status);
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual(statuses.map(() => ["info", "request"]));
    expect(log.lines.map((l) => l.fields)).toEqual([
      {
        method: "GET",
        route: "/v1/customers/{id}",
        status: statuses[0],
        ms: expect.any(Number),
        key: expect.stringMatching(/^\w+$/),
        lang: "sv",
        ...(statuses[0] !== 200 && { code: expect.any(String) }),
        req: "lb-7f3a9c",
      },
      {
        method: "POST",
        route: "/v1/events",
        status: 200,
        ms: expect.any(Number),
        key: expect.any(String),
        lang: "en",
      },
      {
        method: "GET",
        route: "/v1/remedies/{key}",
        status: 404,
        ms: expect.any(Number),
        key: expect.any(String),
        lang: "en",
        code: "remedy_not_found",
      },
      {
        method: "GET",
        route: "unmatched",
        status: 404,
        ms: expect.any(Number),
        lang: "en",
        code: "not_found",
      },
      {
        method: "GET",
        route: "/v1/remedies",
        status: 401,
        ms: expect.any(Number),
        lang: "en",
        code: "invalid_key",
      },
    ]);
    const said = JSON.stringify(log.lines);
    for (const value of [...PERSONAL, ...Object.values(h.keys), wrongKey])
      expect(said).not.toContain(value);
  });

  it("leaves out a request id that is not token-shaped", async () => {
    const log = capture("info");
    h = await harness({ log });
    await h.call("/healthz", { as: "none", headers: { "x-request-id": "Anna Lindqvist" } });
    expect(log.lines[0]?.fields).not.toHaveProperty("req");
  });

  it("tells an unexpected error by its class, code and cleaned message, with its request", async () => {
    const log = capture("info");
    h = await harness({ log });
    // A key not yet in the cache, so the store is asked and fails.
    h.store.findApiKey = () => Promise.reject(pgError());
    const res = await h.call("/v1/remedies", { as: UNCACHED });
    expect(res.status).toBe(500);
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([
      ["info", "request"],
      ["error", "request failed"],
    ]);
    expect(log.lines[0]?.fields).toMatchObject({ route: "/v1/remedies", code: "internal" });
    expect(log.lines[1]?.fields).toMatchObject({
      route: "/v1/remedies",
      status: 500,
      err: { type: "Error", code: "22P02", message: "invalid input syntax for type uuid: …" },
    });
    expect(JSON.stringify(log.lines)).not.toMatch(/anna|Key \(|parameters|SQL statement/i);
  });

  it("writes no access line below info, but still the failures", async () => {
    const log = capture("warn");
    h = await harness({ log });
    await h.call("/v1/remedies");
    expect(log.lines).toEqual([]);
    h.store.findApiKey = () => Promise.reject(pgError());
    await h.call("/v1/remedies", { as: UNCACHED });
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([["error", "request failed"]]);
  });
});

describe("errorFields", () => {
  it("keeps the class, the code and the first line, without the values it quotes", () => {
    expect(errorFields(pgError())).toEqual({
      type: "Error",
      code: "22P02",
      message: "invalid input syntax for type uuid: …",
    });
    expect(
      errorFields(new SyntaxError(`Unexpected token 'a', "anna@x.se" is not valid JSON`)),
    ).toEqual({
      type: "SyntaxError",
      message: "Unexpected token …, … is not valid JSON",
    });
    expect(errorFields(new Error("no customer anna@example.com, card 4111111111111111"))).toEqual({
      type: "Error",
      message: "no customer …, card …",
    });
  });
});
