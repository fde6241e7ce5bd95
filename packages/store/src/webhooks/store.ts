/**
 * Webhooks on a backend: endpoints, and the outbox of deliveries. The claim works like the
 * remedy outbox's: on PostgreSQL `FOR UPDATE SKIP LOCKED`, so concurrent workers take
 * disjoint rows; on SQLite the single write transaction does the excluding.
 */
import type { NewWebhookEvent, WebhookStore } from "@goodfaith/core";
import type { Kysely } from "kysely";
import type { Backend } from "../backend.js";
import type { Database } from "../schema.js";
import {
  deliveryId,
  deliveryValue,
  endpointValue,
  eventBody,
  subscribed,
  withEventData,
} from "./rows.js";

const ENDPOINT_COLUMNS = ["id", "url", "events", "created_at_ms", "disabled_at_ms"] as const;
// Event ids per `in (…)`, well under SQLite's and PostgreSQL's limits on bound parameters.
const IDS_PER_QUERY = 500;

/**
 * Enqueues `events` inside the transaction `trx`: one delivery per active endpoint subscribed
 * to the event's type. Resolves to how many deliveries were added.
 */
export async function enqueueDeliveries(
  backend: Backend,
  trx: Kysely<Database>,
  events: readonly NewWebhookEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const endpoints = await trx
    .selectFrom("webhook_endpoints")
    .select(["id", "events"])
    .where("disabled_at_ms", "is", null)
    .orderBy("id")
    .execute();
  const rows = events.flatMap((event) => {
    const body = eventBody(event);
    return endpoints
      .filter((e) => subscribed(e.events).includes(event.type))
      .map((e) => ({
        id: deliveryId(event.id, e.id),
        endpoint_id: e.id,
        event_id: event.id,
        type: event.type,
        body,
        status: "pending",
        attempts: 0,
        next_attempt_at_ms: event.at,
        last_error: null,
        claimed_by: null,
        claimed_at_ms: null,
        created_at_ms: event.at,
        updated_at_ms: event.at,
      }));
  });
  if (rows.length === 0) return 0;
  const inserted = await backend.insertRows(trx, "webhook_deliveries", rows, "id");
  return inserted.filter(Boolean).length;
}

