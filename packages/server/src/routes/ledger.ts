/**
 * `GET /v1/ledger/verify`: re-computes every hash chain of the remedy ledger, then compares
 * the remedies table with the remedies chain.
 */
import { storedLedgerSecret, verifyLedger } from "@goodfaith/store";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../schemas.js";
import { type ApiApp, BEARER, type RouteDeps } from "./deps.js";

const RemedyMismatch = z
  .object({
    reason: z.enum([
      "missing_from_ledger",
      "amount_differs",
      "status_differs",
      "missing_from_table",
    ]),
    key: z.string().optional().openapi({ description: "absent when the row is gone" }),
    remedyKey: z.string().openapi({ description: "the pseudonym the ledger names it by" }),
    expected: z.string().optional().openapi({ description: "what the ledger says" }),
    found: z.string().optional().openapi({ description: "what the table holds" }),
  })
  .openapi("RemedyMismatch");

const route = createRoute({
  method: "get",
  path: "/v1/ledger/verify",
  tags: ["ledger"],
  summary: "Verify the tamper-evident ledger",
  description:
    "Scopes: admin. 200 either way: `ok: true` with each chain's length and head, or `ok: false` naming the chain and the first entry that does not match (`chainsOk: false`), or, when the chains verify, the remedies whose row in the remedies table disagrees with the ledger (`remedies.ok: false`: amount or status changed, row added outside the ledger or deleted).",
  security: BEARER,
  responses: {
    200: {
      description: "the verdict",
      content: {
        "application/json": {
          schema: z
            .object({
              ok: z.boolean(),
              chainsOk: z.boolean().openapi({ description: "every chain verified" }),
              chains: z.array(z.record(z.string(), z.unknown())).optional(),
              remedies: z
                .object({
                  ok: z.boolean(),
                  checked: z.number().int(),
                  mismatched: z.number().int(),
                  mismatches: z.array(RemedyMismatch).openapi({ description: "the first few" }),
                })
                .optional()
                .openapi({ description: "the remedies table compared, when the chains verified" }),
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
    const { store } = deps.options;
    const verdict = await verifyLedger(store, {
      // Read, never made: verifying writes nothing. Without a secret no remedy could be on the
      // ledger, so every row would be reported, and rightly.
      remedies: { table: store, secret: (await storedLedgerSecret(store)) ?? "" },
    });
    const ok = verdict.ok && verdict.remedies?.ok !== false;
    return c.json({ ...verdict, ok, chainsOk: verdict.ok } as never, 200);
  });
}
