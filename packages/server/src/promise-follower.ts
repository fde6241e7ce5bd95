/**
 * Following the store: the events other writers append to its log, and its Bill of Rights.
 * Every few seconds a follower first has the ingestion service catch up with the log
 * (`IngestService.catchUp`: one indexed read when nobody else wrote), so the guard sees a
 * purchase another process ingested; then it asks for the number of the version the store
 * keeps as current (one indexed row), the one in effect for every process, and when another
 * process adopted a new one, compiles it and has the service switch to it at a clean point
 * (`IngestService.switchTo`).
 */
import {
  loadPromises,
  type PromiseDocument,
  type PromiseSetStore,
  type PromiseSetVersion,
  type PromiseSource,
  renderIssue,
} from "@goodfaith/core";
import { isStoreUnavailable } from "@goodfaith/store";
import type { IngestService } from "./ingest-service.js";

/** A set's documents compiled, or what keeps them from loading (located, one problem a line). */
export type CompiledSet =
  | { readonly ok: true; readonly documents: readonly PromiseDocument[] }
  | { readonly ok: false; readonly messages: readonly string[] };

/** What one look at the store found (after catching up with the log). */
export type FollowResult =
  /** The version in effect is the store's (or the store keeps none). */
  | { readonly kind: "unchanged" }
  /** `set` is now in effect. */
  | { readonly kind: "switched"; readonly set: PromiseSetVersion }
  /** `set` does not load in this version of Goodfaith: the one before it stays in effect. */
  | { readonly kind: "unloadable"; readonly set: PromiseSetVersion }
  /** The store could not be read, or the catch-up or switch failed: tried again at the next look. */
  | { readonly kind: "failed"; readonly error: unknown };

/** Options of `followPromises`. */
export interface PromiseFollowerOptions {
  /** Pause between looks at the store. @default 5000 */
  readonly intervalMs?: number;
  /** Compiles a set's texts. @default `loadPromises`, problems in English */
  readonly compile?: (sources: readonly PromiseSource[]) => CompiledSet;
  /** Called once a new set is in effect. */
  readonly onSwitched?: (set: PromiseSetVersion) => void;
  /** Called once per version that does not load, with its problems. */
  readonly onUnloadable?: (set: PromiseSetVersion, messages: readonly string[]) => void;
  /** Called once when the store becomes unreachable (see `isStoreUnavailable`). */
  readonly onStoreUnavailable?: (error: unknown) => void;
  /** Called once when it is reachable again. */
  readonly onStoreBack?: () => void;
  /** Called on any other failure (a bug); the next look still happens. */
  readonly onError?: (error: unknown) => void;
}

/** A running follower. */
export interface PromiseFollower {
  /** Looks at the store now (between the timer's looks, which it never overlaps). */
  check(): Promise<FollowResult>;
  /** Stops looking; resolves once a look under way (and its switch) has finished. */
  stop(): Promise<void>;
}

/** The default `compile`: every document through `loadPromises`, problems as `file:line:column: …`. */
export function compileSet(sources: readonly PromiseSource[]): CompiledSet {
  const documents: PromiseDocument[] = [];
  const messages: string[] = [];
  for (const { file, text } of sources) {
    const loaded = loadPromises(text, file);
    if (loaded.ok) documents.push(loaded.value);
    else {
      for (const issue of loaded.issues) {
        const where = `${file}:${issue.line ?? 1}:${issue.column ?? 1}`;
        messages.push(`${where}: ${renderIssue(issue, "en", { lines: false })}`);
      }
    }
  }
  return messages.length === 0 ? { ok: true, documents } : { ok: false, messages };
}

/**
 * Follows the store: catches `ingest` up with the events others append, and switches it to
 * each new version of the set `store` keeps as current. The first look is after `intervalMs`:
 * the caller opened `ingest` with the log and the set as they were then.
 */
export function followPromises(
  store: PromiseSetStore,
  ingest: IngestService,
  options: PromiseFollowerOptions = {},
): PromiseFollower {
  const intervalMs = options.intervalMs ?? 5000;
  const compile = options.compile ?? compileSet;
  // The last version found not to load: said once, and not compiled again at every look.
  let refused: number | undefined;
  let down = false;
  let stopped = false;
  let running: Promise<FollowResult> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function look(): Promise<FollowResult> {
    // Before a switch: others' events up to now are decided by the set in effect until now.
    await ingest.catchUp();
    const version = await store.currentPromiseSetVersion();
    if (version === undefined || version === ingest.promiseSet?.version || version === refused) {
      return { kind: "unchanged" };
    }
    // A version adopted since the number was read is as good: it is the current one.
    const set = await store.promiseSet();
    if (set === undefined) return { kind: "unchanged" };
    const { sources: _, ...found } = set;
    const compiled = compile(set.sources);
    if (!compiled.ok) {
      refused = set.version;
      options.onUnloadable?.(found, compiled.messages);
      return { kind: "unloadable", set: found };
    }
    await ingest.switchTo(compiled.documents, found);
    options.onSwitched?.(found);
    return { kind: "switched", set: found };
  }

  async function checked(): Promise<FollowResult> {
    try {
      const result = await look();
      if (down) options.onStoreBack?.();
      down = false;
      return result;
    } catch (error) {
      if (!isStoreUnavailable(error)) options.onError?.(error);
      else if (!down) {
        down = true;
        options.onStoreUnavailable?.(error);
      }
      return { kind: "failed", error };
    }
  }

  function check(): Promise<FollowResult> {
    running ??= checked().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void check().then(schedule);
    }, intervalMs);
    timer.unref?.();
  }

  schedule();
  return {
    check,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
