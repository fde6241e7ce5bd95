/**
 * The contract's shared pieces as zod schemas (with OpenAPI names): problems, issues,
 * remedies. Route files add their own request and response schemas.
 */
import { REMEDY_STATUSES } from "@goodfaith/core";
import { z } from "@hono/zod-openapi";
import { PROBLEM_CODES } from "./messages.js";

export const ApiIssueSchema = z
  .object({
    code: z.string().openapi({ example: "event.invalid_type" }),
    path: z.string().openapi({ example: "data.items[0].price" }),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    message: z.string(),
  })
  .openapi("Issue");

export const EventRejectionSchema = z
  .object({
    index: z.number().int().openapi({ description: "0-based position in the request" }),
    line: z.number().int().optional().openapi({ description: "1-based line, for NDJSON" }),
    issues: z.array(ApiIssueSchema),
  })
  .openapi("EventRejection");

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "/docs#problem-forbidden" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.enum(PROBLEM_CODES),
    issues: z.array(ApiIssueSchema).optional(),
    rejected: z.array(EventRejectionSchema).optional(),
    issueCount: z.number().int().optional().openapi({
      description:
        "`invalid_request` of promise documents: every issue found (`issues` holds the first 100 of each document)",
    }),
    remedyStatus: z
      .enum(REMEDY_STATUSES)
      .optional()
      .openapi({ description: "`remedy_conflict`: the status the remedy is in now" }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details, in the Accept-Language" });

export const MoneySchema = z
  .object({ amount: z.string().openapi({ example: "4.99" }), currency: z.string() })
  .openapi("Money");

export const RemedySchema = z
  .object({
    key: z.string().openapi({ example: "late-delivery:order:o-1001" }),
    promise: z.string(),
    version: z.string(),
    customer: z.string(),
    kind: z.string(),
    amount: MoneySchema.optional(),
    status: z.string().openapi({ example: "awaiting_approval" }),
    at: z.string().openapi({ description: "incident time, RFC 3339" }),
    dueBy: z.string().optional(),
    seq: z.number().int(),
    attempts: z.number().int(),
    nextAttemptAt: z.string().optional(),
    lastError: z.string().optional(),
    reference: z
      .string()
      .optional()
      .openapi({ description: "the executor's id for what it did, once executed" }),
    updatedAt: z.string(),
    detail: z
      .record(z.string(), z.unknown())
      .openapi({ description: "the whole remedy: split, explanation, notice…" }),
  })
  .openapi("Remedy");

export const TransitionSchema = z
  .object({
    from: z.string().optional(),
    to: z.string(),
    actor: z.string(),
    at: z.string(),
    reason: z.string().optional(),
  })
  .openapi("Transition");

export const RemedyHistorySchema = z
  .object({ remedy: RemedySchema, transitions: z.array(TransitionSchema) })
  .openapi("RemedyHistory");

/** What each error status means, as the OpenAPI document says it. */
export const PROBLEM_STATUSES: Readonly<Record<number, string>> = {
  400: "invalid request",
  401: "no key, or an unknown or revoked key",
  403: "the key lacks the scope",
  404: "not found",
  409: "conflict",
  413: "body too large",
  415: "unsupported media type",
  422: "rejected",
  429: "rate limited (see Retry-After)",
  500: "an unexpected error (a bug, or the store failing in a way waiting will not mend; the server's log says why); may be retried, with the same Idempotency-Key: a 5xx answer is not kept for it",
  503: "unavailable for now: the store cannot be reached (`store_unavailable`; from `/readyz`, `not_ready`), or ingestion is rebuilding its state after a failed write (`recovering`); nothing is wrong with the request: ask again after Retry-After seconds, with the same Idempotency-Key (a 5xx answer is not kept for it)",
};

/** The `Retry-After` header, as the answers that always carry it document it. */
export const RETRY_AFTER = {
  description: "Seconds to wait before asking again",
  schema: { type: "integer" as const, minimum: 0 },
};

// A client generated from the document should learn when to come back, not guess it.
const RETRIED = new Set([429, 503]);

/** The headers of a problem answer with `status`, for the OpenAPI document. */
export function problemHeaders(status: number): {
  headers?: { "Retry-After": typeof RETRY_AFTER };
} {
  return RETRIED.has(status) ? { headers: { "Retry-After": RETRY_AFTER } } : {};
}

/** A problem answer with `status`, for a route contract. */
export function problemAnswer(status: number) {
  return {
    description: PROBLEM_STATUSES[status] ?? "error",
    content: { "application/problem+json": { schema: ProblemSchema } },
    ...problemHeaders(status),
  };
}

/** Error responses every authenticated route may give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  const out: Record<number, ReturnType<typeof problemAnswer>> = {};
  for (const status of [401, 403, 429, ...statuses]) out[status] = problemAnswer(status);
  return out;
}
