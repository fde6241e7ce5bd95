/** Why a webhook endpoint or executor was refused; codes are stable, surfaces word them. */
export type WebhookErrorCode = "webhook.bad_url" | "webhook.no_events" | "webhook.empty_secret";

/**
 * A webhook setting that cannot work, with a `code` and the `params` a surface's catalog fills
 * (`url` for `webhook.bad_url`); the message is English, for logs. A `RangeError`, as before.
 */
export class WebhookError extends RangeError {
  override readonly name = "WebhookError";

  constructor(
    readonly code: WebhookErrorCode,
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(params.url === undefined ? code : `${code}: ${params.url}`);
  }
}
