/**
 * Segment-spec calls → Goodfaith events (the mapping is documented in MAPPING.md):
 * `identify` → `customer.updated`; `track` "Order Completed" → `order.placed`, "Order
 * Refunded" → `order.refunded`, "Order Cancelled" → `order.cancelled`; any other `track`
 * → `segment.<event_name>` (kept in the log, acted on by no built-in promise).
 */
import type { MapResult } from "../event-body.js";
import { decimal, mappingIssue, record } from "./issues.js";

const CALLS = "identify, track";

/** The calls of a Segment request body: a `batch` call, an array, or one call. */
export function segmentCalls(body: unknown): readonly unknown[] {
  const batch = record(body)?.batch;
  if (Array.isArray(batch)) return batch;
  return Array.isArray(body) ? body : [body];
}

function snake(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function orderPlaced(p: Record<string, unknown>): Record<string, unknown> {
  const products = Array.isArray(p.products) ? p.products : [];
  const total = decimal(p.total ?? p.revenue);
  return {
    order: p.order_id,
    currency: p.currency,
    items: products.map((raw) => {
      const item = record(raw) ?? {};
      return {
        sku: item.sku ?? item.product_id,
        // Physical unless told: it never warns "already owned", so a guess cannot mislead.
        kind: item.kind ?? "physical",
        ...(item.work_id !== undefined && { workId: item.work_id }),
        ...(item.name !== undefined && { title: item.name }),
        price: decimal(item.price),
        ...(item.quantity !== undefined && { quantity: item.quantity }),
      };
    }),
    ...(p.shipping !== undefined && { shipping: decimal(p.shipping) }),
    ...(total !== undefined && { total }),
    payments: [{ method: p.payment_method ?? "card", amount: total }],
    ...(p.gift !== undefined && { gift: p.gift }),
  };
}

function trackData(name: string, p: Record<string, unknown>): [string, Record<string, unknown>] {
  switch (name) {
    case "Order Completed":
      return ["order.placed", orderPlaced(p)];
    case "Order Refunded": {
      const products = Array.isArray(p.products) ? p.products : undefined;
      return [
        "order.refunded",
        {
          order: p.order_id,
          amount: decimal(p.total ?? p.amount ?? p.revenue),
          currency: p.currency,
          ...(products && { items: products.map((x) => record(x)?.sku ?? record(x)?.product_id) }),
          ...(p.reason !== undefined && { reason: p.reason }),
        },
      ];
    }
    case "Order Cancelled":
      return [
        "order.cancelled",
        { order: p.order_id, ...(p.reason !== undefined && { reason: p.reason }) },
      ];
    default:
      return [`segment.${snake(name) || "event"}`, p];
  }
}

function identifyData(traits: Record<string, unknown>): Record<string, unknown> {
  const first = traits.firstName ?? traits.first_name;
  const last = traits.lastName ?? traits.last_name;
  const name =
    traits.name ?? ([first, last].filter((x) => typeof x === "string").join(" ") || undefined);
  const country = traits.country ?? record(traits.address)?.country;
  const out: Record<string, unknown> = {
    name,
    email: traits.email,
    phone: traits.phone,
    language: traits.language,
    country,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** One Segment call as a raw Goodfaith event (validated afterwards by the event contract). */
export function fromSegment(call: unknown): MapResult {
  const c = record(call);
  // Not an object: the event contract's validation says what it is instead, in every language.
  if (c === undefined) return { ok: true, value: call };
  const envelope = {
    id: c.messageId,
    time: c.timestamp ?? c.originalTimestamp ?? c.sentAt,
    ...((c.userId ?? c.anonymousId) !== undefined && { customer: c.userId ?? c.anonymousId }),
  };
  if (c.type === "identify") {
    return {
      ok: true,
      value: { ...envelope, type: "customer.updated", data: identifyData(record(c.traits) ?? {}) },
    };
  }
  if (c.type === "track") {
    if (typeof c.event !== "string")
      return { ok: false, issues: [mappingIssue("event.required", ["event"])] };
    const [type, data] = trackData(c.event, record(c.properties) ?? {});
    return { ok: true, value: { ...envelope, type, data } };
  }
  return { ok: false, issues: [mappingIssue("event.invalid_enum", ["type"], { allowed: CALLS })] };
}
