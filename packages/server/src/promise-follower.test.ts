import type { PromiseSetVersion, PromiseSource, Store } from "@goodfaith/core";
import { adoptPromises, Ingestor, openStore } from "@goodfaith/store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOOK_ORDER, type Harness, harness, retailSource } from "../test/harness.js";
import { compileSet, followPromises, type PromiseFollower } from "./promise-follower.js";

/** The retail pack under another title and version: a new set that loads. */
async function retitled(): Promise<PromiseSource> {
  const { text } = await retailSource();
  const changed = text
    .replace("en: Northwind Market's promises to you", "en: Our promises, renewed")
    .replace('version: "2026.11"', 'version: "2026.12"');
  return { file: "elsewhere/promises.yaml", text: changed };
}

interface Promises {
  set: { version: number; actor: string; adoptedAt: string; digest: string } | null;
  documents: { title: string; version: string }[];
}

describe("followPromises", () => {
  let h: Harness;
  // Another process's handle on the same SQLite file.
  let other: Store;
  let follower: PromiseFollower | undefined;
  const switched: PromiseSetVersion[] = [];
  const refused: [number, readonly string[]][] = [];

  beforeEach(async () => {
    h = await harness({}, { adopt: true });
    other = await openStore(h.db);
    switched.length = 0;
    refused.length = 0;
  });
  afterEach(async () => {
    await follower?.stop();
    await other.close();
    await h.close();
  });

  const follow = (intervalMs: number) => {
    follower = followPromises(h.store, h.ingest, {
      intervalMs,
      onSwitched: (set) => switched.push(set),
      onUnloadable: (set, messages) => refused.push([set.version, messages]),
    });
    return follower;
  };
  const served = async () => (await (await h.call("/v1/promises")).json()) as Promises;
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(done()).toBe(true);
  };

  it("switches within a poll to a set another process adopted, and the API serves it", async () => {
    expect((await served()).set).toMatchObject({ version: 1, actor: "test" });
    follow(50);
    const adopted = await adoptPromises(other, [await retitled()], { actor: "cli:promises" });
    expect(adopted.adopted).toBe(true);
    await until(() => switched.length > 0);
    expect(switched.map((s) => [s.version, s.actor])).toEqual([[2, "cli:promises"]]);
    expect(h.ingest.promiseSet?.version).toBe(2);
    const now = await served();
    expect(now.set).toEqual({
      version: 2,
      digest: adopted.set.digest,
      adoptedAt: new Date(adopted.set.adoptedAt).toISOString(),
      actor: "cli:promises",
    });
    expect(now.documents.map((d) => [d.title, d.version])).toEqual([
      ["Our promises, renewed", "2026.12"],
    ]);
    // Nothing new: nothing happens at the following looks.
    expect(await follower?.check()).toEqual({ kind: "unchanged" });
    expect(switched).toHaveLength(1);
  });

  it("keeps the set in effect when a new one does not load, says so once, and takes the next that does", async () => {
    const running = follow(20);
    const { file, text } = await retailSource();
    const broken = { file, text: text.replace("kind: warning", "kind: hug") };
    await adoptPromises(other, [broken], { actor: "cli:somewhere-older" });
    await until(() => refused.length > 0);
    await new Promise((r) => setTimeout(r, 150)); // several more looks
    expect(refused).toHaveLength(1);
    expect(refused[0]?.[0]).toBe(2);
    expect(refused[0]?.[1][0]).toMatch(/^packs\/retail\/promises\.yaml:\d+:\d+: /);
    expect(await running.check()).toEqual({ kind: "unchanged" });
    expect(h.ingest.promiseSet?.version).toBe(1);
    expect((await served()).set?.version).toBe(1);

    await adoptPromises(other, [await retitled()], { actor: "cli:promises" });
    await until(() => switched.length > 0);
    expect(switched.map((s) => s.version)).toEqual([3]);
    expect((await served()).set?.version).toBe(3);
  });

  it("each look first takes up the events another process ingested, for the guard", async () => {
    const documents = h.ingest.documents;
    const guard = async () => {
      const res = await h.call("/v1/guard/check", {
        as: "guard",
        json: { customer: "c-9", items: [{ sku: "isbn-1", kind: "book" }] },
      });
      return ((await res.json()) as { warnings: { code: string }[] }).warnings.map((w) => w.code);
    };
    await (await Ingestor.open(other, documents)).ingest([BOOK_ORDER]);
    expect(await guard()).toEqual([]);
    expect(await follow(60_000).check()).toEqual({ kind: "unchanged" });
    expect(await guard()).toEqual(["already_owned"]);
  });

  it("looks at once when asked, and no more once stopped", async () => {
    await adoptPromises(other, [await retitled()], { actor: "cli:promises" });
    const running = follow(60_000);
    expect(await running.check()).toMatchObject({ kind: "switched", set: { version: 2 } });
    await running.stop();
    await adoptPromises(other, [await retailSource()], { actor: "cli:promises" });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.ingest.promiseSet?.version).toBe(2);
  });
});

describe("compileSet", () => {
  it("compiles every document, or locates every problem", async () => {
    const retail = await retailSource();
    expect(compileSet([retail])).toMatchObject({
      ok: true,
      documents: [{ company: "Northwind Market" }],
    });
    const broken = { file: "b.yaml", text: "goodfaith: 1\ncompany: X\n" };
    const result = compileSet([retail, broken]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages[0]).toMatch(/^b\.yaml:\d+:\d+: /);
  });
});
