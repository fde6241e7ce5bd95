/** `GET /v1/ledger/verify`: re-computes every hash chain of the remedy ledger. */
import { verifyLedger } from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../schemas.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const route = createRoute({
  method: "get",
  path: "/v1/ledger/verify",
  tags: ["ledger"],
  summary: "Verify the tamper-evident ledger",
  description:
    "Scopes: admin. 200 either way: `ok: true` with each chain's length and head, or `ok: false` naming the chain and the first entry that does not match.",
  security: BEARER,
  responses: {
    200: {
      description: "the verdict",
      content: {
        "application/json": {
          schema: z
            .object({
              ok: z.boolean(),
              chains: z.array(z.record(z.string(), z.unknown())).optional(),
            })
            .passthrough()
            .openapi("LedgerVerdict"),
        },
      },
    },
    ...problemResponses(),
  },
});

/** Adds the ledger route. */
export function registerLedgerRoutes(app: ApiApp, deps: RouteDeps): void {
  app.openapi({ ...route, middleware: [deps.secured(["admin"])] }, async (c) => {
    const verdict = await verifyLedger(deps.options.store);
    return c.json(verdict as never, 200);
  });
}
