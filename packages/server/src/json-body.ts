/**
 * A JSON body checked against its zod schema inside the handler, for hot routes. It answers
 * as the validators `app.openapi()` adds would (their media-type gate, Hono's JSON read, the
 * app's `defaultHook`), without their three awaited middleware hops and zod's async parse.
 * Such a route registers itself for the OpenAPI document only (`openAPIRegistry.registerPath`).
 */
import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env.js";
import { invalidRequest } from "./zod-issues.js";

// @hono/zod-openapi's gate for a declared application/json body (its `jsonRequestRegex`).
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

const unsupported = () => new HTTPException(415, { message: "Unsupported Media Type" });

/** The request's JSON body as `schema` parses it; throws what the route validators would. */
export async function validJsonBody<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
): Promise<z.output<T>> {
  const type = c.req.header("content-type");
  // Without a Content-Type an empty body is validated as `{}`, and any other is refused.
  let input: unknown = {};
  if (type === undefined) {
    if ((await c.req.arrayBuffer()).byteLength > 0) throw unsupported();
  } else if (!JSON_REQUEST.test(type)) {
    throw unsupported();
  } else {
    try {
      input = await c.req.json();
    } catch {
      // `onError` reads the body again to say where it breaks, as for Hono's own validator.
      throw new HTTPException(400, { message: "Malformed JSON in request body" });
    }
  }
  const result = schema.safeParse(input);
  if (!result.success) throw invalidRequest(result.error, "json", input, c.get("lang"));
  return result.data;
}
