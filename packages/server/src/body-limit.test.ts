import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitBody } from "./body-limit.js";
import type { AppEnv } from "./env.js";

const LIMIT = 64;

/** Posts `chunks` over a real socket: with Content-Length when `declared`, else chunked. */
function post(port: number, chunks: string[], declared: boolean) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/echo",
        headers: declared ? { "content-length": String(total) } : {},
      },
      (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("limitBody over a real socket", () => {
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    const app = new Hono<AppEnv>();
    app.use(limitBody(LIMIT, (c) => c.text("too large", 413)));
    app.post("/echo", async (c) => c.text(await c.req.text()));
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it("passes a declared body within the limit to the handler, unread", async () => {
    expect(await post(port, ["x".repeat(LIMIT)], true)).toEqual({
      status: 200,
      body: "x".repeat(LIMIT),
    });
  });

  it("refuses a declared body over the limit by its Content-Length", async () => {
    expect((await post(port, ["x".repeat(LIMIT + 1)], true)).status).toBe(413);
  });

  it("counts a chunked body as it streams: refused over the limit, passed within it", async () => {
    const half = "y".repeat(LIMIT / 2);
    expect((await post(port, [half, half, "y"], false)).status).toBe(413);
    expect(await post(port, [half, half], false)).toEqual({ status: 200, body: half + half });
  });
});
