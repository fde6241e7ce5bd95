/** `startServer`: the app on Node's HTTP server, with a clean shutdown. */
import { type ServerType, serve } from "@hono/node-server";
import type { App } from "./app.js";

/** Where to listen. */
export interface ListenOptions {
  /** 0 picks a free port. @default 8080 */
  readonly port?: number;
  /** @default "127.0.0.1" (only this machine; pass "0.0.0.0" to listen on every interface) */
  readonly hostname?: string;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves once open ones are done. */
  close(): Promise<void>;
}

/** Serves `app` over HTTP; resolves once it listens. */
export function startServer(app: App, options: ListenOptions = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const fail = (error: Error) => reject(error);
    server = serve({ fetch: app.app.fetch, port: options.port ?? 8080, hostname }, (info) => {
      server?.off("error", fail);
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, failed) => {
            server?.close((error) => (error ? failed(error) : done()));
            (server as { closeIdleConnections?: () => void })?.closeIdleConnections?.();
          }),
      });
    });
    server.once("error", fail);
  });
}
