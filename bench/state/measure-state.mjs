// Measures the engine's memory per remembered item, to keep ARCHITECTURE.md's table honest.
// Run: npx tsc -b && node --expose-gc bench/state/measure-state.mjs
import { readFileSync } from "node:fs";
import { Engine, loadPromises } from "../../packages/core/dist/index.js";

const N = 100_000;
const pack = (name) => {
  const doc = loadPromises(
    readFileSync(new URL(`../../packs/${name}/promises.yaml`, import.meta.url), "utf8"),
    name,
  );
  if (!doc.ok) throw new Error(`${name} does not load`);
  return doc.value;
};
const heap = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const iso = (i) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

function perItem(label, packs, makeEvent) {
  const engine = new Engine(packs.map(pack));
  engine.process(makeEvent(0));
  const before = heap();
  for (let i = 1; i <= N; i++) engine.process(makeEvent(i));
  const bytes = (heap() - before) / N;
  console.log(`${label.padEnd(52)} ${bytes.toFixed(0).padStart(6)} bytes`);
  return engine;
}

if (!globalThis.gc) console.warn("run with --expose-gc for stable figures");
console.log(`node ${process.version}, ${N} items each; bytes per item (heap growth / N)`);

perItem("customer (profile, consents, ownership maps)", ["airline"], (i) => ({
  id: `u${i}`,
  type: "customer.updated",
  time: iso(i),
  customer: `new-${i}`,
  data: { language: "sv" },
}));

perItem("order: 1 physical item, 1 payment, no promises", ["airline"], (i) => ({
  id: `e${i}`,
  type: "order.placed",
  time: iso(i),
  customer: `c${i % 1000}`,
  data: {
    order: `o${i}`,
    currency: "EUR",
    items: [{ sku: `lamp-${i % 50}`, kind: "physical", price: "40.00" }],
    payments: [{ method: "card", amount: "40.00" }],
  },
}));

perItem("order + ownership + purchase + timer (retail pack)", ["retail"], (i) => ({
  id: `e${i}`,
  type: "order.placed",
  time: iso(i),
  customer: `c${i % 1000}`,
  data: {
    order: `o${i}`,
    currency: "EUR",
    items: [{ sku: `book-${i}`, kind: "book", workId: `w${i}`, price: "20.00" }],
    shipping: "4.99",
    payments: [{ method: "card", amount: "24.99" }],
    promisedDeliveryBy: iso(i + 3 * 86400),
  },
}));

perItem("booking: 2 passengers, card + points (airline pack)", ["airline"], (i) => ({
  id: `b${i}`,
  type: "booking.created",
  time: iso(i),
  customer: `c${i % 1000}`,
  data: {
    booking: `B${i}`,
    flight: `NW${i % 900}@2026-11-20`,
    carrier: { code: "NW", euLicensed: true },
    origin: "ARN",
    destination: "CDG",
    passengers: [
      { id: "p1", age: 40, seat: "12A" },
      { id: "p2", age: 38, seat: "12B" },
    ],
    fare: "300.00",
    currency: "EUR",
    payments: [
      { method: "card", amount: "200.00" },
      { method: "points", amount: "10000", currency: "PTS" },
    ],
  },
}));
