/**
 * The checkpoint port: the engine's state at a position of the event log, so a restart
 * replays only the events after it instead of the whole log.
 */

/** Engine state as of event `seq` (everything up to and including it has been applied). */
export interface Checkpoint {
  readonly seq: number;
  /**
   * The engine's own serialization, in one part or several (`Engine.snapshotParts`: a large
   * state does not fit in one string); the store keeps them opaque and in order, and gives
   * back one part as a string.
   */
  readonly state: string | readonly string[];
}

/** A checkpoint's state as its list of parts. */
export function checkpointParts(checkpoint: Checkpoint): readonly string[] {
  return typeof checkpoint.state === "string" ? [checkpoint.state] : checkpoint.state;
}

/** Keeps the latest checkpoint. */
export interface CheckpointStore {
  /**
   * Saves `checkpoint` unless one at a later `seq` is already saved (a slow worker must not
   * move recovery backwards); resolves to whether it was saved.
   */
  saveCheckpoint(checkpoint: Checkpoint): Promise<boolean>;
  /** The latest checkpoint, or undefined before the first. */
  loadCheckpoint(): Promise<Checkpoint | undefined>;
  /**
   * Deletes the checkpoint, so the next start rebuilds the engine from the whole log — after
   * an erasure, the state must not keep what the log no longer holds.
   */
  discardCheckpoint(): Promise<void>;
}
