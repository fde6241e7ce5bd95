import { hasWebhooks } from "@goodfaith/core";
import { enqueueWebhookEvent, runWebhookDeliveries } from "@goodfaith/store";
import { describe, expect, it } from "vitest";
import { runCli as cli, tempDb } from "../../../../test/support/cli.js";
import { harness } from "../../../server/test/harness.js";

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

  it("lists deliveries and disables and enables an endpoint, answering as the API does", async () => {
    const h = await harness();
    try {
      const { store } = h;
      if (!hasWebhooks(store)) throw new Error("no webhooks");
      const hook = await h.call("/v1/webhooks", {
        json: { url: "http://127.0.0.1:9/hook", events: ["remedy.dead", "remedy.executed"] },
      });
      const { id } = (await hook.json()) as { id: string };
      const at = Date.UTC(2026, 10, 20);
      await enqueueWebhookEvent(store, "remedy.dead", { n: 1 }, { at });
      await enqueueWebhookEvent(store, "remedy.executed", { n: 2 }, { at: at + 1000 });
      // Nothing listens on port 9: the first is dead after its one attempt.
      await runWebhookDeliveries(store, { worker: "w", now: () => at, maxAttempts: 1 });
      const api = async (query: string) => (await h.call(`/v1/webhooks/deliveries${query}`)).json();
      const json = async (...args: string[]) => {
        const run = await cli(["webhooks", ...args, "--db", h.db, "--json"]);
        expect(run.code).toBe(0);
        expect(run.out).toHaveLength(1);
        return JSON.parse(run.out[0] ?? "");
      };
      const all = await json("deliveries");
      expect(all).toEqual(await api(""));
      expect(all.deliveries.map((d: { type: string }) => d.type)).toEqual([
        "remedy.executed",
        "remedy.dead",
      ]);
      expect(all.deliveries[1]).toMatchObject({ endpoint: id, status: "dead", attempts: 1 });
      expect(await json("deliveries", "--status", "dead")).toEqual(await api("?status=dead"));
      expect(
        await json("deliveries", "--status", "pending", "dead", "--endpoint", id, "--limit", "1"),
      ).toEqual(await api(`?status=pending,dead&endpoint=${id}&limit=1`));
      expect(await json("deliveries", "--endpoint", "we_nope")).toEqual({ deliveries: [] });

      const human = await cli(["webhooks", "deliveries", "--status", "dead", "--db", h.db], "sv");
      expect(human.code).toBe(0);
      expect(human.out).toHaveLength(1);
      expect(human.out[0]).toMatch(
        new RegExp(`^dlv_\\S+  ${id}  remedy.dead  dead  1 försök  \\S+  senaste fel: `),
      );
      const none = await cli(["webhooks", "deliveries", "--endpoint", "x", "--db", h.db], "zh-CN");
      expect(none.out).toEqual(["没有投递"]);
      const badLimit = await cli(["webhooks", "deliveries", "--limit", "0", "--db", h.db]);
      expect(badLimit).toMatchObject({ code: 1 });
      const badStatus = await cli(["webhooks", "deliveries", "--status", "lost", "--db", h.db]);
      expect(badStatus).toMatchObject({ code: 1, err: ["not a delivery status: lost"] });

      // Disable, as the help's example does; again answers the same; the API agrees.
      const disabled = await cli(["webhooks", "disable", id, "--db", h.db]);
      expect(disabled).toMatchObject({ code: 0 });
      expect(disabled.out[0]).toBe(
        `disabled webhook ${id} (http://127.0.0.1:9/hook): it gets no new deliveries`,
      );
      const off = await json("disable", id);
      expect(off.disabledAt).toBeDefined();
      expect(off).toEqual(await (await h.call(`/v1/webhooks/${id}`, { method: "DELETE" })).json());
      const on = await json("enable", id);
      expect(on).not.toHaveProperty("disabledAt");
      expect(on).toEqual(await (await h.call(`/v1/webhooks/${id}/enable`, { json: {} })).json());
      expect(await json("enable", id)).toEqual(on);
      const enabled = await cli(["webhooks", "enable", id, "--db", h.db], "zh-CN");
      expect(enabled.out).toEqual([
        `已启用 Webhook ${id}（http://127.0.0.1:9/hook）：其投递将重新发送`,
      ]);
      // An unknown endpoint: exit 2, as the API's 404.
      for (const lang of ["en", "sv"] as const) {
        const unknown = await cli(["webhooks", "disable", "we_3f9a1c2b7d4e", "--db", h.db], lang);
        expect(unknown.code).toBe(2);
        expect(unknown.err).toEqual([
          lang === "en"
            ? "we_3f9a1c2b7d4e: no such webhook endpoint"
            : "we_3f9a1c2b7d4e: ingen sådan webhook-slutpunkt",
        ]);
      }
      expect((await cli(["webhooks", "enable", "we_3f9a1c2b7d4e", "--db", h.db])).code).toBe(2);
      for (const [method, path] of [
        ["POST", "/v1/webhooks/we_3f9a1c2b7d4e/enable"],
        ["DELETE", "/v1/webhooks/we_3f9a1c2b7d4e"],
      ] as const) {
        const missing = await h.call(path, {
          method,
          ...(method === "POST" && { json: {} }),
          headers: { "accept-language": "sv" },
        });
        expect(missing.status).toBe(404);
        expect(await missing.json()).toMatchObject({
          code: "webhook_not_found",
          detail:
            "Ingen webhook-slutpunkt har id:t we_3f9a1c2b7d4e; goodfaith webhooks list visar dem.",
        });
      }
    } finally {
      await h.close();
    }
  });
});
