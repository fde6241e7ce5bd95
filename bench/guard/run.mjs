// @ts-check
/**
 * The guard in-process: how long `Guard.check` takes against a store of customer histories,
 * next to a baseline measured in the same run — a bare Map lookup of (customer, sku) — so the
 * ratio means something on a noisy machine. Not part of the test suite.
 *
 *   npx tsc -b && node bench/guard/run.mjs [--customers 100000] [--checks 200000]
 */
import { readFileSync } from "node:fs";
import { Engine, Guard, loadPromises } from "../../packages/core/dist/index.js";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CUSTOMERS = arg("--customers", 100_000);
const CHECKS = arg("--checks", 200_000);

const doc = loadPromises(
  readFileSync(new URL("../../packs/retail/promises.yaml", import.meta.url), "utf8"),
  "retail",
);
if (!doc.ok) throw new Error("the retail pack does not load");
const engine = new Engine([doc.value]);
const bare = new Map();

// Each customer bought three books and a lamp over the last month.
let seq = 0;
for (let c = 0; c < CUSTOMERS; c++) {
  for (let k = 0; k < 4; k++) {
    const sku = k < 3 ? `isbn-${(c * 7 + k * 13) % 50_000}` : "lamp";
    const at = new Date(Date.UTC(2026, 9, 1) + (c % 30) * 86_400_000 + k * 3_600_000).toISOString();
    engine.process({
      id: `o${seq}`,
      type: "order.placed",
      time: at,
      customer: `c${c}`,
      data: {
        order: `O${seq++}`,
        currency: "EUR",
        items: [
          {
            sku,
            kind: k < 3 ? "book" : "physical",
            workId: `w-${sku}`,
            title: `Title ${sku}`,
            price: "19.90",
          },
        ],
        payments: [{ method: "card", amount: "19.90" }],
      },
    });
    bare.set(`c${c}|${sku}`, seq);
  }
}

// Requests: half for something the customer owns, half for something they do not.
const requests = [];
for (let i = 0; i < CHECKS; i++) {
  const c = (i * 7919) % CUSTOMERS;
  const owned = i % 2 === 0;
  const sku = owned ? `isbn-${(c * 7 + 13) % 50_000}` : `isbn-new-${i % 1000}`;
  requests.push({
    customer: `c${c}`,
    items: [{ sku, kind: "book", price: "17.90", currency: "EUR" }],
  });
}

const guard = new Guard(engine);
function time(fn) {
  const samples = new Float64Array(requests.length);
  let hits = 0;
  for (let i = 0; i < requests.length; i++) {
    const t = process.hrtime.bigint();
    hits += fn(requests[i]);
    samples[i] = Number(process.hrtime.bigint() - t);
  }
  samples.sort();
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] / 1000;
  const total = samples.reduce((a, b) => a + b, 0) / 1e9;
  return { hits, p50: q(0.5), p99: q(0.99), perSecond: requests.length / total };
}
const bareCheck = (r) => (bare.has(`${r.customer}|${r.items[0].sku}`) ? 1 : 0);
const guardCheck = (r) => guard.check(r).length;

for (let round = 0; round < 2; round++) {
  time(bareCheck);
  time(guardCheck); // warm-up round
}
const b = time(bareCheck);
const g = time(guardCheck);
console.log(
  `guard in-process — node ${process.version}, ${CUSTOMERS.toLocaleString("en-US")} customers, ${CHECKS.toLocaleString("en-US")} checks`,
);
console.log(
  `  bare Map lookup   p50 ${b.p50.toFixed(2)} µs  p99 ${b.p99.toFixed(2)} µs  ${Math.round(b.perSecond).toLocaleString("en-US")} checks/s`,
);
console.log(
  `  Guard.check       p50 ${g.p50.toFixed(2)} µs  p99 ${g.p99.toFixed(2)} µs  ${Math.round(g.perSecond).toLocaleString("en-US")} checks/s`,
);
console.log(
  `  Guard.check / bare lookup throughput: ${((100 * g.perSecond) / b.perSecond).toFixed(1)} %; warnings ${g.hits.toLocaleString("en-US")} (bare hits ${b.hits.toLocaleString("en-US")})`,
);