/** The webhook store over a backend. */
export function createWebhookStore(backend: Backend): WebhookStore {
  const { db } = backend;
  return {
    async createWebhookEndpoint(endpoint) {
      const inserted = await backend.write((trx) =>
        trx
          .insertInto("webhook_endpoints")
          .values({
            id: endpoint.id,
            url: endpoint.url,
            secret: endpoint.secret,
            events: [...new Set(endpoint.events)].join(" "),
            created_at_ms: endpoint.createdAt,
            disabled_at_ms: null,
          })
          .onConflict((oc) => oc.doNothing())
          .returning("id")
          .executeTakeFirst(),
      );
      return inserted !== undefined;
    },

    async listWebhookEndpoints() {
      const rows = await db
        .selectFrom("webhook_endpoints")
        .select(ENDPOINT_COLUMNS)
        .orderBy("created_at_ms")
        .orderBy("id")
        .execute();
      return rows.map(endpointValue);
    },

    async disableWebhookEndpoint(id, at) {
      const result = await backend.write((trx) =>
        trx
          .updateTable("webhook_endpoints")
          .set({ disabled_at_ms: at })
          .where("id", "=", id)
          .where("disabled_at_ms", "is", null)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async enableWebhookEndpoint(id) {
      const result = await backend.write((trx) =>
        trx
          .updateTable("webhook_endpoints")
          .set({ disabled_at_ms: null })
          .where("id", "=", id)
          .where("disabled_at_ms", "is not", null)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    enqueueWebhookEvents: (events) =>
      backend.write((trx) => enqueueDeliveries(backend, trx, events)),

    async claimWebhookDeliveries({ now, limit, worker, leaseMs }) {
      const max = Math.floor(limit);
      if (!(max > 0)) return [];
      return backend.write(async (trx) => {
        const due = await trx
          .selectFrom("webhook_deliveries")
          .select("id")
          .where((eb) =>
            eb.or([
              eb.and([eb("status", "=", "pending"), eb("next_attempt_at_ms", "<=", now)]),
              eb.and([eb("status", "=", "delivering"), eb("claimed_at_ms", "<=", now - leaseMs)]),
            ]),
          )
          .where("endpoint_id", "in", (eb) =>
            eb.selectFrom("webhook_endpoints").select("id").where("disabled_at_ms", "is", null),
          )
          .orderBy("next_attempt_at_ms")
          .orderBy("id")
          .limit(max)
          .$if(backend.rowLocks, (qb) => qb.forUpdate().skipLocked())
          .execute();
        if (due.length === 0) return [];
        const ids = due.map((r) => r.id);
        await trx
          .updateTable("webhook_deliveries")
          .set({ status: "delivering", claimed_by: worker, claimed_at_ms: now, updated_at_ms: now })
          .where("id", "in", ids)
          .execute();
        const rows = await trx
          .selectFrom("webhook_deliveries as d")
          .innerJoin("webhook_endpoints as e", "e.id", "d.endpoint_id")
          .selectAll("d")
          .select(["e.url", "e.secret"])
          .where("d.id", "in", ids)
          .orderBy("d.next_attempt_at_ms")
          .orderBy("d.id")
          .execute();
        return rows.map((r) => ({
          ...deliveryValue(r),
          url: r.url,
          secret: r.secret,
          claimedAt: now,
        }));
      });
    },

    async recordWebhookDelivery(id, report) {
      const status = report.ok
        ? "delivered"
        : report.nextAttemptAt === undefined
          ? "dead"
          : "pending";
      const result = await backend.write((trx) =>
        trx
          .updateTable("webhook_deliveries")
          .set((eb) => ({
            status,
            attempts: eb("attempts", "+", 1),
            next_attempt_at_ms: status === "pending" ? (report.nextAttemptAt ?? null) : null,
            last_error: report.ok ? null : (report.error ?? "failed"),
            claimed_by: null,
            claimed_at_ms: null,
            updated_at_ms: report.at,
          }))
          .where("id", "=", id)
          .where("status", "=", "delivering")
          .where("claimed_by", "=", report.worker)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async replayWebhookDeliveries(request, at) {
      const rows = await backend.write((trx) =>
        trx
          .updateTable("webhook_deliveries")
          // A replay starts the retries over: the receiver was fixed, give it the full schedule.
          .set({ status: "pending", attempts: 0, next_attempt_at_ms: at, updated_at_ms: at })
          // A disabled endpoint is never claimed: its deliveries would wait for ever.
          .where("endpoint_id", "in", (eb) =>
            eb.selectFrom("webhook_endpoints").select("id").where("disabled_at_ms", "is", null),
          )
          .$if("dead" in request, (qb) => qb.where("status", "=", "dead"))
          .$if("ids" in request, (qb) =>
            qb
              .where("status", "in", ["dead", "delivered"])
              .where("id", "in", "ids" in request && request.ids.length > 0 ? request.ids : [""]),
          )
          .returning("id")
          .execute(),
      );
      return rows.map((r) => r.id).sort();
    },

    async listWebhookDeliveries(filter = {}) {
      const limit = Math.min(1000, Math.max(1, Math.floor(filter.limit ?? 100)));
      const { status, endpoint } = filter;
      const rows = await db
        .selectFrom("webhook_deliveries")
        .selectAll()
        .$if(status !== undefined, (qb) => qb.where("status", "in", status?.length ? status : [""]))
        .$if(endpoint !== undefined, (qb) => qb.where("endpoint_id", "=", endpoint ?? ""))
        .orderBy("created_at_ms", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(deliveryValue);
    },

    async replaceWebhookEventData(events) {
      const dataOf = new Map(events.map((e) => [e.id, e.data]));
      if (dataOf.size === 0) return 0;
      const ids = [...dataOf.keys()];
      return backend.write(async (trx) => {
        const changed = new Set<string>();
        for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
          const rows = await trx
            .selectFrom("webhook_deliveries")
            .select(["id", "event_id", "body"])
            .where("event_id", "in", ids.slice(i, i + IDS_PER_QUERY))
            .orderBy("id")
            .execute();
          for (const row of rows) {
            const data = dataOf.get(row.event_id);
            if (data === undefined) continue;
            const body = withEventData(row.body, data);
            if (body === row.body) continue;
            await trx
              .updateTable("webhook_deliveries")
              .set({ body })
              .where("id", "=", row.id)
              .execute();
            changed.add(row.event_id);
          }
        }
        return changed.size;
      });
    },
  };
}
