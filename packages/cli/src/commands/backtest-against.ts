/**
 * What `goodfaith backtest --against` compares a proposal with: the files given, or, given no
 * files, the set the store keeps (the one in effect), compiled again from its texts.
 */
import { existsSync } from "node:fs";
import type { Lang, PromiseSet } from "@goodfaith/core";
import { isPostgresUrl } from "@goodfaith/store";
import { type CliContext, EXIT } from "../io/context.js";
import { compileSources, type LoadedDocuments, loadDocuments } from "../io/documents.js";
import { say } from "./backtest-messages.js";
import { promisesInEffectJson } from "./promise-set.js";
import { redact, withCliStore } from "./store-options.js";

/** `--against` as commander gives it: absent, files, or `true` (the option without files). */
export type AgainstOption = readonly string[] | true | undefined;

/** The current set's documents (none without `--against`), and the kept version they are. */
export type LoadedAgainst =
  | (Extract<LoadedDocuments, { ok: true }> & { readonly kept?: PromiseSet })
  | {
      readonly ok: false;
      /** What to print; empty when it was said already (a store that could not be opened). */
      readonly messages: readonly string[];
      readonly exit: typeof EXIT.failure | typeof EXIT.invalid;
    };

/** Loads `--against`'s set: the files given, or (no files) the set the store at `db` keeps. */
export async function loadAgainst(
  against: AgainstOption,
  db: string,
  ctx: CliContext,
): Promise<LoadedAgainst> {
  if (against === undefined) return { ok: true, documents: [], sources: [] };
  if (against !== true) return loadDocuments(against, ctx.lang);
  const { lang } = ctx;
  const none = {
    ok: false,
    messages: [say(lang, "noKeptSet", { db: redact(db) })],
    exit: EXIT.failure,
  } as const;
  // A SQLite file that is not there keeps nothing: it is not created to find that out.
  if (!isPostgresUrl(db) && !existsSync(db)) return none;
  let kept: PromiseSet | undefined;
  const opened = await withCliStore(db, ctx, true, async (store) => {
    kept = await store.promiseSet();
    return EXIT.ok;
  });
  if (opened !== EXIT.ok) return { ok: false, messages: [], exit: EXIT.failure };
  if (kept === undefined) return none;
  const loaded = compileSources(kept.sources, lang);
  if (!loaded.ok) {
    const why = say(lang, "keptInvalid", { version: kept.version });
    return { ...loaded, messages: [why, ...loaded.messages] };
  }
  return { ...loaded, kept };
}

/** The heading of the comparison: the files compared with, or which kept version. */
export function againstHeading(loaded: Extract<LoadedAgainst, { ok: true }>, lang: Lang): string {
  const { kept } = loaded;
  if (kept === undefined)
    return say(lang, "diff", { against: loaded.sources.map((s) => s.file).join(", ") });
  return say(lang, "diffKept", {
    version: kept.version,
    at: new Date(kept.adoptedAt).toISOString(),
    documents: loaded.documents.map((d) => `${d.company} ${d.version}`).join(", "),
  });
}

/** What `--json` adds about a kept set compared with (`ingest --json`'s `promises`), else nothing. */
export function againstJson(
  loaded: Extract<LoadedAgainst, { ok: true }>,
): { readonly againstSet: Record<string, unknown> } | Record<string, never> {
  const { kept, documents } = loaded;
  if (kept === undefined) return {};
  const json = promisesInEffectJson({ ok: true, documents, from: "kept", set: kept });
  return json === null ? {} : { againstSet: json };
}
