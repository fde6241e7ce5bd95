/** Remedies as the API shows them: times in RFC 3339, the stored detail as JSON. */
import type {
  Lang,
  RemedyCursor,
  RemedyHistory,
  RemedyTransition,
  StoredRemedy,
} from "@goodfaith/core";
import { badRequest } from "./zod-issues.js";

const iso = (ms: number) => new Date(ms).toISOString();

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    // Written by the store from JSON; anything else is shown as it is rather than hidden.
    return { raw: detail };
  }
}

/** A stored remedy as JSON. */
export function remedyJson(r: StoredRemedy): Record<string, unknown> {
  return {
    key: r.key,
    promise: r.promise,
    version: r.version,
    customer: r.customer,
    kind: r.kind,
    ...(r.amount && { amount: r.amount }),
    status: r.status,
    at: iso(r.at),
    ...(r.dueBy !== undefined && { dueBy: iso(r.dueBy) }),
    seq: r.seq,
    attempts: r.attempts,
    ...(r.nextAttemptAt !== undefined && { nextAttemptAt: iso(r.nextAttemptAt) }),
    ...(r.lastError !== undefined && { lastError: r.lastError }),
    ...(r.reference !== undefined && { reference: r.reference }),
    updatedAt: iso(r.updatedAt),
    detail: parseDetail(r.detail),
  };
}

function transitionJson(t: RemedyTransition): Record<string, unknown> {
  return {
    ...(t.from !== undefined && { from: t.from }),
    to: t.to,
    actor: t.actor,
    at: iso(t.at),
    ...(t.reason !== undefined && { reason: t.reason }),
  };
}

/** A remedy with its moves as JSON. */
export function historyJson(h: RemedyHistory): Record<string, unknown> {
  return { remedy: remedyJson(h.remedy), transitions: h.transitions.map(transitionJson) };
}

/** An opaque page cursor. */
export function encodeCursor(cursor: RemedyCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.key]), "utf8").toString("base64url");
}

/** The cursor a client passed back, or a located `invalid_request` (at `query.cursor`) in `lang`. */
export function decodeCursor(text: string, lang: Lang = "en"): RemedyCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === "string") {
      return { at: value[0] as number, key: value[1] };
    }
  } catch {
    // Falls through to the problem below.
  }
  throw badRequest("invalid_cursor", "query.cursor", lang);
}
