/**
 * `goodfaith webhooks add|list|disable|enable|deliveries|replay`: endpoints that receive
 * Goodfaith's events, signed (`Goodfaith-Signature`), their deliveries, and the dead letter of
 * deliveries that never got a 2xx. `--json` answers as the HTTP API does.
 */
import {
  hasWebhooks,
  type Store,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookStore,
} from "@goodfaith/core";
import {
  type RegisteredEndpoint,
  registerWebhookEndpoint,
  WebhookError,
  type WebhookErrorCode,
  webhookDeliveryJson,
  webhookEndpointJson,
} from "@goodfaith/store";
import { type Command, Option } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { type MessageKey, t } from "../messages.js";
import { dbHelp, withCliStore } from "./store-options.js";

/** Options every `webhooks` command takes. */
export interface WebhooksOptions {
  readonly db?: string;
  readonly json?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

// The store's codes in this CLI's words; `satisfies` makes a code added there a compile error here.
const WEBHOOK_ERRORS = {
  "webhook.bad_url": "webhookBadUrl",
  "webhook.no_events": "webhookNoEvents",
  "webhook.empty_secret": "webhookEmptySecret",
} as const satisfies Record<WebhookErrorCode, MessageKey>;

/** Says a `WebhookError` on stderr in the reader's language; anything else is a bug, thrown on. */
export function sayWebhookError(ctx: CliContext, error: unknown): void {
  if (!(error instanceof WebhookError)) throw error;
  ctx.err(t(ctx.lang, WEBHOOK_ERRORS[error.code], error.params));
}

/** Opens the store and hands its webhook port to `work`; the store is closed afterwards. */
export function withWebhooks(
  db: string | undefined,
  ctx: CliContext,
  mustExist: boolean,
  work: (store: Store & WebhookStore) => Promise<number>,
): Promise<number> {
  return withCliStore(db, ctx, mustExist, async (store) => {
    if (hasWebhooks(store)) return work(store);
    ctx.err(t(ctx.lang, "storeNoWebhooks"));
    return EXIT.failure;
  });
}

/** `goodfaith webhooks add <url> --events …`: prints the signing secret once. */
export function webhooksAddCommand(
  url: string,
  opts: WebhooksOptions & { readonly events: readonly WebhookEventType[] },
  ctx: CliContext,
): Promise<number> {
  return withWebhooks(opts.db, ctx, false, async (store) => {
    let added: RegisteredEndpoint;
    try {
      added = await registerWebhookEndpoint(store, url, opts.events);
    } catch (error) {
      sayWebhookError(ctx, error);
      return EXIT.failure;
    }
    const { endpoint, secret } = added;
    if (opts.json) {
      ctx.out(JSON.stringify({ ...endpoint, createdAt: iso(endpoint.createdAt), secret }));
      return EXIT.ok;
    }
    ctx.out(
      t(ctx.lang, "webhookAdded", { id: endpoint.id, url, events: endpoint.events.join(", ") }),
    );
    ctx.out(t(ctx.lang, "webhookSecretOnce"));
    ctx.out(`  ${secret}`);
    return EXIT.ok;
  });
}

/** `goodfaith webhooks list`: every endpoint, never a secret. */
export function webhooksListCommand(opts: WebhooksOptions, ctx: CliContext): Promise<number> {
  return withWebhooks(opts.db, ctx, true, async (store) => {
    const list = await store.listWebhookEndpoints();
    for (const e of list) {
      if (opts.json) {
        ctx.out(JSON.stringify(webhookEndpointJson(e)));
        continue;
      }
      const state =
        e.disabledAt === undefined
          ? t(ctx.lang, "keyActive")
          : t(ctx.lang, "webhookDisabledAt", { at: iso(e.disabledAt) });
      ctx.out(`${e.id}  ${e.url}  [${e.events.join(", ")}]  ${state}`);
    }
    if (list.length === 0 && !opts.json) ctx.out(t(ctx.lang, "webhooksNone"));
    return EXIT.ok;
  });
}

/** `goodfaith webhooks disable|enable <id>`: 0 when the endpoint exists (whatever it was), else 2. */
export function webhooksSwitchCommand(
  id: string,
  on: boolean,
  opts: WebhooksOptions,
  ctx: CliContext,
): Promise<number> {
  return withWebhooks(opts.db, ctx, true, async (store) => {
    // Like DELETE /v1/webhooks/{id} and POST …/enable: doing it twice answers the same.
    if (on) await store.enableWebhookEndpoint(id);
    else await store.disableWebhookEndpoint(id, Date.now());
    const found = (await store.listWebhookEndpoints()).find((e) => e.id === id);
    if (found === undefined) {
      ctx.err(t(ctx.lang, "webhookUnknown", { id }));
      return EXIT.invalid;
    }
    if (opts.json) ctx.out(JSON.stringify(webhookEndpointJson(found)));
    else ctx.out(t(ctx.lang, on ? "webhookEnabled" : "webhookDisabled", { id, url: found.url }));
    return EXIT.ok;
  });
}

/** Options of `goodfaith webhooks deliveries`. */
export interface WebhooksDeliveriesOptions extends WebhooksOptions {
  readonly endpoint?: string;
  /** Checked here: an unknown one is refused in the reader's language. */
  readonly status?: readonly string[];
  readonly limit?: number;
}

/** `goodfaith webhooks deliveries`: the newest deliveries, as GET /v1/webhooks/deliveries. */
export function webhooksDeliveriesCommand(
  opts: WebhooksDeliveriesOptions,
  ctx: CliContext,
): Promise<number> {
  const unknown = (opts.status ?? []).filter(
    (v) => !(WEBHOOK_DELIVERY_STATUSES as readonly string[]).includes(v),
  );
  if (unknown.length > 0) {
    // A wrong option value is a wrong command line (exit 1), as --limit's is.
    ctx.err(t(ctx.lang, "webhookBadStatus", { status: unknown.join(", ") }));
    return Promise.resolve(EXIT.failure);
  }
  const limit = opts.limit ?? 100;
  if (!(Number.isSafeInteger(limit) && limit >= 1 && limit <= 1000)) {
    ctx.err(t(ctx.lang, "badWholeRange", { option: "--limit", min: 1, max: 1000 }));
    return Promise.resolve(EXIT.failure);
  }
  return withWebhooks(opts.db, ctx, true, async (store) => {
    const list = await store.listWebhookDeliveries({
      limit,
      ...(opts.endpoint !== undefined && { endpoint: opts.endpoint }),
      ...(opts.status !== undefined && { status: opts.status as WebhookDeliveryStatus[] }),
    });
    const deliveries = list.map(webhookDeliveryJson);
    if (opts.json) {
      ctx.out(JSON.stringify({ deliveries }));
      return EXIT.ok;
    }
    for (const d of deliveries) {
      const tail =
        d.lastError !== undefined
          ? `  ${t(ctx.lang, "webhookLastError", { error: d.lastError })}`
          : d.nextAttemptAt !== undefined && d.status === "pending"
            ? `  ${t(ctx.lang, "webhookNextAt", { at: d.nextAttemptAt })}`
            : "";
      const attempts = t(ctx.lang, "webhookAttempts", { count: d.attempts });
      ctx.out(`${d.id}  ${d.endpoint}  ${d.type}  ${d.status}  ${attempts}  ${d.createdAt}${tail}`);
    }
    if (deliveries.length === 0) ctx.out(t(ctx.lang, "webhookDeliveriesNone"));
    return EXIT.ok;
  });
}

/** `goodfaith webhooks replay <delivery-id> | --dead`: 0 when something will be sent again, else 2. */
export function webhooksReplayCommand(
  id: string | undefined,
  opts: WebhooksOptions & { readonly dead?: boolean },
  ctx: CliContext,
): Promise<number> {
  if ((id === undefined) === (opts.dead !== true)) {
    ctx.err(t(ctx.lang, "webhooksIdOrDead"));
    return Promise.resolve(EXIT.failure);
  }
  return withWebhooks(opts.db, ctx, true, async (store) => {
    const ids = await store.replayWebhookDeliveries(
      id === undefined ? { dead: true } : { ids: [id] },
      Date.now(),
    );
    if (opts.json) ctx.out(JSON.stringify({ replayed: ids }));
    else if (ids.length > 0) ctx.out(t(ctx.lang, "webhooksReplayed", { count: ids.length }));
    else ctx.err(t(ctx.lang, "webhooksNothingToReplay"));
    return ids.length > 0 ? EXIT.ok : EXIT.invalid;
  });
}

/** Adds `goodfaith webhooks` to `program`. */
export function registerWebhooksCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  const webhooks = program.command("webhooks").description(h("webhooks"));
  webhooks
    .command("add")
    .description(h("webhooksAdd"))
    .argument("<url>", h("webhooksUrl"))
    .addOption(
      new Option("-e, --events <types...>", h("webhooksEvents"))
        .choices([...WEBHOOK_EVENT_TYPES])
        .makeOptionMandatory(),
    )
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("webhooksAddJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("webhooksAddNotes"),
        examples(h("example"), [
          "goodfaith webhooks add https://ops.example.com/goodfaith --events remedy.executed remedy.dead",
        ]),
      ),
    )
    .action(async (url: string, opts: { events: WebhookEventType[] } & WebhooksOptions) =>
      setExit(await webhooksAddCommand(url, opts, ctx())),
    );
  webhooks
    .command("list")
    .description(h("webhooksList"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("webhooksListJson"))
    .action(async (opts: WebhooksOptions) => setExit(await webhooksListCommand(opts, ctx())));
  // disable and enable: one switch, each with its own words and example.
  const switches = [
    ["disable", false, "goodfaith webhooks disable we_3f9a1c2b7d4e"],
    ["enable", true, "goodfaith webhooks enable we_3f9a1c2b7d4e && goodfaith outbox run --once"],
  ] as const;
  for (const [name, on, example] of switches) {
    const key = on ? "webhooksEnable" : "webhooksDisable";
    webhooks
      .command(name)
      .description(h(key))
      .argument("<id>", h("webhooksEndpointId"))
      .option("--db <path-or-url>", dbHelp(h))
      .option("--json", h(`${key}Json`))
      .addHelpText("after", afterHelp(h(`${key}Notes`), examples(h("example"), [example])))
      .action(async (id: string, opts: WebhooksOptions) =>
        setExit(await webhooksSwitchCommand(id, on, opts, ctx())),
      );
  }
  webhooks
    .command("deliveries")
    .description(h("webhooksDeliveries"))
    .option("--endpoint <id>", h("webhooksDeliveriesEndpoint"))
    .option(
      "--status <statuses...>",
      h("webhooksDeliveriesStatus", { statuses: WEBHOOK_DELIVERY_STATUSES.join(", ") }),
    )
    .option("--limit <n>", h("webhooksDeliveriesLimit"), Number)
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("webhooksDeliveriesJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("webhooksDeliveriesNotes"),
        examples(h("examples"), [
          "goodfaith webhooks deliveries --status dead --limit 20",
          "goodfaith webhooks deliveries --status pending delivering --json",
        ]),
      ),
    )
    .action(async (opts: WebhooksDeliveriesOptions) =>
      setExit(await webhooksDeliveriesCommand(opts, ctx())),
    );
  webhooks
    .command("replay")
    .description(h("webhooksReplay"))
    .argument("[delivery-id]", h("webhooksDeliveryId"))
    .option("--dead", h("webhooksDead"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("webhooksReplayJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("webhooksReplayNotes"),
        examples(h("example"), ["goodfaith webhooks replay --dead && goodfaith outbox run --once"]),
      ),
    )
    .action(async (id: string | undefined, opts: WebhooksOptions & { dead?: boolean }) =>
      setExit(await webhooksReplayCommand(id, opts, ctx())),
    );
}
