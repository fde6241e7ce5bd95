/**
 * Webhooks out: endpoints, signed deliveries retried with backoff and dead-lettered, the
 * events of remedy moves, and the webhook executor (a payment system confirming by callback).
 */
export { type DeliveryOptions, type DeliverySummary, runWebhookDeliveries } from "./deliver.js";
export {
  isWebhookUrl,
  type RegisteredEndpoint,
  registerWebhookEndpoint,
} from "./endpoints.js";
export {
  enqueueWebhookEvent,
  newEventId,
  noticeEventId,
  remedyEventData,
  remedyEvents,
  withRemedyEvents,
} from "./events.js";
export { executionRequest, WebhookExecutor, type WebhookExecutorOptions } from "./executor.js";
export { webhookDeliveryJson, webhookEndpointJson } from "./json.js";
export type { Fetch } from "./post.js";
export {
  DEFAULT_REPLAY_WINDOW_S,
  SIGNATURE_HEADER,
  type SignatureRefusal,
  signWebhook,
  type VerifyOptions,
  verifyWebhookSignature,
} from "./signature.js";
export { WebhookError, type WebhookErrorCode } from "./webhook-error.js";
