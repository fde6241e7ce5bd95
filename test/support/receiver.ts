/** A real HTTP receiver on 127.0.0.1 (port 0) for the webhook tests: records requests, answers from a script. */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got. */
export interface Received {
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** How to answer a request. */
export interface Answer {
  readonly status: number;
  readonly body?: string;
}

/** A running receiver. */
export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** Starts a receiver; `answer` decides each response (after the request is recorded). */
export async function startReceiver(
  answer: (request: Received, index: number) => Answer | Promise<Answer>,
): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    received.push(request);
    const a = await answer(request, received.length - 1);
    res.writeHead(a.status, { "content-type": "application/json" }).end(a.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
