/**
 * The webhook executor's callbacks: the company's payment system confirms or fails a remedy
 * it was handed. Scope `executor` (a key that can do nothing else) or admin. The outcome is
 * recorded as the attempt of the claim that sent it, with its ledger entry and webhook event;
 * a confirmation that comes after the outbox gave up (dead letter) is recorded too, and so is a
 * failure that comes after another worker took the remedy over but before it sent again (see
 * `settleRemedy`).
 */

import { type Lang, REMEDY_ACTION_WORDS, REMEDY_STATUS_WORDS } from "@goodfaith/core";
import { type Settlement, settleRemedy } from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { ProblemError } from "../problem.js";
import { historyJson } from "../remedy-json.js";
import { problemResponses, RemedyHistorySchema } from "../schemas.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .openapi({ param: { name: "key", in: "path" }, example: "late-delivery:order:o-1001" }),
});

const BODIES = {
  // Strict: a misspelt `reference` must not confirm a remedy without its reference.
  confirm: z.strictObject({
    reference: z.string().max(255).optional().openapi({ description: "your id for the refund" }),
  }),
  fail: z.strictObject({
    error: z.string().min(1).max(1000).openapi({ example: "card account closed" }),
    retryable: z
      .boolean()
      .default(false)
      .openapi({ description: "true: try again later (same idempotency key); false: dead letter" }),
  }),
} as const;

function callbackRoute<A extends keyof typeof BODIES>(action: A) {
  return createRoute({
    method: "post",
    path: `/v1/remedies/{key}/${action}`,
    tags: ["remedies"],
    summary:
      action === "confirm"
        ? "Confirm a remedy you executed (webhook executor callback)"
        : "Report a remedy you could not execute (webhook executor callback)",
    description:
      action === "confirm"
        ? "Scopes: executor, admin. For a remedy that was POSTed to your payment endpoint (you answered 2xx without an outcome, or we gave up waiting). A confirmation is the truth even when it comes late: a remedy we dead-lettered after its attempts ran out, recorded as failed, retried by hand, or are about to send again is recorded as executed (the transition names your key and says it came late) and answers 200 like any confirmation, so no retry pays twice. Confirming an executed remedy again (with the same reference, or none) answers 200. 409: the remedy was never sent, was rejected, cancelled or dead-lettered by a person, or is executed with another reference."
        : "Scopes: executor, admin. For a remedy that is executing: it was POSTed to your payment endpoint and you answered 2xx without an outcome. That includes a remedy we are about to send again because your answer did not come within the lease but have not sent yet: your failure is recorded as that of the send you answer (retryable: tried again after the backoff, same Idempotency-Key; not retryable: dead letter; the transition names your key and says it came after the lease) and it is not sent again. Anything else is 409 and changes nothing — if a call timed out on our side, the remedy is sent again with the same Idempotency-Key, answer that one.",
    security: BEARER,
    parameters: [IDEMPOTENCY_HEADER],
    request: {
      params: KeyParam,
      body: {
        required: action === "fail",
        content: { "application/json": { schema: BODIES[action] } },
      },
    },
    responses: {
      200: {
        description: "recorded",
        content: { "application/json": { schema: RemedyHistorySchema } },
      },
      ...problemResponses(400, 404, 409),
    },
  });
}

/** Adds `POST /v1/remedies/{key}/confirm` and `/fail`. */
export function registerRemedyCallbackRoutes(app: ApiApp, deps: RouteDeps): void {
  const { store } = deps.options;
  const executor = deps.secured(["executor"]);
  const settle = async (key: string, settlement: Settlement, actor: string, lang: Lang) => {
    const result = await settleRemedy(store, key, settlement, actor, deps.options.now());
    if (!result.ok) {
      if (result.code === "unknown_remedy")
        throw new ProblemError("remedy_not_found", 404, { key });
      const action = REMEDY_ACTION_WORDS[lang][settlement.ok ? "confirm" : "fail"];
      throw new ProblemError(
        "remedy_conflict",
        409,
        { status: REMEDY_STATUS_WORDS[lang][result.status], action },
        { remedyStatus: result.status },
      );
    }
    const history = await store.getRemedy(key);
    return history === undefined ? {} : historyJson(history);
  };

  app.openapi(
    { ...callbackRoute("confirm"), middleware: [executor, deps.idempotent] },
    async (c) => {
      const { key } = c.req.valid("param");
      const { reference } = c.req.valid("json");
      const settlement: Settlement = { ok: true, ...(reference !== undefined && { reference }) };
      const body = await settle(key, settlement, `api-key:${c.get("apiKey").id}`, c.get("lang"));
      return c.json(body as never, 200);
    },
  );

  app.openapi({ ...callbackRoute("fail"), middleware: [executor, deps.idempotent] }, async (c) => {
    const { key } = c.req.valid("param");
    const { error, retryable } = c.req.valid("json");
    const settlement: Settlement = { ok: false, error, retryable };
    const body = await settle(key, settlement, `api-key:${c.get("apiKey").id}`, c.get("lang"));
    return c.json(body as never, 200);
  });
}
