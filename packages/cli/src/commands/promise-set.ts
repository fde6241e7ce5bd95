/**
 * The Bill of Rights a store keeps: `ingest` and `serve` adopt the promise documents they are
 * given, or decide with the set the store keeps (a running `serve` follows it);
 * `goodfaith promises adopt` adopts a set alone, `history|show` read them.
 */
import type { DroppedPromises, PromiseDocument, PromiseSetVersion, Store } from "@goodfaith/core";
import { adoptPromises, DEFAULT_STORE_PATH } from "@goodfaith/store";
import type { Command } from "commander";
import { afterHelp, examples, type HelpText } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { compileSources, type LoadedDocuments, loadDocuments } from "../io/documents.js";
import { t } from "../messages.js";
import { dbHelp, redact, withCliStore } from "./store-options.js";

/** The promises a store-backed command decides with, and where they came from. */
export type PromisesInEffect =
  | {
      readonly ok: true;
      readonly documents: readonly PromiseDocument[];
      /**
       * `adopted`: given and new; `unchanged`: given, the store's current set already; `kept`:
       * the store's; `followed`: adopted by another process while this one ran, and switched to.
       */
      readonly from: "adopted" | "unchanged" | "kept" | "followed";
      readonly set: PromiseSetVersion;
      /** Adopted: the earlier version whose texts these are again (a rollback). */
      readonly repeats?: number;
      /** Adopted: the promises of the set it replaced that it does not have. */
      readonly dropped?: DroppedPromises;
    }
  /** None given and none kept. */
  | { readonly ok: true; readonly documents: readonly []; readonly from: "none" }
  /** The kept set no longer loads: said on stderr already. */
  | { readonly ok: false; readonly exit: number };

/**
 * With `given` (documents that loaded), adopts them as `actor`; without, the set `store` keeps,
 * compiled again from its texts.
 */
export async function promisesInEffect(
  store: Store,
  given: Extract<LoadedDocuments, { ok: true }> | undefined,
  actor: string,
  ctx: CliContext,
): Promise<PromisesInEffect> {
  if (given !== undefined) {
    const { documents } = given;
    const result = await adoptPromises(store, given.sources, { actor, documents });
    const from = result.adopted ? "adopted" : "unchanged";
    const { repeats, set, dropped } = result;
    return {
      ok: true,
      documents: given.documents,
      from,
      set,
      ...(repeats !== undefined && { repeats }),
      ...(dropped !== undefined && { dropped }),
    };
  }
  const kept = await store.promiseSet();
  if (kept === undefined) return { ok: true, documents: [], from: "none" };
  const loaded = compileSources(kept.sources, ctx.lang);
  if (!loaded.ok) {
    ctx.err(t(ctx.lang, "promisesKeptInvalid", { version: kept.version }));
    for (const m of loaded.messages) ctx.err(m);
    return { ok: false, exit: loaded.exit };
  }
  return { ok: true, documents: loaded.documents, from: "kept", set: kept };
}

const iso = (ms: number) => new Date(ms).toISOString();

// How many dropped promise ids a line names before it says how many more.
const NAMED = 8;

/** A set's documents for a line: `Northwind Market 2026.11, …` (the file when it named none). */
function documentNames(set: PromiseSetVersion): string {
  return set.documents
    .map((d) => (d.company === undefined ? d.file : `${d.company} ${d.version ?? ""}`.trim()))
    .join(", ");
}

const LINE_KEYS = {
  adopted: "promisesAdopted",
  unchanged: "promisesUnchanged",
  kept: "promisesKept",
  followed: "promisesFollowed",
} as const;

/** One line saying which set is in effect and how it came to be (nothing for none). */
export function promisesInEffectLine(lang: CliContext["lang"], found: PromisesInEffect): string {
  if (!found.ok || found.from === "none") return "";
  const { set } = found;
  const params = {
    version: set.version,
    at: iso(set.adoptedAt),
    actor: set.actor,
    documents: documentNames(set),
  };
  const lines = [t(lang, LINE_KEYS[found.from], params)];
  // Said, not refused: a rollback may be meant; an old file named in a restart script is not.
  if (found.repeats !== undefined)
    lines.push(t(lang, "promisesRepeats", { version: set.version, repeats: found.repeats }));
  const { dropped } = found;
  if (dropped !== undefined) {
    const { ids } = dropped;
    const more = ids.length - NAMED;
    const named =
      ids.slice(0, NAMED).join(", ") + (more > 0 ? t(lang, "andMore", { count: more }) : "");
    lines.push(
      t(lang, "promisesDropped", { count: ids.length, version: dropped.version, ids: named }),
    );
  }
  return lines.join("\n");
}

/** What `--json` outputs carry of the set in effect. */
export function promisesInEffectJson(found: PromisesInEffect): Record<string, unknown> | null {
  if (!found.ok || found.from === "none") return null;
  const { set } = found;
  return {
    version: set.version,
    digest: set.digest,
    from: found.from,
    adoptedAt: iso(set.adoptedAt),
    actor: set.actor,
    ...(found.repeats !== undefined && { repeats: found.repeats }),
    ...(found.dropped !== undefined && { dropped: found.dropped.ids }),
  };
}

/** Options of `goodfaith promises adopt`. */
export interface PromisesAdoptOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/**
 * `goodfaith promises adopt <files...>`: makes the documents the store's set in effect (a new
 * version when they differ from it), for every process deciding over the store: a running
 * `serve` switches to them at its next look. Exit 1 for a file that cannot be read, 2 for a
 * document that does not load; either way nothing is adopted and no store is created.
 */
