/**
 * What adopting a set leaves out: a set is adopted whole, so giving one file where the store
 * kept several stops keeping the others' promises. The CLI's `promises adopt` and the API's
 * `POST /v1/promises` both say so.
 */
import type { PromiseSet } from "../ports/promise-set-store.js";
import type { PromiseDocument } from "./document.js";
import { loadPromises } from "./load.js";

/** Promises of the version an adoption replaced that the new set does not have. */
export interface DroppedPromises {
  readonly version: number;
  readonly ids: readonly string[];
}

/**
 * The promises of `before` that `documents` do not have. Undefined when none are missing, or
 * when `before` no longer loads (nothing can be said of its promises).
 */
export function droppedPromises(
  before: PromiseSet,
  documents: readonly PromiseDocument[],
): DroppedPromises | undefined {
  const kept = new Set(documents.flatMap((d) => d.promises.map((p) => p.id)));
  const ids: string[] = [];
  for (const { text, file } of before.sources) {
    const loaded = loadPromises(text, file);
    if (!loaded.ok) return undefined;
    for (const p of loaded.value.promises) if (!kept.has(p.id)) ids.push(p.id);
  }
  return ids.length === 0 ? undefined : { version: before.version, ids };
}
