/**
 * What the conformance suite needs from an adapter, and the per-test set-up: a fresh
 * database, stores opened on it (one or several, for concurrency), and clean-up afterwards.
 */
import type { Store } from "@goodfaith/core";
import { it } from "vitest";

/** One empty database, made for one test. */
export interface TestDatabase {
  /** Opens a store on this database; call it again for a second, independent writer. */
  open(): Promise<Store>;
  /**
   * Makes the database itself refuse to insert the event with this id (a trigger raising an
   * error), so the suite can break a batch in the middle and see that none of it stayed.
   */
  failInsertOfEvent(id: string): Promise<void>;
  /** Removes the database; every store opened on it is closed first. */
  dispose(): Promise<void>;
}

/** An adapter under test. */
export interface ConformanceTarget {
  /** Shown in the test names, e.g. "SQLite". */
  readonly name: string;
  /** A fresh, empty database. */
  fresh(): Promise<TestDatabase>;
}

/** What a test gets: a store on a fresh database, and a way to open more on the same one. */
export interface StoreContext {
  readonly store: Store;
  open(): Promise<Store>;
  failInsertOfEvent(id: string): Promise<void>;
}

/** Registers a test that runs `body` against a store on a fresh database of `target`. */
export function storeTest(
  target: ConformanceTarget,
  name: string,
  body: (context: StoreContext) => Promise<void>,
): void {
  it(name, async () => {
    const database = await target.fresh();
    const opened: Store[] = [];
    const open = async () => {
      const store = await database.open();
      opened.push(store);
      return store;
    };
    try {
      const store = await open();
      await body({
        store,
        open,
        failInsertOfEvent: (id) => database.failInsertOfEvent(id),
      });
    } finally {
      for (const store of opened) await store.close();
      await database.dispose();
    }
  });
}
