/**
 * @goodfaith/server — Goodfaith's HTTP API: events in, guard checks, remedies decided by
 * people, the promises and the ledger, with API keys and scopes, problem details in three
 * languages and an OpenAPI 3.1 document at `/openapi.json` (rendered at `/docs`).
 *
 * @example
 * ```ts
 * import { loadPromises } from "@goodfaith/core";
 * import { createApiKey, createApp, IngestService, startServer } from "@goodfaith/server";
 * import { openStore } from "@goodfaith/store";
 *
 * const store = await openStore(".goodfaith/goodfaith.db");
 * const doc = loadPromises(yamlText, "promises.yaml");
 * if (!doc.ok) throw new Error("invalid promises");
 * const ingest = await IngestService.open(store, [doc.value]);
 * const app = createApp({ store, ingest });
 * // Decide with the set the store keeps as current, whoever adopts it (`goodfaith promises adopt`).
 * const follower = followPromises(store, ingest, { intervalMs: 5000 });
 * const { key } = await createApiKey(store as never, "checkout", ["guard"]); // shown once
 * const server = await startServer(app, { port: 8080 });
 * // curl -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
 * //   -d '{"customer":"c-1","items":[…]}' localhost:8080/v1/guard/check
 * await follower.stop();
 * await server.close();
 * ```
 */

export { type CreatedApiKey, createApiKey, hashApiKey } from "./api-keys.js";
export { type App, createApp } from "./app.js";
export { allows } from "./auth.js";
export { type CustomerTimeline, customerTimeline, knowsNothing } from "./customer-timeline.js";
export { warningJson } from "./guard-warnings.js";
export { IngestService, type IngestServiceOptions } from "./ingest-service.js";
export { fromSegment, segmentCalls } from "./mapping/segment.js";
export { PROBLEM_CODES, type ProblemCode } from "./messages.js";
export { Metrics } from "./metrics.js";
export {
  type AppOptions,
  type ResolvedAppOptions,
  resolveAppOptions,
  type ServerStore,
} from "./options.js";
export { PROBLEM_TYPE } from "./problem.js";
export {
  type CompiledSet,
  compileSet,
  type FollowResult,
  followPromises,
  type PromiseFollower,
  type PromiseFollowerOptions,
} from "./promise-follower.js";
export type { RateLimit } from "./rate-limit.js";
export { decodeCursor, encodeCursor, historyJson, remedyJson } from "./remedy-json.js";
export {
  type AccessFields,
  type ErrorFields,
  errorFields,
  type RequestLogger,
  requestLog,
} from "./request-log.js";
export { type ListenOptions, type RunningServer, startServer } from "./start-server.js";
