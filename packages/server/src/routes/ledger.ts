/**
 * `GET /v1/ledger/verify`: re-computes every hash chain of the remedy ledger, then compares
 * the remedies table with the remedies chain and the promise sets with the promises chain.
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

const PromiseSetMismatch = z
  .object({
    reason: z.enum([
      "unrecorded_version",
      "texts_differ",
      "digest_differs",
      "adopted_at_differs",
      "actor_differs",
      "deleted_version",
    ]),
    version: z.number().int(),
    expected: z
      .string()
      .optional()
      .openapi({ description: "what the ledger says: a digest, an ISO 8601 time, an actor" }),
    found: z.string().optional().openapi({ description: "what the store holds" }),
  })
  .openapi("PromiseSetMismatch");

// A table compared with its chain: `ok` when they agree on everything `checked`.
const comparison = <T extends z.ZodTypeAny>(mismatch: T, description: string) =>
  z
    .object({
      ok: z.boolean(),
      checked: z.number().int(),
      mismatched: z.number().int(),
      mismatches: z.array(mismatch).openapi({ description: "the first few" }),
    })
    .optional()
    .openapi({ description });

const route = createRoute({
  method: "get",
  path: "/v1/ledger/verify",
  tags: ["ledger"],
  summary: "Verify the tamper-evident ledger",
  description:
    "Scopes: admin. 200 either way: `ok: true` with each chain's length and head, or `ok: false` naming the chain and the first entry that does not match (`chainsOk: false`), or, when the chains verify, the remedies whose row in the remedies table disagrees with the ledger (`remedies.ok: false`: amount or status changed, row added outside the ledger or deleted) and the promise set versions that disagree with their `promises.adopted` entries (`promiseSets.ok: false`: a document's text, the digest, the time or the adopter changed, a version added outside the ledger or deleted).",
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
              remedies: comparison(
                RemedyMismatch,
                "the remedies table compared, when the chains verified",
              ),
              promiseSets: comparison(
                PromiseSetMismatch,
                "the promise set versions compared, when the chains verified",
              ),
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
      promiseSets: { table: store },
    });
    const ok = verdict.ok && verdict.remedies?.ok !== false && verdict.promiseSets?.ok !== false;
    return c.json({ ...verdict, ok, chainsOk: verdict.ok } as never, 200);
  });
}
