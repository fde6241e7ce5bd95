import {
  jsonSafe,
  LANGS,
  MAX_ID_LENGTH,
  money,
  validateEvent,
  type Warning,
} from "@goodfaith/core";
import { warningEvent } from "@goodfaith/store";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { warnedEvents, warningJson } from "./guard-warnings.js";

const CODES = ["already_owned", "already_owned_edition", "subscription_active", "price_protection"];
const text = fc.string({ minLength: 1, maxLength: 40 });
const amount = fc.stringMatching(/^\d{1,6}(\.\d{1,2})?$/);
// Any time the request schema lets through (RFC 3339, 4-digit years), as the route turns it.
const at = fc
  .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z") })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString());

const warning: fc.Arbitrary<Warning> = fc.record(
  {
    code: fc.constantFrom(...CODES) as fc.Arbitrary<Warning["code"]>,
    promise: text,
    sku: text,
    earlier: fc.record({ order: text, sku: text, date: at }),
    refund: fc.bigInt({ min: 0n, max: 10n ** 12n }).map((minor) => money(minor, "EUR")),
    text: fc.record({ en: text, "zh-CN": text, sv: text }),
  },
  { requiredKeys: ["code", "promise", "sku", "earlier", "text"] },
);

const item = fc.record(
  { sku: text, kind: text, price: amount, currency: fc.constantFrom("EUR", "SEK", "CNY") },
  { requiredKeys: ["sku", "kind"] },
);

describe("warnedEvents", () => {
  it("builds events exactly as validation would return them", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: MAX_ID_LENGTH }),
        fc.array(item, { minLength: 1, maxLength: 3 }),
        at,
        fc.array(warning, { minLength: 1, maxLength: 3 }),
        (customer, items, time, warnings) => {
          const events = warnedEvents(customer, items, time, warnings);
          expect(events).toHaveLength(warnings.length);
          for (const event of events) {
            const { known: _, ...input } = event as unknown as Record<string, unknown>;
            const checked = validateEvent(input);
            expect(checked.ok).toBe(true);
            if (checked.ok) expect(JSON.stringify(event)).toBe(JSON.stringify(checked.value));
          }
        },
      ),
    );
  });

  it("makes no event for a customer id over the contract's limit", () => {
    const w = { code: "already_owned", promise: "p", sku: "s" } as const;
    const one = {
      ...w,
      earlier: { order: "o", sku: "s", date: "2026-11-01T00:00:00.000Z" },
      text: { en: "e", "zh-CN": "z", sv: "s" },
    };
    const items = [{ sku: "s", kind: "digital" }];
    const time = "2026-11-02T00:00:00.000Z";
    expect(warnedEvents("c".repeat(MAX_ID_LENGTH), items, time, [one])).toHaveLength(1);
    expect(validateEvent(warningEvent("c".repeat(MAX_ID_LENGTH + 1), items[0], one, time)).ok).toBe(
      false,
    );
    expect(warnedEvents("c".repeat(MAX_ID_LENGTH + 1), items, time, [one])).toEqual([]);
  });
});

describe("warningJson", () => {
  it("is the warning made JSON-safe, with the message in the caller's language", () => {
    fc.assert(
      fc.property(warning, fc.constantFrom(...LANGS), (w, lang) => {
        const expected = { ...(jsonSafe(w) as Record<string, unknown>), message: w.text[lang] };
        expect(JSON.stringify(warningJson(w, lang))).toBe(JSON.stringify(expected));
      }),
    );
  });
});
