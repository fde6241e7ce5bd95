// @ts-check
/**
 * The same customer history for both servers of the HTTP benchmark: each customer bought
 * three books and a lamp last month (as bench/guard does in-process), and the guard requests
 * ask, half the time, about a book the customer already owns.
 */

/** The orders of `customers` customers, as event-contract events in time order. */
export function historyEvents(customers) {
  const events = [];
  let seq = 0;
  for (let c = 0; c < customers; c++) {
    for (let k = 0; k < 4; k++) {
      const sku = k < 3 ? `isbn-${(c * 7 + k * 13) % 50_000}` : "lamp";
      const time = new Date(
        Date.UTC(2026, 9, 1) + (c % 30) * 86_400_000 + k * 3_600_000,
      ).toISOString();
      events.push({
        id: `o${seq}`,
        type: "order.placed",
        time,
        customer: `c${c}`,
        data: {
          order: `O${seq++}`,
          currency: "EUR",
          items: [{ sku, kind: k < 3 ? "book" : "physical", workId: `w-${sku}`, price: "19.90" }],
          payments: [{ method: "card", amount: "19.90" }],
        },
      });
    }
  }
  return events.sort((a, b) => a.time.localeCompare(b.time));
}

/** The guard request bodies the load generator cycles through. */
export function guardBodies(customers, n = 10_000) {
  const bodies = [];
  for (let i = 0; i < n; i++) {
    const c = (i * 7919) % customers;
    const sku = i % 2 === 0 ? `isbn-${(c * 7 + 13) % 50_000}` : `isbn-new-${i % 1000}`;
    bodies.push(
      JSON.stringify({
        customer: `c${c}`,
        items: [{ sku, kind: "book", price: "17.90", currency: "EUR" }],
      }),
    );
  }
  return bodies;
}

/** New events for the ingest-over-HTTP run, in batches of NDJSON text. */
export function ingestBatches(total, size, start = 1_000_000) {
  const batches = [];
  for (let at = 0; at < total; at += size) {
    const lines = [];
    for (let i = at; i < Math.min(total, at + size); i++) {
      const n = start + i;
      lines.push(
        JSON.stringify({
          id: `h${n}`,
          type: "order.placed",
          time: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
          customer: `c${n % 5000}`,
          data: {
            order: `H${n}`,
            currency: "EUR",
            items: [{ sku: `isbn-${n % 50_000}`, kind: "book", price: "12.50" }],
            payments: [{ method: "card", amount: "12.50" }],
          },
        }),
      );
    }
    batches.push(`${lines.join("\n")}\n`);
  }
  return batches;
}
