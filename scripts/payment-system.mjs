// @ts-check
/**
 * A payment system for the outbox crash harness (scripts/outbox-crash-harness.mjs), on
 * 127.0.0.1, behaving like a real one towards the webhook executor:
 *   - it checks the `Goodfaith-Signature` of every request (400 when it does not match);
 *   - it de-duplicates by `Idempotency-Key`: a key seen before gets the first answer again and
 *     counts as a repeat, never a second payment (a 5xx is not an answer: it is not kept);
 *   - each key behaves as its hash says: paid at once (200 executed), paid and confirmed later
 *     (202, then `POST …/confirm` to the callback link with an executor key), failing retryably
 *     once or twice first (503 or 429), refused for good (200 failed), or refused by callback;
 *   - it records every request, payment and callback, and can kill the worker while a request
 *     is in flight (after paying, before or just after answering).
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { verifyWebhookSignature } from "@goodfaith/store";

/** @typedef {"direct" | "async" | "flaky" | "refused" | "async-refused"} Behaviour */

/**
 * @typedef {object} ReceivedRequest
 * @property {string} key The Idempotency-Key header.
 * @property {number} attempt The body's attempt number.
 * @property {boolean} signed Whether the signature matched.
 * @property {boolean} consistent Header, body and remedy name the same key.
 * @property {string} remedy The body's `remedy`, as JSON.
 * @property {"paid" | "repeat" | "retryable" | "refused" | "accepted" | "bad-signature"} outcome
 */

/**
 * @typedef {object} Payment
 * @property {string} key
 * @property {string} reference
 * @property {unknown} amount The body's `remedy.amount`.
 * @property {unknown} tenders The body's `remedy.tenders`.
 */

/**
 * @typedef {object} CallbackAnomaly
 * @property {string} key
 * @property {string} action
 * @property {number} status
 * @property {string} body
 */

/**
 * @typedef {object} KillArm
 * @property {number} nth Kill on this request of the run (1-based).
 * @property {"before-answer" | "after-answer"} phase
 * @property {() => boolean} kill
 */

/** Which way a key goes, from the seed and the key alone (the same in every run). @param {number} seed @param {string} key @returns {Behaviour} */
export function behaviourOf(seed, key) {
  const u = createHash("sha256").update(`${seed}:${key}`).digest().readUInt32BE(0) / 2 ** 32;
  if (u < 0.5) return "direct";
  if (u < 0.75) return "async";
  if (u < 0.88) return "flaky";
  if (u < 0.94) return "refused";
  return "async-refused";
}

/**
 * Starts the payment system. `random` draws answer delays and retryable failures.
 * @param {{ secret: string, seed: number, random: () => number }} options
 */
