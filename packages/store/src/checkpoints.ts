/**
 * Engine checkpoints: one row, replaced only by a checkpoint at the same or a later sequence,
 * in a single upsert so two workers racing to save cannot move recovery backwards.
 */
import type { Checkpoint, CheckpointStore } from "@goodfaith/core";
import type { Backend } from "./backend.js";

const NAME = "engine";

/** The checkpoint store over a backend. */
export function createCheckpointStore(backend: Backend): CheckpointStore {
  return {
    async saveCheckpoint(checkpoint: Checkpoint): Promise<boolean> {
      // Through `write`: on SQLite a bare write would fail at once while another connection
      // holds the write lock, instead of waiting its turn.
      const saved = await backend.write((trx) =>
        trx
          .insertInto("checkpoints")
          .values({ name: NAME, seq: checkpoint.seq, state: checkpoint.state })
          .onConflict((oc) =>
            oc
              .column("name")
              .doUpdateSet({ seq: checkpoint.seq, state: checkpoint.state })
              .where("checkpoints.seq", "<=", checkpoint.seq),
          )
          .returning("name")
          .executeTakeFirst(),
      );
      return saved !== undefined;
    },

    async discardCheckpoint(): Promise<void> {
      await backend.write((trx) =>
        trx.deleteFrom("checkpoints").where("name", "=", NAME).execute(),
      );
    },

    async loadCheckpoint(): Promise<Checkpoint | undefined> {
      const row = await backend.db
        .selectFrom("checkpoints")
        .select(["seq", "state"])
        .where("name", "=", NAME)
        .executeTakeFirst();
      return row && { seq: Number(row.seq), state: row.state };
    },
  };
}
