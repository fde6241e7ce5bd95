// `customers show` on a store adapter without the customer-events port: here, SQLite with the
// port hidden (every adapter in the repository has it).
import { openStore } from "@goodfaith/store";
import { expect, it, vi } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";

vi.mock("@goodfaith/store", async (importOriginal) => {
  const store = await importOriginal<typeof import("@goodfaith/store")>();
  const withoutPort = (opened: object) =>
    new Proxy(opened, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key === "readCustomerEvents") return undefined;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { ...store, openStore: async (url: string) => withoutPort(await store.openStore(url)) };
});

it("customers show says in the reader's language that the store cannot read a customer's events", async () => {
  const db = tempDb();
  await (await openStore(db)).close();
  for (const [lang, said] of [
    ["en", "this store cannot read a customer's events"],
    ["zh-CN", "此存储无法读取客户的事件"],
    ["sv", "det här lagret kan inte läsa en kunds händelser"],
  ] as const) {
    expect(await cli(["customers", "show", "c-1", "--db", db], lang)).toEqual({
      out: [],
      err: [said],
      code: 1,
    });
  }
});
