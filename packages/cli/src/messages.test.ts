import { LANGS } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { catalogs, fill, t } from "./messages.js";

describe("the CLI's words", () => {
  it("name the same placeholders in every language", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w*)\}/g)].map((m) => m[1]).sort();
    for (const [key, en] of Object.entries(catalogs.en))
      for (const lang of LANGS)
        expect(names(catalogs[lang][key as keyof typeof catalogs.en]), `${lang} ${key}`).toEqual(
          names(en),
        );
  });

  it("group whole numbers as the reader's language writes them, but not identifiers", () => {
    expect(fill("en", "{n} of {m}", { n: 20000, m: 3 })).toBe("20,000 of 3");
    expect(fill("sv", "{n}", { n: 20000 })).toBe("20\u00a0000");
    expect(fill("zh-CN", "{n}", { n: 1234567 })).toBe("1,234,567");
    expect(fill("sv", "{seed} {seq} {n}", { seed: 26100, seq: 20000, n: 1.5 })).toBe(
      "26100 20000 1.5",
    );
  });

  it("agree a count with its noun", () => {
    expect(t("en", "chains", { count: 1 })).toBe("1 chain");
    expect(t("en", "chains", { count: 2 })).toBe("2 chains");
    expect(t("sv", "entries", { count: 1 })).toBe("1 post");
    expect(t("sv", "entries", { count: 2176 })).toBe("2\u00a0176 poster");
    const replayed = (lang: "en" | "sv", count: number) => t(lang, "webhooksReplayed", { count });
    expect(replayed("en", 1)).toBe("1 delivery will be sent again");
    expect(replayed("sv", 3)).toBe("3 leveranser skickas igen");
    expect(t("zh-CN", "chains", { count: 1 })).toBe("1 条链");
    expect(t("en", "ledgerOk", { entries: "1 entry", chains: "1 chain" })).toBe(
      "ledger ok: 1 entry in 1 chain",
    );
  });

  it("agree every count in a message with its noun, in Swedish and English", () => {
    const lines = (lang: "en" | "sv", n: number) =>
      t(lang, "ingestLines", { read: n, accepted: n, duplicates: n, rejected: n });
    expect(lines("sv", 1)).toBe("  1 rad läst: 1 godtagen, 1 dubblett, 1 avvisad");
    expect(lines("sv", 2)).toBe("  2 rader lästa: 2 godtagna, 2 dubbletter, 2 avvisade");
    expect(lines("en", 1)).toBe("  1 line read: 1 accepted, 1 duplicate, 1 rejected");
    expect(lines("en", 20000)).toBe(
      "  20,000 lines read: 20,000 accepted, 20,000 duplicates, 20,000 rejected",
    );
    expect(t("sv", "serveServing", { promises: 1, db: "g.db" })).toBe(
      "  tillhandahåller 1 löfte från g.db",
    );
    expect(t("en", "eventsRead", { read: 1, accepted: 1, rejected: 0 })).toBe(
      "1 event read: 1 accepted, 0 rejected",
    );
    expect(fill("zh-CN", "{n} {n|a|b}", { n: 1 })).toBe("1 b");
  });

  it("leave no plural form unresolved in any message", () => {
    const forms = /\{(\w+)\|[^|{}]*\|[^|{}]*\}/g;
    for (const lang of LANGS)
      for (const [key, text] of Object.entries(catalogs[lang]))
        for (const [, name] of text.matchAll(forms))
          expect(text, `${lang} ${key}`).toContain(`{${name}}`);
  });
});
