/**
 * A TCP relay to a server (PostgreSQL, in the outage tests) that a test can cut — every
 * connection dropped and nothing listening, as when the database is gone — and then restore
 * on the same port, so a store opened through it sees an outage and a recovery.
 */
import { createServer, connect as netConnect, type Server, type Socket } from "node:net";

/** A running relay: `port` on 127.0.0.1 leads to the target while not cut. */
export interface Relay {
  readonly port: number;
  /** Drops every connection and stops listening. */
  cut(): Promise<void>;
  /** Listens on the same port again. */
  restore(): Promise<number>;
}

/** Starts a relay to `host:port` on a free port of 127.0.0.1. */
export async function relay(host: string, port: number): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (on: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = netConnect(port, host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(on, "127.0.0.1", () => {
        server = s;
        resolve((s.address() as { port: number }).port);
      });
    });
  const at = await listen(0);
  return {
    port: at,
    async cut() {
      const closed = new Promise((resolve) => server?.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: () => listen(at),
  };
}

/** `url` with its host and port replaced by the relay's. */
export function throughRelay(url: string, link: Relay): string {
  const through = new URL(url);
  through.hostname = "127.0.0.1";
  through.port = String(link.port);
  return through.toString();
}

/** A relay to the server `url` names (PostgreSQL's default port when it names none). */
export function relayTo(url: string): Promise<Relay> {
  const target = new URL(url);
  return relay(target.hostname, Number(target.port || 5432));
}
