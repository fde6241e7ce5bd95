/** The conformance suite against SQLite: a temporary database file per test. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describeStoreConformance } from "./conformance.js";
import { openStore } from "./open-store.js";

describeStoreConformance({
  name: "SQLite",
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), "goodfaith-store-"));
    const path = join(dir, "goodfaith.db");
    return {
      open: () => openStore(path),
      async failInsertOfEvent(id) {
        const db = new BetterSqlite3(path, { timeout: 5000 });
        try {
          db.exec(
            `CREATE TRIGGER gf_fail BEFORE INSERT ON events WHEN NEW.id = '${id.replaceAll("'", "''")}'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`,
          );
        } finally {
          db.close();
        }
      },
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  },
});
