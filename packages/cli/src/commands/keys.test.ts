import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";

describe("goodfaith keys", () => {
  it("creates a key (secret shown once), lists it without the secret, revokes it", async () => {
    const db = tempDb();
    const created = await cli([
      "keys",
      "create",
      "--scope",
      "guard",
      "ingest",
      "--name",
      "checkout",
      "--db",
      db,
      "--json",
    ]);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.out[0] ?? "{}") as { id: string; key: string; scopes: string[] };
    expect(key.key).toMatch(new RegExp(`^gf_${key.id}_`));
    expect(key.scopes).toEqual(["guard", "ingest"]);
    const listed = await cli(["keys", "list", "--db", db]);
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toContain(`${key.id}  checkout  [guard, ingest]`);
    expect(listed.out.join("\n")).not.toContain(key.key);
    const revoked = await cli(["keys", "revoke", key.id, "--db", db], "sv");
    expect(revoked.out).toEqual([`återkallade API-nyckeln ${key.id}`]);
    const again = await cli(["keys", "revoke", key.id, "--db", db]);
    expect(again.code).toBe(2);
    const json = await cli(["keys", "list", "--db", db, "--json"]);
    expect(JSON.parse(json.out[0] ?? "{}")).toHaveProperty("revokedAt");
  });

  it("prints the secret in human output too, in the chosen language", async () => {
    const db = tempDb();
    const created = await cli(["keys", "create", "-s", "admin", "--db", db], "zh-CN");
    expect(created.out[0]).toMatch(/^已创建 API 密钥 [0-9a-f]{12}（unnamed），权限：admin$/);
    expect(created.out[2]).toMatch(/^ {2}gf_/);
  });

  it("says so when there is no store to list", async () => {
    const run = await cli(["keys", "list", "--db", `${tempDb()}-missing`]);
    expect(run.code).toBe(1);
    expect(run.err[0]).toContain("no store here");
  });
});
