/**
 * The request body limit. A request that declares its length is judged by its header alone:
 * Node's parser never reads past a declared `Content-Length`, so that is the body's true
 * size, and the body is left unread for the handler (touching `c.req.raw.body` would make
 * @hono/node-server build a web stream and a full `Request` — most of a small request's
 * cost). Only a chunked body, whose size is unknown, is counted as it streams, by Hono's
 * own `bodyLimit`.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./env.js";

/** Rejects bodies over `maxSize` bytes with `tooLarge`'s response. */
export function limitBody(
  maxSize: number,
  tooLarge: (c: Context<AppEnv>) => Response,
): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(length) > maxSize ? Promise.resolve(tooLarge(c)) : next();
    }
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return streamed(c, next);
  };
}
