import { readFile } from "node:fs/promises";
import {
  Engine,
  Guard,
  type GuardItem,
  type Lang,
  loadPromises,
  type PromiseDocument,
} from "@goodfaith/core";
import { warningJson } from "@goodfaith/server";
import { type CliContext, EXIT } from "../io/context.js";
import { DEFAULT_GUARD_YAML } from "../io/default-guard.js";
import { loadDocuments } from "../io/documents.js";
import { distinctEvents, readEventFilesOrSay, rejectedLineText } from "../io/events.js";
import { describeError } from "../io/file-error.js";
import { parseRfc3339 } from "../io/time.js";
import { t } from "../messages.js";

/** Options of `goodfaith guard check`. */
export interface GuardOptions {
  readonly promises: readonly string[];
  readonly events: readonly string[];
  readonly customer: string;
  readonly items: string;
  readonly at?: string;
  readonly json?: boolean;
}

// Why items are not usable, in the reader's language, prefixed by where they came from (`at`).
function parseItems(text: string, at: string, lang: Lang): GuardItem[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return t(lang, "itemsBadJson", { at: `${at}:${jsonErrorPlace(text, err)}` });
  }
  const list = Array.isArray(value) ? value : (value as { items?: unknown })?.items;
  if (!Array.isArray(list)) return t(lang, "itemsNotList", { at });
  for (const [i, item] of list.entries()) {
    if (typeof item !== "object" || item === null)
      return t(lang, "itemsNotObject", { at, path: `[${i}]` });
    const { sku, kind } = item as Record<string, unknown>;
    if (typeof sku !== "string" || sku === "")
      return t(lang, "itemsNoText", { at, path: `[${i}].sku` });
    if (typeof kind !== "string" || kind === "")
      return t(lang, "itemsNoText", { at, path: `[${i}].kind` });
  }
  return list as GuardItem[];
}

// `line:column` of a JSON syntax error, from V8's "at position n" (the end when it names none).
function jsonErrorPlace(text: string, err: unknown): string {
  const named = /at position (\d+)/.exec(err instanceof Error ? err.message : "");
  const before = text.slice(0, named?.[1] === undefined ? text.length : Number(named[1]));
  const lines = before.split("\n");
  return `${lines.length}:${[...(lines.at(-1) ?? "")].length + 1}`;
}

/** `goodfaith guard check`: what the guard would say to a customer about to buy `items`. */
export async function guardCommand(opts: GuardOptions, ctx: CliContext): Promise<number> {
  let documents: PromiseDocument[];
  if (opts.promises.length > 0) {
    const loaded = await loadDocuments(opts.promises, ctx.lang);
    if (!loaded.ok) {
      for (const m of loaded.messages) ctx.err(m);
      return loaded.exit;
    }
    documents = loaded.documents;
  } else {
    const builtIn = loadPromises(DEFAULT_GUARD_YAML, "built-in guard promises");
    if (!builtIn.ok) throw new Error("the built-in guard promises do not load");
    documents = [builtIn.value];
  }
  if (opts.at !== undefined && parseRfc3339(opts.at) === undefined) {
    ctx.err(t(ctx.lang, "badRfc3339", { option: "--at", value: opts.at }));
    return EXIT.failure;
  }
  const inline = /^\s*[[{]/.test(opts.items);
  let itemsText: string;
  try {
    itemsText = inline ? opts.items : await readFile(opts.items, "utf8");
  } catch (err) {
    ctx.err(describeError(err, ctx.lang, opts.items));
    return EXIT.failure;
  }
  const items = parseItems(itemsText, inline ? "--items" : opts.items, ctx.lang);
  if (typeof items === "string") {
    ctx.err(items);
    return EXIT.invalid;
  }
  const history = await readEventFilesOrSay(opts.events, ctx);
  if (history === undefined) return EXIT.failure;
  const engine = new Engine(documents);
  for (const { event } of distinctEvents(history.events).events) engine.process(event);
  // A history with holes could hide what the customer owns: say which lines were left out.
  if (history.rejected.length > 0) {
    ctx.err(t(ctx.lang, "rejectedLines"));
    for (const r of history.rejected)
      for (const i of r.issues) ctx.err(`  ${rejectedLineText(r, i, ctx.lang)}`);
  }
  const done = history.rejected.length > 0 ? EXIT.rejected : EXIT.ok;
  const warnings = new Guard(engine).check({
    customer: opts.customer,
    items,
    ...(opts.at && { at: opts.at }),
  });
  if (opts.json) {
    // As POST /v1/guard/check answers: with `message`, the text in the reader's language.
    const json = warnings.map((w) => warningJson(w, ctx.lang));
    ctx.out(JSON.stringify({ customer: opts.customer, warnings: json }));
    return done;
  }
  if (warnings.length === 0) ctx.out(t(ctx.lang, "noWarnings"));
  for (const w of warnings)
    ctx.out(`${t(ctx.lang, "warning")} [${w.code}] ${w.sku}: ${w.text[ctx.lang]}`);
  return done;
}
