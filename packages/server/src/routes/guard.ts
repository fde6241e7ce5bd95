/** `POST /v1/guard/check`: what the guard tells a customer about to buy, from their history. */
import { type GuardItem, LANGS, type Warning } from "@goodfaith/core";
import { createRoute, z } from "@hono/zod-openapi";
import { warnedEvents, warningJson } from "../guard-warnings.js";
import { validJsonBody } from "../json-body.js";
import { MoneySchema, problemAnswer, problemResponses } from "../schemas.js";
import { recovering } from "../unavailable.js";
import { type ApiApp, BEARER, IDEMPOTENCY_HEADER, type RouteDeps } from "./deps.js";

// Strict, as events are: a misspelt optional field (`workid`) would silently turn a warning off.
const GuardItemSchema = z
  .strictObject({
    sku: z.string().min(1),
    kind: z.string().min(1).openapi({ example: "digital" }),
    workId: z.string().min(1).optional(),
    title: z.string().optional(),
    price: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .optional()
      .openapi({ description: "unit price now, a decimal string", example: "12.99" }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    gift: z.boolean().optional(),
  })
  .openapi("GuardItem");

const GuardRequestSchema = z
  .strictObject({
    customer: z.string().min(1),
    items: z.array(GuardItemSchema).min(1).max(1000),
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "RFC 3339; default: the stream's time" }),
  })
  .openapi("GuardRequest");

const LocalizedSchema = z.object(Object.fromEntries(LANGS.map((l) => [l, z.string()])));

const WarningSchema = z
  .object({
    code: z.enum([
      "already_owned",
      "already_owned_edition",
      "subscription_active",
      "price_protection",
    ]),
    promise: z.string(),
    sku: z.string(),
    earlier: z.object({ order: z.string(), sku: z.string(), date: z.string() }),
    refund: MoneySchema.optional(),
    text: LocalizedSchema,
    message: z.string().openapi({ description: "text in the Accept-Language" }),
  })
  .openapi("Warning");

const route = createRoute({
  method: "post",
  path: "/v1/guard/check",
  tags: ["guard"],
  summary: "Check a purchase before it happens",
  description:
    "Scopes: guard, admin. Already owned (same sku or another edition), subscription already active, price guarantee.",
  security: BEARER,
  // The header is documented, not zod-validated: the idempotency middleware checks it, and a
  // header validator would copy every header of every check into an object.
  parameters: [IDEMPOTENCY_HEADER],
  request: {
    body: { required: true, content: { "application/json": { schema: GuardRequestSchema } } },
  },
  responses: {
    200: {
      description: "the warnings; empty when there is nothing to regret",
      content: {
        "application/json": {
          schema: z.object({ customer: z.string(), warnings: z.array(WarningSchema) }),
        },
      },
    },
    ...problemResponses(400, 413),
    // Not a silent "no warnings": the checkout decides whether to go on without the guard.
    503: problemAnswer(503),
  },
});

// Each warning goes on the event log (as `guard.warned`) so the scorecard can tell whether it
// was heeded; batched (`ingestLater`), as the answer at checkout must not wait for a durable
// write, and a warning lost to a crash costs a measurement, never a customer's money.
function recordWarnings(
  deps: RouteDeps,
  customer: string,
  items: readonly GuardItem[],
  when: string | undefined,
  warnings: readonly Warning[],
): void {
  if (warnings.length === 0) return;
  // The time the guard judged at: the request's, or the stream's (as `Guard.check` does), so
  // recording the warning never moves the engine's clock past what it has seen.
  const at = new Date(
    when !== undefined ? Date.parse(when) : (deps.options.ingest.streamTime ?? deps.options.now()),
  ).toISOString();
  deps.options.ingest.ingestLater(warnedEvents(customer, items, at, warnings));
}

/** Adds `POST /v1/guard/check`. */
export function registerGuardRoutes(app: ApiApp, deps: RouteDeps): void {
  const { ingest } = deps.options;
  const warned = deps.metrics.series("goodfaith_guard_checks_total", { warned: "true" });
  const clean = deps.metrics.series("goodfaith_guard_checks_total", { warned: "false" });
  // The busiest route: documented like the others, but validated in the handler
  // (json-body.ts) rather than by the middleware `app.openapi()` would add.
  app.openAPIRegistry.registerPath(route);
  app.post(route.path, deps.secured(["guard"]), deps.idempotent, async (c) => {
    const request = await validJsonBody(c, GuardRequestSchema);
    const lang = c.get("lang");
    const items = request.items as GuardItem[];
    const warnings = ingest.check(
      request.at === undefined
        ? { customer: request.customer, items }
        : { customer: request.customer, items, at: request.at },
    );
    if (warnings === undefined) throw recovering(ingest, deps.options.onError);
    (warnings.length > 0 ? warned : clean).inc();
    recordWarnings(deps, request.customer, items, request.at, warnings);
    const body = [];
    for (const w of warnings) body.push(warningJson(w, lang));
    return c.json({ customer: request.customer, warnings: body });
  });
}
