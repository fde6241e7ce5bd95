/**
 * The conformance suite against PostgreSQL: a fresh schema per test, dropped after it.
 * Where no server answers, the suite skips and says how to run it; under CI it fails, because
 * CI must run it.
 */
import { describePostgres, dropSchema, pgAdmin } from "../../../test/support/postgres.js";
import { describeStoreConformance } from "./conformance.js";
import { openStore } from "./open-store.js";

await describePostgres("store conformance", ({ url, freshSchema }) => {
  describeStoreConformance({
    name: "PostgreSQL",
    async fresh() {
      const schema = freshSchema();
      return {
        open: () => openStore(url, { schema, maxConnections: 4 }),
        failInsertOfEvent: (id) =>
          pgAdmin(async (client) => {
            const literal = `'${id.replaceAll("'", "''")}'`;
            await client.query(`
              create function "${schema}".gf_fail() returns trigger language plpgsql as $$
              begin
                if new.id = ${literal} then raise exception 'injected failure'; end if;
                return new;
              end $$;
              create trigger gf_fail before insert on "${schema}".events
                for each row execute function "${schema}".gf_fail();`);
          }),
        dispose: async () => {
          await dropSchema(schema);
        },
      };
    },
  });
});
