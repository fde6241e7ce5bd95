/**
 * Engine checkpoints: one row, replaced only by a checkpoint at the same or a later sequence,
 * in a single upsert so two workers racing to save cannot move recovery backwards. A state in
 * several parts (`Engine.snapshotParts`) keeps its first in the row and the others in
 * `checkpoint_parts`, replaced in the same transaction.
 */
import { type Checkpoint, type CheckpointStore, checkpointParts } from "@goodfaith/core";
import type { Backend } from "./backend.js";

const NAME = "engine";

/** The checkpoint store over a backend. */
export function createCheckpointStore(backend: Backend): CheckpointStore {
  return {
    async saveCheckpoint(checkpoint: Checkpoint): Promise<boolean> {
      const [first = "", ...rest] = checkpointParts(checkpoint);
      // Through `write`: on SQLite a bare write would fail at once while another connection
      // holds the write lock, instead of waiting its turn.
      return backend.write(async (trx) => {
        const saved = await trx
          .insertInto("checkpoints")
          .values({ name: NAME, seq: checkpoint.seq, state: first })
          .onConflict((oc) =>
            oc
              .column("name")
              .doUpdateSet({ seq: checkpoint.seq, state: first })
              .where("checkpoints.seq", "<=", checkpoint.seq),
          )
          .returning("name")
          .executeTakeFirst();
        if (saved === undefined) return false;
        await trx.deleteFrom("checkpoint_parts").where("name", "=", NAME).execute();
        // One part a statement, the event loop turning between them: on SQLite each statement
        // runs on this thread, and a large state is hundreds of parts. Other statements wait
        // for this transaction's connection meanwhile; a guard check needs none.
        const turn = () => new Promise((resolve) => setImmediate(resolve));
        for (const [i, text] of rest.entries()) {
          await backend.insertRows(trx, "checkpoint_parts", [{ name: NAME, part: i + 1, text }]);
          await turn();
        }
        return true;
      });
    },

    async discardCheckpoint(): Promise<void> {
      await backend.write(async (trx) => {
        await trx.deleteFrom("checkpoint_parts").where("name", "=", NAME).execute();
        await trx.deleteFrom("checkpoints").where("name", "=", NAME).execute();
      });
    },

    async loadCheckpoint(): Promise<Checkpoint | undefined> {
      // The row and its parts as one: a checkpoint saved between the two reads would mix them.
      // A read transaction: on SQLite it reads one snapshot of the file (WAL), without taking
      // the write lock; on PostgreSQL the row's share lock keeps savers out (a saver updates
      // the row first, so either it waits for this read or this read for its commit).
      return backend.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("checkpoints")
          .select(["seq", "state"])
          .where("name", "=", NAME)
          .$if(backend.rowLocks, (qb) => qb.forShare())
          .executeTakeFirst();
        if (row === undefined) return undefined;
        const rest = await trx
          .selectFrom("checkpoint_parts")
          .select("text")
          .where("name", "=", NAME)
          .orderBy("part")
          .execute();
        const state = rest.length === 0 ? row.state : [row.state, ...rest.map((r) => r.text)];
        return { seq: Number(row.seq), state };
      });
    },
  };
}
