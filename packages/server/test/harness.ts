/**
 * In-process test set-up: a real SQLite store in a temporary directory, the retail pack, the
 * app, and one API key per scope. Requests go through `app.request()`, no sockets.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { API_SCOPES, type ApiScope, loadPromises, type PromiseDocument } from "@goodfaith/core";
import { adoptPromises, openStore } from "@goodfaith/store";
import {
  type App,
  type AppOptions,
  createApiKey,
  createApp,
  IngestService,
  type ServerStore,
} from "../src/index.js";

const ROOT = new URL("../../../", import.meta.url);

/** The retail pack's promises as a file and its text. */
export async function retailSource(): Promise<{ file: string; text: string }> {
  const file = "packs/retail/promises.yaml";
  return { file, text: await readFile(new URL(file, ROOT), "utf8") };
}

/** The retail pack's promises, loaded. */
export async function retailPack(): Promise<PromiseDocument> {
  const { file, text } = await retailSource();
  const loaded = loadPromises(text, file);
  if (!loaded.ok) throw new Error("the retail pack does not load");
  return loaded.value;
}

/** The retail pack's sample events as JSON Lines. */
export function retailEvents(): Promise<string> {
  return readFile(new URL("packs/retail/events.jsonl", ROOT), "utf8");
}

/** Posts the retail pack's sample events to `h` as NDJSON (with the admin key). */
export async function postRetailEvents(h: Harness): Promise<Response> {
  return h.call("/v1/events", {
    body: await retailEvents(),
    headers: { "content-type": "application/x-ndjson" },
  });
}

/** Options of a request: which scope's key signs it (none: no Authorization header). */
export interface Call {
  readonly method?: string;
  readonly as?: ApiScope | "none" | string;
  readonly json?: unknown;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** A running app over a fresh store. */
export interface Harness {
  readonly app: App;
  readonly store: ServerStore;
  /** The ingestion service the app serves (and decides with). */
  readonly ingest: IngestService;
  /** The store's SQLite file (a CLI can open it too). */
  readonly db: string;
  readonly keys: Readonly<Record<ApiScope, string>>;
  call(path: string, call?: Call): Promise<Response>;
  close(): Promise<void>;
}

/** How the harness's store starts. */
export interface HarnessSetup {
  /** The store adopts the retail pack (version 1, actor `test`) and the app serves that set. @default false */
  readonly adopt?: boolean;
}

/** Opens a store in a temporary directory and serves the retail pack over it. */
export async function harness(
  options: Partial<AppOptions> = {},
  setup: HarnessSetup = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), "goodfaith-server-"));
  const db = join(dir, "goodfaith.db");
  const store = (await openStore(db)) as ServerStore;
  const pack = await retailPack();
  const documents = [pack];
  const source = { ...(await retailSource()), company: pack.company, version: pack.version };
  const set = setup.adopt
    ? (await adoptPromises(store, [source], { actor: "test" })).set
    : undefined;
  const ingest = await IngestService.open(store, documents, set && { set });
  const app = createApp({ store, ingest, onError: () => {}, ...options });
  const keys = {} as Record<ApiScope, string>;
  for (const scope of API_SCOPES)
    keys[scope] = (await createApiKey(store, `${scope} key`, [scope])).key;
  return {
    app,
    store,
    ingest,
    db,
    keys,
    call(path, call = {}) {
      const headers: Record<string, string> = { ...call.headers };
      const as = call.as ?? "admin";
      if (as !== "none") headers.authorization = `Bearer ${keys[as as ApiScope] ?? as}`;
      let body = call.body;
      if (call.json !== undefined) {
        body = JSON.stringify(call.json);
        headers["content-type"] ??= "application/json";
      }
      return Promise.resolve(
        app.app.request(path, {
          method: call.method ?? (body === undefined ? "GET" : "POST"),
          headers,
          ...(body !== undefined && { body }),
        }),
      );
    },
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An `order.placed` of c-9 for one item, paid in full by card. */
function placedByC9(id: string, time: string, order: string, item: Record<string, string>) {
  const { price = "0.00" } = item;
  return {
    id,
    type: "order.placed",
    time,
    customer: "c-9",
    data: {
      order,
      currency: "EUR",
      items: [item],
      total: price,
      payments: [{ method: "card", amount: price }],
    },
  };
}

/** A purchase, then a price drop big enough to need a person's approval (retail pack: over 250.00). */
export const BIG_PRICE_DROP = [
  placedByC9("t-order", "2026-11-02T09:00:00Z", "o-9", {
    sku: "tv-oled",
    kind: "physical",
    title: "OLED TV",
    price: "1500.00",
  }),
  {
    id: "t-drop",
    type: "price.changed",
    time: "2026-11-04T09:00:00Z",
    data: { sku: "tv-oled", price: "1000.00", currency: "EUR", previousPrice: "1500.00" },
  },
];

/** A book bought by c-9: the guard warns of buying it again (retail pack: already-owned). */
export const BOOK_ORDER = placedByC9("t-book", "2026-11-01T09:00:00Z", "o-book", {
  sku: "isbn-1",
  kind: "book",
  title: "A book",
  price: "20.00",
});

/** Ingests `BIG_PRICE_DROP` and resolves to the key of the remedy awaiting approval. */
export async function awaitingRemedy(h: Harness): Promise<string> {
  const res = await h.call("/v1/events", { json: BIG_PRICE_DROP });
  if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
  const page = await h.store.listRemedies({ status: ["awaiting_approval"] });
  const key = page.remedies[0]?.key;
  if (key === undefined) throw new Error("no remedy awaits approval");
  return key;
}
