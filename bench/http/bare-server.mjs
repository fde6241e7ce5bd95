// @ts-check
/**
 * The baseline of the HTTP benchmark: a bare Hono endpoint on @hono/node-server that does
 * what a guard check must at least do — parse the JSON body and look the (customer, sku)
 * pairs up in a Map — and a bare NDJSON endpoint that parses every line. Prints
 * `{"listening": url}` once listening.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { historyEvents } from "./history.mjs";

const customers = Number(process.argv[2] ?? 10_000);
const owned = new Map();
for (const e of historyEvents(customers)) {
  for (const item of e.data.items) owned.set(`${e.customer}|${item.sku}`, e.data.order);
}

const app = new Hono();
app.post("/check", async (c) => {
  const body = await c.req.json();
  const warnings = [];
  for (const item of body.items) {
    const order = owned.get(`${body.customer}|${item.sku}`);
    if (order !== undefined) warnings.push({ sku: item.sku, order });
  }
  return c.json({ customer: body.customer, warnings });
});
app.post("/events", async (c) => {
  const text = await c.req.text();
  let accepted = 0;
  for (const line of text.split("\n")) if (line !== "" && JSON.parse(line).id) accepted++;
  return c.json({ accepted });
});

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
