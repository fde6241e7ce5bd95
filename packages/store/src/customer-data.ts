/**
 * Personal data, by customer and field, in its own table: the ledger only ever holds a
 * customer's pseudonymous key, so erasing these rows leaves every chain verifiable.
 */
import type { CustomerDataItem, CustomerDataStore } from "@goodfaith/core";
import { type Backend, chunks } from "./backend.js";

const INSERT_CHUNK = 500;

/** The customer data store over a backend. */
export function createCustomerDataStore(backend: Backend): CustomerDataStore {
  const { db } = backend;
  return {
    async putCustomerData(customer: string, items: readonly CustomerDataItem[]): Promise<void> {
      // The last value given for a field wins, as if the items were put one by one.
      const byField = new Map(items.map((item) => [item.field, item]));
      if (byField.size === 0) return;
      await backend.write(async (trx) => {
        for (const chunk of chunks([...byField.values()], INSERT_CHUNK)) {
          await trx
            .insertInto("customer_data")
            .values(
              chunk.map((item) => ({
                customer,
                field: item.field,
                value: item.value,
                purpose: item.purpose ?? null,
                at_ms: item.at,
              })),
            )
            .onConflict((oc) =>
              oc.columns(["customer", "field"]).doUpdateSet((eb) => ({
                value: eb.ref("excluded.value"),
                purpose: eb.ref("excluded.purpose"),
                at_ms: eb.ref("excluded.at_ms"),
              })),
            )
            .execute();
        }
      });
    },

    async getCustomerData(customer: string): Promise<readonly CustomerDataItem[]> {
      const rows = await db
        .selectFrom("customer_data")
        .selectAll()
        .where("customer", "=", customer)
        .orderBy("field")
        .execute();
      return rows.map((r) => ({
        field: r.field,
        value: r.value,
        ...(r.purpose !== null && { purpose: r.purpose }),
        at: Number(r.at_ms),
      }));
    },

    async eraseCustomerData(customer: string): Promise<number> {
      const result = await backend.write((trx) =>
        trx.deleteFrom("customer_data").where("customer", "=", customer).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
