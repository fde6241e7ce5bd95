/**
 * Errors as RFC 9457 problem details: one error class with a stable code, rendered in the
 * caller's language in one place (`problemResponse`, used by the app's `onError`).
 */
import { formatPath, type Issue, type Lang, renderIssue } from "@goodfaith/core";
import { type ProblemCode, problemText } from "./messages.js";

/** The media type of every error response. */
export const PROBLEM_TYPE = "application/problem+json";

/** An issue as the API reports it: where (field path, line, column) and why, in words. */
export interface ApiIssue {
  readonly code: string;
  /** The field, e.g. `data.items[0].price`; empty for the whole value. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** An event of a request that was not stored: its position (0-based index; line for NDJSON). */
export interface EventRejection {
  readonly index: number;
  readonly line?: number;
  readonly issues: readonly ApiIssue[];
}

/** An expected failure of a request; `onError` turns it into a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly status: number,
    readonly params: Readonly<Record<string, string | number>> = {},
    /** More members of the problem object (`issues`, `rejected`…). */
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(code);
    this.name = "ProblemError";
  }
}

/** A core issue (event, promise or money) in `lang`, located. */
export function apiIssue(issue: Issue, lang: Lang): ApiIssue {
  return {
    code: issue.code,
    path: formatPath(issue.path),
    ...(issue.line !== undefined && { line: issue.line }),
    ...(issue.column !== undefined && { column: issue.column }),
    // The words alone: where it is travels in the fields above.
    message: renderIssue(
      { code: issue.code, messageKey: issue.messageKey, params: issue.params, path: [] },
      lang,
    ),
  };
}

/** The problem object for `error`, in `lang`; `instance` is the request's path. */
export function problemBody(
  error: ProblemError,
  lang: Lang,
  instance: string,
): Record<string, unknown> {
  const { title, detail } = problemText(error.code, lang, error.params);
  return {
    // A relative reference: the docs page documents every problem type under this anchor.
    type: `/docs#problem-${error.code}`,
    title,
    status: error.status,
    detail,
    instance,
    code: error.code,
    ...error.extra,
  };
}

/** The HTTP response for `error`. */
export function problemResponse(error: ProblemError, lang: Lang, instance: string): Response {
  return new Response(JSON.stringify(problemBody(error, lang, instance)), {
    status: error.status,
    // Vary: the words depend on Accept-Language, so a cache must not serve them to another.
    headers: {
      "content-type": PROBLEM_TYPE,
      "content-language": lang,
      vary: "accept-language",
      ...error.headers,
    },
  });
}
