import { readFile } from "node:fs/promises";
import {
  Engine,
  Guard,
  type GuardItem,
  jsonSafe,
  loadPromises,
  type PromiseDocument,
} from "@goodfaith/core";
import { type CliContext, EXIT } from "../io/context.js";
import { DEFAULT_GUARD_YAML } from "../io/default-guard.js";
import { loadDocuments } from "../io/documents.js";
import { readEventFiles } from "../io/events.js";
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

function parseItems(text: string): GuardItem[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  const list = Array.isArray(value) ? value : (value as { items?: unknown })?.items;
  if (!Array.isArray(list)) return 'expected a JSON array of items, or { "items": [...] }';
  for (const [i, item] of list.entries()) {
    if (typeof item !== "object" || item === null) return `[${i}]: expected an object`;
    const { sku, kind } = item as Record<string, unknown>;
    if (typeof sku !== "string" || sku === "") return `[${i}].sku: expected a non-empty string`;
    if (typeof kind !== "string" || kind === "") return `[${i}].kind: expected a non-empty string`;
  }
  return list as GuardItem[];
}

/** `goodfaith guard check`: what the guard would say to a customer about to buy `items`. */
export async function guardCommand(opts: GuardOptions, ctx: CliContext): Promise<number> {
  let documents: PromiseDocument[];
  if (opts.promises.length > 0) {
    const loaded = await loadDocuments(opts.promises, ctx.lang);
    if (!loaded.ok) {
      for (const m of loaded.messages) ctx.err(m);
      return EXIT.invalid;
    }
    documents = loaded.documents;
  } else {
    const builtIn = loadPromises(DEFAULT_GUARD_YAML, "built-in guard promises");
    if (!builtIn.ok) throw new Error("the built-in guard promises do not load");
    documents = [builtIn.value];
  }
  let itemsText: string;
  try {
    itemsText =
      opts.items.trim().startsWith("[") || opts.items.trim().startsWith("{")
        ? opts.items
        : await readFile(opts.items, "utf8");
  } catch (err) {
    ctx.err(`${opts.items}: ${(err as Error).message}`);
    return EXIT.failure;
  }
  const items = parseItems(itemsText);
  if (typeof items === "string") {
    ctx.err(`${opts.items}: ${items}`);
    return EXIT.invalid;
  }
  const engine = new Engine(documents);
  const { events } = await readEventFiles(opts.events);
  for (const { event } of events) engine.process(event);
  const warnings = new Guard(engine).check({
    customer: opts.customer,
    items,
    ...(opts.at && { at: opts.at }),
  });
  if (opts.json) {
    ctx.out(JSON.stringify({ customer: opts.customer, warnings: jsonSafe(warnings) }));
    return EXIT.ok;
  }
  if (warnings.length === 0) ctx.out(t(ctx.lang, "noWarnings"));
  for (const w of warnings)
    ctx.out(`${t(ctx.lang, "warning")} [${w.code}] ${w.sku}: ${w.text[ctx.lang]}`);
  return EXIT.ok;
}
