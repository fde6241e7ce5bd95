/**
 * `goodfaith keys create|list|revoke`: the HTTP API's keys. A key's secret is printed once,
 * at creation; the store keeps only its digest.
 */
import { API_SCOPES, type ApiKeyStore, type ApiScope, hasApiKeys } from "@goodfaith/core";
import { createApiKey } from "@goodfaith/server";
import { type Command, Option } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { helpOf } from "../io/localized-command.js";
import { t } from "../messages.js";
import { dbHelp, withCliStore } from "./store-options.js";

/** Options every `keys` command takes. */
export interface KeysOptions {
  readonly db?: string;
  readonly json?: boolean;
}

// Opens the store and hands its key port to `work`; the store is closed afterwards.
function withKeys(
  opts: KeysOptions,
  ctx: CliContext,
  mustExist: boolean,
  work: (keys: ApiKeyStore) => Promise<number>,
): Promise<number> {
  return withCliStore(opts.db, ctx, mustExist, async (store) => {
    if (hasApiKeys(store)) return work(store);
    ctx.err("this store cannot keep API keys");
    return EXIT.failure;
  });
}

/** `goodfaith keys create`: prints the new key once. */
export function keysCreateCommand(
  opts: KeysOptions & { readonly scopes: readonly ApiScope[]; readonly name: string },
  ctx: CliContext,
): Promise<number> {
  return withKeys(opts, ctx, false, async (keys) => {
    const { key, record } = await createApiKey(keys, opts.name, opts.scopes);
    if (opts.json) {
      const { hash: _hash, ...shown } = record;
      ctx.out(
        JSON.stringify({ ...shown, createdAt: new Date(record.createdAt).toISOString(), key }),
      );
      return EXIT.ok;
    }
    ctx.out(
      t(ctx.lang, "keyCreated", {
        id: record.id,
        name: record.name,
        scopes: record.scopes.join(", "),
      }),
    );
    ctx.out(t(ctx.lang, "keyShownOnce"));
    ctx.out(`  ${key}`);
    return EXIT.ok;
  });
}

/** `goodfaith keys list`: every key, revoked ones too; never a secret. */
export function keysListCommand(opts: KeysOptions, ctx: CliContext): Promise<number> {
  return withKeys(opts, ctx, true, async (keys) => {
    const list = await keys.listApiKeys();
    const iso = (ms: number) => new Date(ms).toISOString();
    if (opts.json) {
      for (const k of list) {
        ctx.out(
          JSON.stringify({
            ...k,
            createdAt: iso(k.createdAt),
            ...(k.revokedAt !== undefined && { revokedAt: iso(k.revokedAt) }),
          }),
        );
      }
      return EXIT.ok;
    }
    if (list.length === 0) ctx.out(t(ctx.lang, "keysNone"));
    for (const k of list) {
      const state =
        k.revokedAt === undefined
          ? t(ctx.lang, "keyActive")
          : t(ctx.lang, "keyRevokedAt", { at: iso(k.revokedAt) });
      ctx.out(`${k.id}  ${k.name}  [${k.scopes.join(", ")}]  ${iso(k.createdAt)}  ${state}`);
    }
    return EXIT.ok;
  });
}

/** `goodfaith keys revoke <id>`: 0 when revoked, 2 when there was no live key with that id. */
export function keysRevokeCommand(id: string, opts: KeysOptions, ctx: CliContext): Promise<number> {
  return withKeys(opts, ctx, true, async (keys) => {
    const revoked = await keys.revokeApiKey(id, Date.now());
    if (opts.json) ctx.out(JSON.stringify({ id, revoked }));
    else if (revoked) ctx.out(t(ctx.lang, "keyRevoked", { id }));
    else ctx.err(t(ctx.lang, "keyNotRevoked", { id }));
    return revoked ? EXIT.ok : EXIT.invalid;
  });
}

/** Adds `goodfaith keys` to `program`. */
export function registerKeysCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  const keys = program.command("keys").description(h("keys"));
  keys
    .command("create")
    .description(h("keysCreate"))
    .addOption(
      new Option("-s, --scope <scopes...>", h("keysScope"))
        .choices([...API_SCOPES])
        .makeOptionMandatory(),
    )
    .option("-n, --name <name>", h("keysName"), "unnamed")
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("keysCreateJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("keysScopes"),
        examples(h("example"), ["goodfaith keys create --scope guard --name checkout"]),
      ),
    )
    .action(async (opts: { scope: ApiScope[]; name: string; db?: string; json?: boolean }) =>
      setExit(
        await keysCreateCommand(
          {
            scopes: opts.scope,
            name: opts.name,
            ...(opts.db !== undefined && { db: opts.db }),
            ...(opts.json !== undefined && { json: opts.json }),
          },
          ctx(),
        ),
      ),
    );
  keys
    .command("list")
    .description(h("keysList"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("keysListJson"))
    .action(async (opts: KeysOptions) => setExit(await keysListCommand(opts, ctx())));
  keys
    .command("revoke")
    .description(h("keysRevoke"))
    .argument("<id>", h("keysId"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("keysRevokeJson"))
    .action(async (id: string, opts: KeysOptions) =>
      setExit(await keysRevokeCommand(id, opts, ctx())),
    );
}