export async function promisesAdoptCommand(
  files: readonly string[],
  opts: PromisesAdoptOptions,
  ctx: CliContext,
): Promise<number> {
  const loaded = await loadDocuments(files, ctx.lang);
  if (!loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return loaded.exit;
  }
  // Adopting is a reason to create a store: a Bill of Rights may come before any event.
  return withCliStore(opts.db, ctx, false, async (store) => {
    const found = await promisesInEffect(store, loaded, "cli:promises", ctx);
    if (!found.ok) return found.exit;
    if (opts.json) {
      ctx.out(JSON.stringify(promisesInEffectJson(found)));
      return EXIT.ok;
    }
    ctx.out(promisesInEffectLine(ctx.lang, found).trimStart());
    if (found.from === "adopted") ctx.out(t(ctx.lang, "promisesAdoptFollowed"));
    return EXIT.ok;
  });
}

/** Options of `goodfaith promises history|show`. */
export interface PromiseSetOptions {
  readonly db?: string;
  readonly json?: boolean;
}

const versionJson = (v: PromiseSetVersion) => ({ ...v, adoptedAt: iso(v.adoptedAt) });

/** `goodfaith promises history`: every set the store adopted, oldest first; the last is in effect. */
export function promisesHistoryCommand(opts: PromiseSetOptions, ctx: CliContext): Promise<number> {
  return withCliStore(opts.db, ctx, true, async (store) => {
    const history = await store.promiseSetHistory();
    if (opts.json) {
      for (const v of history) ctx.out(JSON.stringify(versionJson(v)));
      return EXIT.ok;
    }
    const db = redact(opts.db ?? DEFAULT_STORE_PATH);
    if (history.length === 0) {
      ctx.out(t(ctx.lang, "promisesNoneKept", { db }));
      return EXIT.ok;
    }
    ctx.out(t(ctx.lang, "promisesHistoryTitle", { count: history.length, db }));
    for (const v of history) {
      ctx.out(
        t(ctx.lang, "promisesHistoryRow", {
          version: v.version,
          at: iso(v.adoptedAt),
          actor: v.actor,
          digest: v.digest,
        }),
      );
      for (const d of v.documents) {
        ctx.out(
          `      ${d.file}${d.company === undefined ? "" : `  ${d.company} ${d.version ?? ""}`}`,
        );
      }
    }
    return EXIT.ok;
  });
}

/**
 * `goodfaith promises show [version]`: the documents of a set (the one in effect by default),
 * exactly as adopted; exit 2 when the store keeps no such set.
 */
export function promisesShowCommand(
  version: number | undefined,
  opts: PromiseSetOptions,
  ctx: CliContext,
): Promise<number> {
  if (version !== undefined && !(Number.isSafeInteger(version) && version >= 1)) {
    ctx.err(t(ctx.lang, "badWhole", { option: "<version>", min: 1 }));
    return Promise.resolve(EXIT.failure);
  }
  return withCliStore(opts.db, ctx, true, async (store) => {
    const set = await store.promiseSet(version);
    if (set === undefined) {
      const db = redact(opts.db ?? DEFAULT_STORE_PATH);
      ctx.err(
        version === undefined
          ? t(ctx.lang, "promisesNoneKept", { db })
          : t(ctx.lang, "promisesNoSuchVersion", { version, db }),
      );
      return EXIT.invalid;
    }
    if (opts.json) {
      ctx.out(JSON.stringify(versionJson(set)));
      return EXIT.ok;
    }
    for (const s of set.sources) {
      const at = iso(set.adoptedAt);
      ctx.out(`# ${t(ctx.lang, "promisesShowHeader", { file: s.file, version: set.version, at })}`);
      // The text as adopted; a line break ends it when it has none, so the next header stands apart.
      ctx.out(s.text.endsWith("\n") ? s.text.slice(0, -1) : s.text);
    }
    return EXIT.ok;
  });
}

/** Adds `adopt`, `history` and `show` to the `goodfaith promises` command. */
export function registerPromiseSetCommands(
  promises: Command,
  h: HelpText,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  promises
    .command("adopt")
    .description(h("promisesAdopt"))
    .argument("<files...>", h("promisesAdoptFiles"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("promisesAdoptJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("promisesAdoptNotes"),
        examples(h("examples"), [
          "goodfaith promises adopt packs/retail/promises.yaml",
          "goodfaith promises adopt packs/airline/promises.yaml packs/eu261/promises.yaml --db .goodfaith/airline.db --json",
          "goodfaith promises history --db .goodfaith/airline.db",
        ]),
      ),
    )
    .action(async (files: string[], opts: PromisesAdoptOptions) =>
      setExit(await promisesAdoptCommand(files, opts, ctx())),
    );
  promises
    .command("history")
    .description(h("promisesHistory"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("promisesHistoryJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("promisesKeptNotes"),
        examples(h("examples"), [
          "goodfaith ingest packs/retail/events.jsonl --promises packs/retail/promises.yaml",
          "goodfaith promises history",
          "goodfaith promises history --json | jq -r .digest",
        ]),
      ),
    )
    .action(async (opts: PromiseSetOptions) => setExit(await promisesHistoryCommand(opts, ctx())));
  promises
    .command("show")
    .description(h("promisesShow"))
    .argument("[version]", h("promisesShowVersion"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--json", h("promisesShowJson"))
    .addHelpText(
      "after",
      afterHelp(
        examples(h("examples"), [
          "goodfaith promises show",
          "goodfaith promises show 1 --json | jq -r '.sources[0].text'",
        ]),
      ),
    )
    .action(async (version: string | undefined, opts: PromiseSetOptions) =>
      setExit(
        await promisesShowCommand(version === undefined ? undefined : Number(version), opts, ctx()),
      ),
    );
}
