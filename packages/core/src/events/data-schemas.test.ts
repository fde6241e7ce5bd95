import { describe, expect, it } from "vitest";
import type { KnownType } from "./event-schemas.js";
import { EXAMPLE_EVENTS } from "./examples.js";
import { validateEvent } from "./validate-event.js";

type Json = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the cases reach into arbitrary paths of example JSON
type Data = Json & { [key: string]: any };
type Case = readonly [
  what: string,
  edit: (data: Data) => void,
  path: (string | number)[],
  code: string,
];

// For every type, precise rejections: exactly one issue, at the path, with the code.
const CASES: { readonly [T in KnownType]: readonly Case[] } = {
  "customer.updated": [
    ["a language we do not speak", (d) => (d.language = "de"), ["language"], "event.invalid_enum"],
    ["a lowercase country", (d) => (d.country = "se"), ["country"], "event.invalid_country"],
    ["an e-mail without @", (d) => (d.email = "lin.example.com"), ["email"], "event.invalid_email"],
    ["interests as a string", (d) => (d.interests = "jazz"), ["interests"], "event.invalid_type"],
  ],
  "order.placed": [
    [
      "a price as a number",
      (d) => (d.items[1].price = 12.5),
      ["items", 1, "price"],
      "event.invalid_decimal",
    ],
    [
      "a price with a comma",
      (d) => (d.items[0].price = "12,50"),
      ["items", 0, "price"],
      "event.invalid_decimal",
    ],
    [
      "a negative price",
      (d) => (d.items[0].price = "-1.00"),
      ["items", 0, "price"],
      "event.negative_amount",
    ],
    ["no items", (d) => (d.items = []), ["items"], "event.empty"],
    ["no payments", (d) => (d.payments = []), ["payments"], "event.empty"],
    [
      "an unknown kind",
      (d) => (d.items[0].kind = "ebook"),
      ["items", 0, "kind"],
      "event.invalid_enum",
    ],
    ["quantity 0", (d) => (d.items[0].quantity = 0), ["items", 0, "quantity"], "event.too_small"],
    [
      "quantity 1.5",
      (d) => (d.items[0].quantity = 1.5),
      ["items", 0, "quantity"],
      "event.not_integer",
    ],
    ["a lowercase currency", (d) => (d.currency = "sek"), ["currency"], "event.invalid_currency"],
    ["a missing sku", (d) => delete d.items[0].sku, ["items", 0, "sku"], "event.required"],
    [
      "a period on a book",
      (d) => (d.items[0].period = "month"),
      ["items", 0, "period"],
      "event.subscription_only",
    ],
    [
      "points paid in SEK",
      (d) => (d.payments[1].currency = "SEK"),
      ["payments", 1, "currency"],
      "event.points_currency",
    ],
    [
      "a card paid in PTS",
      (d) => (d.payments[0].currency = "PTS"),
      ["payments", 0, "currency"],
      "event.points_currency",
    ],
    [
      "a bad promised date",
      (d) => (d.promisedDeliveryBy = "2026-11-05"),
      ["promisedDeliveryBy"],
      "event.invalid_time",
    ],
    ["gift as a string", (d) => (d.gift = "yes"), ["gift"], "event.invalid_type"],
    [
      "an unknown item field",
      (d) => (d.items[0].colour = "red"),
      ["items", 0, "colour"],
      "event.unknown_field",
    ],
  ],
  "order.shipped": [["a missing order", (d) => delete d.order, ["order"], "event.required"]],
  "order.delivered": [
    [
      "a bad delivery time",
      (d) => (d.deliveredAt = "2026-11-06 12:30"),
      ["deliveredAt"],
      "event.invalid_time",
    ],
  ],
  "order.cancelled": [["an empty order", (d) => (d.order = ""), ["order"], "event.empty"]],
  "order.refunded": [
    ["an amount with exponent", (d) => (d.amount = "1e3"), ["amount"], "event.invalid_decimal"],
    ["skus as a string", (d) => (d.items = "bk-1"), ["items"], "event.invalid_type"],
  ],
  "payment.charged": [
    ["an unknown method", (d) => (d.method = "cheque"), ["method"], "event.invalid_enum"],
    ["points in SEK", (d) => (d.method = "points"), ["currency"], "event.points_currency"],
  ],
  "price.changed": [
    [
      "a previous price of '.5'",
      (d) => (d.previousPrice = ".5"),
      ["previousPrice"],
      "event.invalid_decimal",
    ],
  ],
  "booking.created": [
    ["a flight without date", (d) => (d.flight = "LH1234"), ["flight"], "event.invalid_flight_id"],
    [
      "a flight on Feb 30",
      (d) => (d.flight = "LH1234@2026-02-30"),
      ["flight"],
      "event.invalid_flight_id",
    ],
    ["a lowercase airport", (d) => (d.origin = "fra"), ["origin"], "event.invalid_airport"],
    [
      "a round trip to nowhere",
      (d) => (d.destination = "FRA"),
      ["destination"],
      "event.same_airport",
    ],
    ["no passengers", (d) => (d.passengers = []), ["passengers"], "event.empty"],
    [
      "a negative age",
      (d) => (d.passengers[1].age = -1),
      ["passengers", 1, "age"],
      "event.too_small",
    ],
    [
      "a guardian not on the booking",
      (d) => (d.passengers[1].guardian = "p9"),
      ["passengers", 1, "guardian"],
      "event.unknown_guardian",
    ],
    [
      "two passengers p1",
      (d) => d.passengers.push({ id: "p1" }),
      ["passengers", 2, "id"],
      "event.duplicate_id",
    ],
    [
      "a bad carrier",
      (d) => (d.carrier.code = "Lufthansa"),
      ["carrier", "code"],
      "event.invalid_carrier",
    ],
    [
      "store credit",
      (d) => (d.payments[0].method = "credit"),
      ["payments", 0, "method"],
      "event.invalid_enum",
    ],
  ],
  "booking.rebooked": [
    ["accepted as a string", (d) => (d.accepted = "true"), ["accepted"], "event.invalid_type"],
    [
      "a lowercase flight",
      (d) => (d.toFlight = "lh1236@2026-11-20"),
      ["toFlight"],
      "event.invalid_flight_id",
    ],
  ],
  "flight.arrived": [
    ["a missing controllable", (d) => delete d.controllable, ["controllable"], "event.required"],
    [
      "an arrival without offset",
      (d) => (d.actualArrival = "2026-11-20T16:40:00"),
      ["actualArrival"],
      "event.invalid_time",
    ],
    [
      "landing before take-off",
      (d) => (d.actualArrival = "2026-11-20T13:00:00+01:00"),
      ["actualArrival"],
      "event.time_order",
    ],
  ],
  "flight.cancelled": [
    ["a missing notice", (d) => delete d.noticeGivenAt, ["noticeGivenAt"], "event.required"],
    [
      "a reroute arriving before it leaves",
      (d) => (d.reroute.arrival = "2026-11-21T13:00:00+01:00"),
      ["reroute", "arrival"],
      "event.time_order",
    ],
    ["a carrier as a string", (d) => (d.carrier = "LH"), ["carrier"], "event.invalid_type"],
  ],
  "stream.session": [
    [
      "a rebuffer ratio above 1",
      (d) => (d.rebufferRatio = 1.2),
      ["rebufferRatio"],
      "event.too_big",
    ],
    ["a negative bitrate", (d) => (d.bitrateKbps = -5), ["bitrateKbps"], "event.too_small"],
    ["quality 4K", (d) => (d.promisedQuality = "4K"), ["promisedQuality"], "event.invalid_enum"],
    [
      "fractional seconds watched",
      (d) => (d.watchedSeconds = 1.5),
      ["watchedSeconds"],
      "event.not_integer",
    ],
  ],
  "service.outage": [
    [
      "an end before the start",
      (d) => (d.end = "2026-11-09T18:00:00Z"),
      ["end"],
      "event.time_order",
    ],
    ["an empty region", (d) => (d.regions = ["SE", ""]), ["regions", 1], "event.empty"],
  ],
  "support.contact": [
    ["an unknown channel", (d) => (d.channel = "fax"), ["channel"], "event.invalid_enum"],
    ["a negative wait", (d) => (d.waitedSeconds = -1), ["waitedSeconds"], "event.too_small"],
  ],
  "feedback.received": [
    ["a rating of 6", (d) => (d.rating = 6), ["rating"], "event.too_big"],
    ["a rating of 0", (d) => (d.rating = 0), ["rating"], "event.too_small"],
    ["a missing text", (d) => delete d.text, ["text"], "event.required"],
  ],
  "consent.changed": [
    ["granted as 1", (d) => (d.granted = 1), ["granted"], "event.invalid_type"],
    [
      "an unknown channel",
      (d) => (d.channel = "carrier pigeon"),
      ["channel"],
      "event.invalid_enum",
    ],
  ],
  "data.collected": [["an empty purpose", (d) => (d.purpose = ""), ["purpose"], "event.empty"]],
  clock: [["any data at all", (d) => (d.tick = 1), ["tick"], "event.unknown_field"]],
};

describe("data schemas: one precise issue per mistake", () => {
  const rows = Object.entries(CASES).flatMap(([type, cases]) =>
    cases.map(([what, edit, path, code]) => ({ type: type as KnownType, what, edit, path, code })),
  );

  it.each(rows)("$type rejects $what", ({ type, edit, path, code }) => {
    const event = structuredClone(EXAMPLE_EVENTS[type]) as unknown as Json & { data: Data };
    edit(event.data);
    const result = validateEvent(event);
    expect(result.ok ? [] : result.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual([
      { path: ["data", ...path], code },
    ]);
  });

  it("carries parameters the messages need", () => {
    const event = structuredClone(EXAMPLE_EVENTS["stream.session"]) as unknown as Json & {
      data: Data;
    };
    event.data.promisedQuality = "4K";
    event.data.rebufferRatio = "0.1";
    const result = validateEvent(event);
    expect(result.ok ? [] : result.issues.map((i) => i.params)).toEqual([
      { expected: "number", received: "string" },
      { allowed: '"SD", "HD", "UHD"' },
    ]);
  });
});