export async function startPaymentSystem({ secret, seed, random }) {
  /** @type {ReceivedRequest[]} */
  let requests = [];
  /** @type {Payment[]} */
  let payments = [];
  /** @type {Map<string, { status: number, body: string }>} */
  let answers = new Map();
  /** @type {Map<string, string>} the first request's `remedy` per key */
  let firstRemedy = new Map();
  /** @type {Map<string, number>} retryable failures answered per key */
  let failures = new Map();
  /** @type {CallbackAnomaly[]} */
  let anomalies = [];
  let callbacksSent = 0;
  let executorKey = "";
  let pendingCallbacks = 0;
  let runRequests = 0;
  /** @type {KillArm | undefined} */
  let arm;
  /** @type {string | undefined} */
  let killedBy;
  let closing = false;

  /** @param {string} key @param {"confirm" | "fail"} action @param {string} url @param {object} body */
  async function callback(key, action, url, body) {
    pendingCallbacks++;
    try {
      await sleep(30 + Math.floor(random() * 270));
      for (let tries = 0; !closing; tries++) {
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: {
              authorization: `Bearer ${executorKey}`,
              "content-type": "application/json",
            },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          const text = await res.text();
          callbacksSent++;
          if (res.status === 200) return;
          // An outage or a rate limit is tried again; any other answer is a finding.
          if (res.status < 500 && res.status !== 429) {
            anomalies.push({ key, action, status: res.status, body: text.slice(0, 500) });
            return;
          }
        } catch {
          // Not reachable (yet): tried again.
        }
        await sleep(Math.min(1000, 100 * 2 ** Math.min(tries, 4)));
      }
    } finally {
      pendingCallbacks--;
    }
  }

  /** @param {string} raw @param {import("node:http").IncomingHttpHeaders} headers @returns {{ status: number, body: string }} */
  function decide(raw, headers) {
    const key = String(headers["idempotency-key"] ?? "");
    const signature = headers["goodfaith-signature"];
    const signed = verifyWebhookSignature(
      raw,
      Array.isArray(signature) ? signature[0] : signature,
      secret,
    ).ok;
    /** @type {any} */
    let body = {};
    try {
      body = JSON.parse(raw);
    } catch {
      // Unsigned garbage is refused below.
    }
    const remedy = JSON.stringify(body?.remedy ?? null);
    const consistent = body?.idempotencyKey === key && body?.remedy?.key === key && key !== "";
    /** @param {ReceivedRequest["outcome"]} outcome */
    const record = (outcome) =>
      requests.push({ key, attempt: Number(body?.attempt), signed, consistent, remedy, outcome });
    if (!signed) {
      record("bad-signature");
      return { status: 400, body: '{"error":"bad signature"}' };
    }
    if (!firstRemedy.has(key)) firstRemedy.set(key, remedy);
    const kept = answers.get(key);
    if (kept !== undefined) {
      record("repeat");
      return kept;
    }
    const behaviour = behaviourOf(seed, key);
    const failed = failures.get(key) ?? 0;
    if (behaviour === "flaky" && failed < 1 + (key.length % 2)) {
      failures.set(key, failed + 1);
      record("retryable");
      return random() < 0.5
        ? { status: 503, body: '{"error":"try again"}' }
        : { status: 429, body: '{"error":"slow down"}' };
    }
    /** @type {{ status: number, body: string }} */
    let answer;
    if (behaviour === "refused") {
      record("refused");
      answer = {
        status: 200,
        body: JSON.stringify({ status: "failed", error: "account closed", retryable: false }),
      };
    } else if (behaviour === "async-refused") {
      record("accepted");
      answer = { status: 202, body: '{"status":"accepted"}' };
      void callback(key, "fail", body.callbacks?.fail, {
        error: "card expired",
        retryable: false,
      });
    } else {
      const reference = `pay-${payments.length + 1}`;
      payments.push({ key, reference, amount: body.remedy.amount, tenders: body.remedy.tenders });
      record("paid");
      if (behaviour === "async") {
        answer = { status: 202, body: '{"status":"accepted"}' };
        void callback(key, "confirm", body.callbacks?.confirm, { reference });
      } else {
        answer = { status: 200, body: JSON.stringify({ status: "executed", reference }) };
      }
    }
    answers.set(key, answer);
    return answer;
  }

  const server = createServer(async (req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const chunk of req) chunks.push(/** @type {Buffer} */ (chunk));
    // Decided (and paid) at once, so two requests with one key never both pay.
    const answer = decide(Buffer.concat(chunks).toString("utf8"), req.headers);
    runRequests++;
    const kill = arm !== undefined && arm.nth === runRequests ? arm : undefined;
    if (kill?.phase === "before-answer" && kill.kill()) killedBy = "before-answer";
    await sleep(Math.floor(random() * 20));
    res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
    if (kill?.phase === "after-answer") {
      setImmediate(() => {
        if (kill.kill()) killedBy = "after-answer";
      });
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/payments`,
    /** A new round: a new store, its executor key, nothing seen yet. @param {string} key */
    begin(key) {
      executorKey = key;
      requests = [];
      payments = [];
      answers = new Map();
      firstRemedy = new Map();
      failures = new Map();
      anomalies = [];
      callbacksSent = 0;
    },
    /** A new run of the worker: kill it on a request of its own, if `killArm` says so. @param {KillArm | undefined} killArm */
    startRun(killArm) {
      runRequests = 0;
      arm = killArm;
      killedBy = undefined;
    },
    /** What the current run's requests were, and whether one of them killed it. */
    endRun() {
      const out = { requests: runRequests, killedBy };
      arm = undefined;
      return out;
    },
    get pendingCallbacks() {
      return pendingCallbacks;
    },
    /** What the payment system saw this round. */
    snapshot() {
      return {
        requests: [...requests],
        payments: [...payments],
        firstRemedy: new Map(firstRemedy),
        anomalies: [...anomalies],
        callbacksSent,
        /** Keys whose kept answer is a refusal (at once or by callback). */
        refused: new Set(
          [...answers.keys()].filter((k) => {
            const b = behaviourOf(seed, k);
            return b === "refused" || b === "async-refused";
          }),
        ),
      };
    },
    close() {
      closing = true;
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startPaymentSystem>>} PaymentSystem */
