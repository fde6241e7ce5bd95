/**
 * Promise sets: one row per adopted version, its documents in a table of their own so a history
 * reads no text. Adoption holds a lock (advisory on PostgreSQL, the single writer on SQLite)
 * while it compares with the latest version and inserts the next; the primary key on `version`
 * makes two rows of one version impossible even so.
 */
import type {
  AdoptPromiseSetResult,
  NewPromiseSet,
  PromiseSet,
  PromiseSetFollowUp,
  PromiseSetStore,
  PromiseSetVersion,
  PromiseSource,
} from "@goodfaith/core";
import type { Kysely, Selectable } from "kysely";
import type { Backend } from "./backend.js";
import { digestJson } from "./ledger/canonical-json.js";
import { chainLock, entryRow, follows, head } from "./ledger-store.js";
import type { Database, PromiseSetDocumentsTable, PromiseSetsTable } from "./schema.js";

const LOCK = "promise-sets";

/** The digest of a set (see the core's `PromiseSetVersion.digest`). */
export function promiseSetDigest(sources: readonly PromiseSource[]): string {
  return digestJson(sources.map((s) => s.text));
}

type DocumentRow = Pick<
  Selectable<PromiseSetDocumentsTable>,
  "set_version" | "file" | "company" | "doc_version"
>;

function source(row: Selectable<PromiseSetDocumentsTable>): PromiseSource {
  return {
    file: row.file,
    text: row.source,
    ...(row.company !== null && { company: row.company }),
    ...(row.doc_version !== null && { version: row.doc_version }),
  };
}

function versionOf(
  row: Selectable<PromiseSetsTable>,
  docs: readonly DocumentRow[],
): PromiseSetVersion {
  return {
    version: Number(row.version),
    digest: row.digest,
    adoptedAt: Number(row.adopted_at_ms),
    actor: row.actor,
    documents: docs.map((d) => ({
      file: d.file,
      ...(d.company !== null && { company: d.company }),
      ...(d.doc_version !== null && { version: d.doc_version }),
    })),
  };
}

// The documents of every version (`version` alone if given), without their text, in order.
async function documentsOf(
  db: Kysely<Database>,
  version?: number,
): Promise<Map<number, DocumentRow[]>> {
  const rows = await db
    .selectFrom("promise_set_documents")
    .select(["set_version", "file", "company", "doc_version"])
    .$if(version !== undefined, (q) => q.where("set_version", "=", version ?? 0))
    .orderBy("set_version")
    .orderBy("position")
    .execute();
  const byVersion = new Map<number, DocumentRow[]>();
  for (const row of rows) {
    const v = Number(row.set_version);
    const docs = byVersion.get(v);
    if (docs === undefined) byVersion.set(v, [row]);
    else docs.push(row);
  }
  return byVersion;
}

async function latest(db: Kysely<Database>): Promise<Selectable<PromiseSetsTable> | undefined> {
  return db
    .selectFrom("promise_sets")
    .selectAll()
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

async function adopt(
  backend: Backend,
  set: NewPromiseSet,
  ledger: PromiseSetFollowUp | undefined,
): Promise<AdoptPromiseSetResult> {
  if (set.sources.length === 0) throw new TypeError("adoptPromiseSet needs at least one document");
  const digest = promiseSetDigest(set.sources);
  const locks = ledger ? [LOCK, chainLock(ledger.chain)] : [LOCK];
  return backend.write(async (trx): Promise<AdoptPromiseSetResult> => {
    const current = await latest(trx);
    if (current !== undefined && current.digest === digest) {
      const version = Number(current.version);
      const docs = await documentsOf(trx, version);
      return { adopted: false, set: versionOf(current, docs.get(version) ?? []) };
    }
    const row = {
      version: current === undefined ? 1 : Number(current.version) + 1,
      digest,
      adopted_at_ms: set.at,
      actor: set.actor,
    };
    // A set adopted before, and since replaced: going back to it is a version of its own.
    const earlier = await trx
      .selectFrom("promise_sets")
      .select((eb) => eb.fn.max("version").as("version"))
      .where("digest", "=", digest)
      .executeTakeFirst();
    const repeats = earlier?.version == null ? undefined : Number(earlier.version);
    await trx.insertInto("promise_sets").values(row).execute();
    const documents = set.sources.map((s, position) => ({
      set_version: row.version,
      position,
      file: s.file,
      company: s.company ?? null,
      doc_version: s.version ?? null,
      source: s.text,
    }));
    await trx.insertInto("promise_set_documents").values(documents).execute();
    const adopted = versionOf(row, documents);
    if (ledger !== undefined) {
      const top = await head(trx, ledger.chain);
      const entry = ledger.entry(adopted, top);
      // A bug in the caller; throwing rolls the version back with it.
      if (entry.chain !== ledger.chain || !follows(top, entry)) {
        throw new Error(`the adoption's ledger entry does not continue chain ${ledger.chain}`);
      }
      await backend.insertRows(trx, "ledger_entries", [entryRow(entry)]);
    }
    return { adopted: true, set: adopted, ...(repeats !== undefined && { repeats }) };
  }, locks);
}

/** The promise set store over a backend. */
export function createPromiseSetStore(backend: Backend): PromiseSetStore {
  const { db } = backend;
  return {
    adoptPromiseSet: (set, ledger) => adopt(backend, set, ledger),

    async promiseSet(version?: number): Promise<PromiseSet | undefined> {
      const row =
        version === undefined
          ? await latest(db)
          : await db
              .selectFrom("promise_sets")
              .selectAll()
              .where("version", "=", version)
              .executeTakeFirst();
      if (row === undefined) return undefined;
      const docs = await db
        .selectFrom("promise_set_documents")
        .selectAll()
        .where("set_version", "=", row.version)
        .orderBy("position")
        .execute();
      return { ...versionOf(row, docs), sources: docs.map(source) };
    },

    async promiseSetHistory(): Promise<readonly PromiseSetVersion[]> {
      const rows = await db.selectFrom("promise_sets").selectAll().orderBy("version").execute();
      const docs = await documentsOf(db);
      return rows.map((r) => versionOf(r, docs.get(Number(r.version)) ?? []));
    },

    async currentPromiseSetVersion(): Promise<number | undefined> {
      const row = await db
        .selectFrom("promise_sets")
        .select("version")
        .orderBy("version", "desc")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : Number(row.version);
    },
  };
}
