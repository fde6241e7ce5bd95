/** Conformance: customer notices, once per remedy key, listed in order, erased with their customer. */
import { hasNotices, type Notice, type Store } from "@goodfaith/core";
import { describe, expect } from "vitest";
import { notice } from "./fixtures.js";
import { type ConformanceTarget, storeTest } from "./harness.js";

/** The store as a notice store; the suite requires one. */
export function noticesOf(store: Store) {
  if (!hasNotices(store)) throw new Error("the store does not implement NoticeStore");
  return store;
}

/** Registers the notice store tests. */
export function noticeConformance(target: ConformanceTarget): void {
  describe("notices", () => {
    storeTest(target, "a held notice is released once, and only a held one", async ({ store }) => {
      const notices = noticesOf(store);
      await notices.recordNotices([
        notice("h-1", { status: "held", reason: "awaiting_approval" }),
        notice("r-1"),
        notice("s-1", { status: "suppressed", reason: "no_consent" }),
      ]);
      expect(await notices.releaseHeldNotice("h-1")).toBe(true);
      const released = await notices.getNotice("h-1");
      expect(released?.status).toBe("ready");
      expect(released?.reason).toBeUndefined();
      expect(await notices.releaseHeldNotice("h-1")).toBe(false);
      expect(await notices.releaseHeldNotice("r-1")).toBe(false);
      expect(await notices.releaseHeldNotice("s-1")).toBe(false);
      expect((await notices.getNotice("s-1"))?.status).toBe("suppressed");
      expect(await notices.releaseHeldNotice("nope")).toBe(false);
    });

    storeTest(target, "a notice is recorded once per remedy key, as given", async ({ store }) => {
      const notices = noticesOf(store);
      const suppressed = notice("r-2", {
        status: "suppressed",
        reason: "no_consent",
        lang: "zh-CN",
        subject: "订单 r-2",
      });
      const { channel: _, ...withoutChannel } = suppressed;
      expect(await notices.recordNotices([notice("r-1"), withoutChannel])).toEqual({
        created: ["r-1", "r-2"],
        existing: [],
      });
      // A replay with a different text changes nothing: the customer was told once.
      const replay = [notice("r-1", { body: "other" }), notice("r-3"), notice("r-3")];
      expect(await notices.recordNotices(replay)).toEqual({
        created: ["r-3"],
        existing: ["r-1"],
      });
      expect(await notices.getNotice("r-1")).toEqual({ ...notice("r-1"), seq: 1, erased: false });
      expect(await notices.getNotice("r-2")).toEqual({ ...withoutChannel, seq: 2, erased: false });
      expect(await notices.getNotice("r-404")).toBeUndefined();
      expect(await notices.recordNotices([])).toEqual({ created: [], existing: [] });
    });

    storeTest(
      target,
      "two writers recording the same notices tell each customer once",
      async ({ store, open }) => {
        const other = noticesOf(await open());
        const batch = Array.from({ length: 50 }, (_, i) => notice(`r-${i}`));
        const [a, b] = await Promise.all([
          noticesOf(store).recordNotices(batch),
          other.recordNotices([...batch].reverse()),
        ]);
        const created = [...a.created, ...b.created].sort();
        expect(created).toEqual(batch.map((n) => n.key).sort());
        expect(a.existing.length + b.existing.length).toBe(batch.length);
      },
    );

    storeTest(target, "lists by customer and status, in pages", async ({ store }) => {
      const notices = noticesOf(store);
      await notices.recordNotices([
        notice("a1", { customer: "c-a" }),
        notice("b1", { customer: "c-b", status: "held", reason: "awaiting_approval" }),
        notice("a2", { customer: "c-a", status: "suppressed", reason: "no_channel" }),
        notice("a3", { customer: "c-a" }),
      ]);
      const keys = (page: { notices: readonly Notice[] }) => page.notices.map((n) => n.key);
      const first = await notices.listNotices({ customer: "c-a" }, { limit: 2 });
      expect(keys(first)).toEqual(["a1", "a2"]);
      expect(first.next).toBeDefined();
      const rest = await notices.listNotices(
        { customer: "c-a" },
        { after: first.next ?? -1, limit: 2 },
      );
      expect(keys(rest)).toEqual(["a3"]);
      expect(rest.next).toBeUndefined();
      expect(keys(await notices.listNotices({ status: ["ready"] }))).toEqual(["a1", "a3"]);
      expect(keys(await notices.listNotices({ status: ["held", "suppressed"] }))).toEqual([
        "b1",
        "a2",
      ]);
      expect(keys(await notices.listNotices({ status: [] }))).toEqual([]);
      expect(keys(await notices.listNotices())).toEqual(["a1", "b1", "a2", "a3"]);
    });

    storeTest(target, "erasing a customer blanks their notices, for good", async ({ store }) => {
      const notices = noticesOf(store);
      await notices.recordNotices([
        notice("a1", { customer: "c-anna" }),
        notice("a2", { customer: "c-anna" }),
        notice("b1", { customer: "c-bo" }),
      ]);
      expect(await notices.eraseCustomerNotices("c-anna")).toBe(2);
      expect(await notices.eraseCustomerNotices("c-anna")).toBe(0);
      expect(await notices.getNotice("a1")).toMatchObject({
        customer: "c-anna",
        status: "ready",
        subject: "",
        body: "",
        erased: true,
      });
      expect(await notices.getNotice("b1")).toMatchObject({
        body: notice("b1").body,
        erased: false,
      });
      // A replay after the erasure does not bring the text back.
      expect(await notices.recordNotices([notice("a1", { customer: "c-anna" })])).toEqual({
        created: [],
        existing: ["a1"],
      });
      expect(await notices.getNotice("a1")).toMatchObject({ body: "", erased: true });
    });
  });
}
