/** The `--db` option shared by the store commands, and opening what it names. */
import { existsSync } from "node:fs";
import type { Store } from "@goodfaith/core";
import { DEFAULT_STORE_PATH, isPostgresUrl, openStore } from "@goodfaith/store";
import type { HelpText } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { describeError } from "../io/file-error.js";
import { t } from "../messages.js";

/** Help text of `--db` in the program's language (`h` from `helpOf(program)`). */
export function dbHelp(h: HelpText): string {
  return h("db", { path: DEFAULT_STORE_PATH });
}

/**
 * Opens the store at `db`, or says why not and resolves to undefined. With `mustExist`, a
 * SQLite file that is not there is an error instead of a new empty store.
 */
export async function openCliStore(
  db: string | undefined,
  ctx: CliContext,
  mustExist = false,
): Promise<Store | undefined> {
  const url = db ?? DEFAULT_STORE_PATH;
  if (mustExist && !isPostgresUrl(url) && !existsSync(url)) {
    ctx.err(t(ctx.lang, "storeMissing", { db: url }));
    return undefined;
  }
  try {
    return await openStore(url);
  } catch (error) {
    // The driver's own words say why (ECONNREFUSED, a bad password): they stay as they are.
    const reason =
      describeError(error, ctx.lang) || String((error as NodeJS.ErrnoException).code ?? error);
    ctx.err(t(ctx.lang, "storeUnreachable", { db: redact(url), reason }));
    return undefined;
  }
}

/**
 * Opens the store at `db` (see `openCliStore`), runs `work` with it and closes it; an error
 * is said on stderr and becomes exit code 1.
 */
export async function withCliStore(
  db: string | undefined,
  ctx: CliContext,
  mustExist: boolean,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  const store = await openCliStore(db, ctx, mustExist);
  if (store === undefined) return EXIT.failure;
  try {
    return await work(store);
  } catch (error) {
    ctx.err(describeError(error, ctx.lang));
    return EXIT.failure;
  } finally {
    await store.close();
  }
}

/** The store's name for messages, without a password. */
export function redact(url: string): string {
  if (!isPostgresUrl(url)) return url;
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "***";
  return parsed.toString();
}
