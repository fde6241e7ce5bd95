/**
 * The file outbox for notices: each notice ready to send becomes one JSON line appended to a
 * file, for whatever delivers them (a mail merge, a queue). Suppressed and held notices are
 * never written there: the store keeps them, with their reason.
 */
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Notice } from "@goodfaith/core";
import type { OnNoticesCreated } from "./ingest/notice-desk.js";

/** A `notice.created` hook that appends each ready notice to `path` as a JSON line. */
export function noticeFileOutbox(path: string): OnNoticesCreated {
  let made: Promise<unknown> | undefined;
  return async (notices: readonly Notice[]) => {
    const ready = notices.filter((n) => n.status === "ready");
    if (ready.length === 0) return;
    made ??= mkdir(dirname(path), { recursive: true });
    await made;
    // One write per batch: a reader never sees half a batch's lines from one call torn apart.
    await appendFile(path, ready.map((n) => `${JSON.stringify(n)}\n`).join(""), "utf8");
  };
}
