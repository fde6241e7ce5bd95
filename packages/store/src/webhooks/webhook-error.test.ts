import type { WebhookStore } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { registerWebhookEndpoint } from "./endpoints.js";
import { WebhookExecutor } from "./executor.js";
import { WebhookError } from "./webhook-error.js";

// Refused before the store is touched.
const untouched = {} as WebhookStore;

const refusal = async (act: () => unknown) => {
  try {
    await act();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookError);
    expect(error).toBeInstanceOf(RangeError);
    const { code, params } = error as WebhookError;
    return { code, params };
  }
  throw new Error("expected a WebhookError");
};

describe("WebhookError", () => {
  it("says why an endpoint is refused as a code and parameters, not English text", async () => {
    expect(
      await refusal(() => registerWebhookEndpoint(untouched, "ftp://x", ["remedy.approved"])),
    ).toEqual({ code: "webhook.bad_url", params: { url: "ftp://x" } });
    expect(
      await refusal(() => registerWebhookEndpoint(untouched, "https://x.example", [])),
    ).toEqual({ code: "webhook.no_events", params: {} });
  });

  it("says why the executor is refused the same way, by the same rule for urls", async () => {
    expect(await refusal(() => new WebhookExecutor({ url: "http://", secret: "s" }))).toEqual({
      code: "webhook.bad_url",
      params: { url: "http://" },
    });
    expect(
      await refusal(() => new WebhookExecutor({ url: "https://x.example", secret: "" })),
    ).toEqual({ code: "webhook.empty_secret", params: {} });
  });
});
