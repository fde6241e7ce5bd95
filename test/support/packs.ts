/**
 * Test support for promise packs: load a pack's YAML from `packs/<name>/promises.yaml`,
 * run events through a fresh engine, and pick remedies out of the outcomes.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { Engine } from "../../packages/core/src/engine/engine.js";
import type { EngineEvent } from "../../packages/core/src/engine/event-data.js";
import type { Outcome, Remedy } from "../../packages/core/src/engine/outcome.js";
import { parseEventLine, validateEvent } from "../../packages/core/src/events/index.js";
import { formatPath } from "../../packages/core/src/issue.js";
import { toDecimalString } from "../../packages/core/src/money/index.js";
import type { PromiseDocument } from "../../packages/core/src/promises/document.js";
import { loadPromises } from "../../packages/core/src/promises/load.js";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Loads `packs/<name>/promises.yaml`; a pack that does not load fails the test with its issues. */
export function loadPack(name: string): PromiseDocument {
  const file = `${ROOT}packs/${name}/promises.yaml`;
  const result = loadPromises(readFileSync(file, "utf8"), `packs/${name}/promises.yaml`);
  if (!result.ok) {
    const lines = result.issues.map(
      (i) => `${i.line}:${i.column} ${formatPath(i.path)} ${i.code} ${JSON.stringify(i.params)}`,
    );
    throw new Error(`pack ${name} does not load:\n${lines.join("\n")}`);
  }
  return result.value;
}

/** A fresh engine over the named packs. */
export function engineFor(...packs: string[]): Engine {
  return new Engine(packs.map(loadPack));
}

/** Runs events through a fresh engine over the named packs, then advances time to `until`. */
export function run(packs: string[], events: readonly EngineEvent[], until?: string): Outcome[] {
  const engine = engineFor(...packs);
  const out = engine.processAll(events);
  if (until) out.push(...engine.advanceTo(Date.parse(until)));
  return out;
}

/** The remedies among outcomes; fails the test on any evaluation error. */
export function remediesOf(outcomes: readonly Outcome[]): Remedy[] {
  const errors = outcomes.filter((o) => o.type !== "remedy");
  if (errors.length > 0)
    throw new Error(`evaluation errors or rejected events: ${JSON.stringify(errors)}`);
  return outcomes.filter((o): o is Remedy => o.type === "remedy");
}

/** Reads a pack's sample events (JSON lines). */
export function sampleEvents(name: string): EngineEvent[] {
  const text = readFileSync(`${ROOT}packs/${name}/events.jsonl`, "utf8");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as EngineEvent);
}

/** A remedy's amount as "12.50 EUR" style text, for readable assertions. */
export function amountText(r: Remedy): string {
  return r.amount ? `${toDecimalString(r.amount)} ${r.amount.currency}` : "";
}

/** Fails the test unless `e` is valid under the event contract; returns it unchanged. */
export function valid<E extends EngineEvent>(e: E): E {
  const result = parseEventLine(JSON.stringify(e), 1);
  if (!result.ok) throw new Error(`invalid event ${e.id}: ${JSON.stringify(result.issues)}`);
  return e;
}

/**
 * The checks every pack's sample stream must pass: each event is valid under the contract,
 * and validated events (defaults filled in) give the same remedies as the raw ones.
 */
export function sampleEventChecks(name: string, packs: string[] = [name]): void {
  it("are all valid under the event contract", () => {
    const problems = sampleEvents(name)
      .map((e, i) => ({ line: i + 1, result: validateEvent(e) }))
      .filter((r) => !r.result.ok);
    expect(problems).toEqual([]);
  });

  it("give the same remedies once validated (defaults filled in) as raw", () => {
    const raw = sampleEvents(name);
    const validated = raw.map((e) => {
      const result = validateEvent(e);
      if (!result.ok) throw new Error(`invalid sample event ${e.id}`);
      return result.value as EngineEvent;
    });
    const keys = (events: readonly EngineEvent[]) =>
      remediesOf(run(packs, events)).map((r) => r.key);
    expect(keys(validated)).toEqual(keys(raw));
    expect(keys(raw).length).toBeGreaterThan(0);
  });
}

/**
 * `count` book orders of the retail shape by `customers` customers (a minute apart, 97
 * titles): a stream whose engine state has long lists of customers, orders and purchases.
 */
export function bookOrders(count: number, customers: number): EngineEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `e${n}`,
    type: "order.placed",
    time: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
    customer: `c${n % customers}`,
    data: {
      order: `o${n}`,
      currency: "EUR",
      items: [{ sku: `isbn-${n % 97}`, kind: "book", price: "12.50" }],
      payments: [{ method: "card", amount: "12.50" }],
    },
  }));
}
