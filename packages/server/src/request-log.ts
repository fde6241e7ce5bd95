/**
 * The access log: one line per request, naming what was called and how it answered, never who
 * it was about. Customer ids, remedy keys and e-mail addresses travel in paths, queries, bodies
 * and headers, so a line holds none of those: the route's template (`/v1/customers/{id}`), the
 * status, the time taken, the calling key's public id, the language and the problem's code.
 */
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "./env.js";
import { ProblemError } from "./problem.js";

/**
 * Where lines go: the methods of a pino logger the API uses, typed structurally so that the
 * server does not depend on pino (any logger with this shape will do).
 */
export interface RequestLogger {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
  error(fields: object, msg: string): void;
  isLevelEnabled(level: string): boolean;
}

/** What an access line holds, besides the logger's own level, time and message. */
export interface AccessFields {
  readonly method: string;
  /** The route's template, or `unmatched`: never the path as sent. */
  readonly route: string;
  readonly status: number;
  /** From the first middleware to the answer, rounded to 0.01 ms. */
  readonly ms: number;
  /** The API key's public id, when one signed the request in. */
  readonly key?: string;
  readonly lang?: string;
  /** The problem's code (`not_found`, `internal`…) of an error answer. */
  readonly code?: string;
  /** The caller's `X-Request-Id` (a load balancer's), when it is token-shaped. */
  readonly req?: string;
}

/** An error as the log tells it: its class, its code and its first line, values taken out. */
export interface ErrorFields {
  readonly type: string;
  readonly code?: string;
  readonly message: string;
}

const problems = new WeakMap<Context, string>();

/**
 * Notes the problem `code` the request is answered with: problem responses are built in
 * `onError`, `notFound` and the body limit, where the code is known, rather than read back out
 * of the body.
 */
export function noteProblem(c: Context, code: string): void {
  problems.set(c, code);
}

// An id a load balancer made (a UUID, nginx's hex, AWS's `Root=1-…`); anything else, such as
// free text a client put there, is left out rather than logged.
const REQUEST_ID = /^[\w.:=+/-]{1,128}$/;

// Hono's `:id` and `:key{.+}` as the OpenAPI document writes them, once per route.
const templates = new Map<string, string>();
function template(path: string): string {
  let known = templates.get(path);
  if (known === undefined) {
    known =
      path === "/*" || path === "*" ? "unmatched" : path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
    templates.set(path, known);
  }
  return known;
}

// Values a message may quote: `invalid input syntax for type uuid: "…"`, pg's `Key (email)=(…)`,
// Node's `Unexpected token 'a', "alice@…" is not valid JSON`. Taken out whatever they were.
const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`|=\([^)]*\)/g;
const EMAIL = /[^\s@,;<>()[\]]+@[^\s@,;<>()[\]]+/g;
const LONG_NUMBER = /\d{6,}/g;

/**
 * `error` for a log line: its class, its `code` (a driver's SQLSTATE or errno name) and its
 * message's first line with quoted values, e-mail addresses and long numbers replaced by `…`,
 * at most 200 characters. Never the stack, nor a driver's `detail`, `where` or parameters, which
 * can hold a row's values.
 */
export function errorFields(error: unknown): ErrorFields {
  const code = (error as { code?: unknown } | null)?.code;
  const raw = error instanceof Error ? error.message : String(error);
  const message = (raw.split("\n", 1)[0] ?? "")
    .replace(QUOTED, "…")
    .replace(EMAIL, "…")
    .replace(LONG_NUMBER, "…")
    .slice(0, 200);
  return {
    type: error instanceof Error ? error.name : typeof error,
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    message,
  };
}

/**
 * The access log middleware: one `info` line per request (`msg: "request"`), and for a request
 * that failed unexpectedly (a bug: 500, a store away: 503) a line at `error` or `warn` with the
 * error's fields (`msg: "request failed"`). Install it first, so its time covers every other
 * middleware.
 */
export function requestLog(
  logger: RequestLogger,
  now: () => number = performance.now.bind(performance),
): MiddlewareHandler<AppEnv> {
  const access = logger.isLevelEnabled("info");
  return async (c, next) => {
    const started = now();
    await next();
    const { error } = c;
    // A 400 for a body that is not JSON is an HTTPException and expected; only what became a 5xx
    // without the app meaning it is a failure.
    const failed = error !== undefined && !(error instanceof ProblemError) && c.res.status >= 500;
    if (!access && !failed) return;
    const fields = accessFields(c, Math.round((now() - started) * 100) / 100);
    if (access) logger.info(fields, "request");
    if (failed) {
      const line = { ...fields, err: errorFields(error) };
      // An outage is the store's, said as such by the worker too; a 500 is a defect.
      if (fields.status === 503) logger.warn(line, "request failed");
      else logger.error(line, "request failed");
    }
  };
}

function accessFields(c: Context<AppEnv>, ms: number): AccessFields {
  const { status } = c.res;
  const key = c.get("apiKey")?.id;
  const lang = c.get("lang");
  const code = status >= 400 ? problems.get(c) : undefined;
  const id = c.req.header("x-request-id");
  return {
    method: c.req.method,
    route: template(routePath(c)),
    status,
    ms,
    ...(key !== undefined && { key }),
    ...(lang !== undefined && { lang }),
    ...(code !== undefined && { code }),
    ...(id !== undefined && REQUEST_ID.test(id) && { req: id }),
  };
}
