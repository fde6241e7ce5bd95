import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";

describe("goodfaith webhooks and outbox run", () => {
  it("adds an endpoint (secret once), lists it, replays, and runs the outbox once", async () => {
    const db = tempDb();
    const added = await cli([
      "webhooks",
      "add",
      "http://127.0.0.1:9/hook",
      "--events",
      "remedy.executed",
      "remedy.dead",
      "--db",
      db,
      "--json",
    ]);
    expect(added.code).toBe(0);
    const endpoint = JSON.parse(added.out[0] ?? "{}") as { id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await cli(["webhooks", "list", "--db", db], "sv");
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toMatch(
      new RegExp(
        `^${endpoint.id}  http://127.0.0.1:9/hook  \\[remedy.executed, remedy.dead\\]  \\S`,
      ),
    );
    expect(listed.out.join("\n")).not.toContain(endpoint.secret);
    const nothing = await cli(["webhooks", "replay", "--dead", "--db", db]);
    expect(nothing.code).toBe(2);
    expect((await cli(["webhooks", "replay", "--db", db])).code).toBe(1);
    const run = await cli(["outbox", "run", "--once", "--db", db], "zh-CN");
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^发件箱：已执行 0 项/);
    const bad = await cli(["outbox", "run", "--once", "--executor", "webhook", "--db", db]);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain("--url");
  });

  it("says in the reader's language what replay and the outbox lack", async () => {
    const db = tempDb();
    expect(
      (await cli(["webhooks", "add", "http://127.0.0.1:9/h", "-e", "remedy.dead", "--db", db]))
        .code,
    ).toBe(0);
    const said = async (lang: "zh-CN" | "sv", ...args: string[]) => {
      const run = await cli([...args, "--db", db], lang);
      expect(run.code).toBe(1);
      return run.err;
    };
    expect(await said("sv", "webhooks", "replay")).toEqual([
      "ange ett leverans-id eller --dead (inte båda)",
    ]);
    const once = ["outbox", "run", "--once"];
    expect(await said("zh-CN", ...once, "--lease-ms", "abc")).toEqual([
      "--lease-ms 必须是大于等于 1 的整数",
    ]);
    expect(await said("sv", ...once, "--interval-ms", "abc")).toEqual([
      "--interval-ms måste vara ett heltal som är minst 1",
    ]);
    const webhook = [...once, "--executor", "webhook"];
    expect(await said("zh-CN", ...webhook)).toEqual([
      "--executor webhook 需要 --url 和 --secret（或 GOODFAITH_EXECUTOR_SECRET）",
    ]);
    expect(await said("sv", ...webhook, "--url", "ftp://x", "--secret", "s")).toEqual([
      "ftp://x är ingen http(s)-adress",
    ]);
  });

  it("refuses an endpoint that is not an http(s) URL, in the reader's language", async () => {
    const db = tempDb();
    const add = (lang: "en" | "zh-CN" | "sv") =>
      cli(["webhooks", "add", "ftp://x", "-e", "remedy.approved", "--db", db], lang);
    expect(await add("en")).toMatchObject({ code: 1, err: ["ftp://x is not an http(s) URL"] });
    expect(await add("zh-CN")).toMatchObject({ code: 1, err: ["ftp://x 不是 http(s) 网址"] });
    expect(await add("sv")).toMatchObject({ code: 1, err: ["ftp://x är ingen http(s)-adress"] });
  });
});
