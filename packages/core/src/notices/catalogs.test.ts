import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPack, ROOT } from "../../../../test/support/packs.js";
import { LANGS } from "../i18n/lang.js";
import { GENERIC_TEMPLATE, NOTICE_CATALOGS, templateFor } from "./catalogs.js";

const packKeys = readdirSync(`${ROOT}packs`)
  .flatMap((pack) => loadPack(pack).promises)
  .flatMap((p) => (p.notice === undefined ? [] : [p.notice]));

// One apology per notice, in the words each language uses for it.
const APOLOGY = { en: /sorry/gi, "zh-CN": /歉意|抱歉|对不起/g, sv: /ursäkt|ledsna/gi } as const;

describe("notice templates", () => {
  it("the packs name notice keys (so the tests below can fail)", () => {
    expect(packKeys.length).toBeGreaterThanOrEqual(13);
  });

  it.each(LANGS)("every key the packs use has its own template in %s", (lang) => {
    for (const key of packKeys) expect(templateFor(key, lang).name, key).toBe(key);
  });

  it("the three languages have the same keys", () => {
    const keys = (lang: (typeof LANGS)[number]) =>
      Object.keys(NOTICE_CATALOGS[lang].templates).sort();
    expect(keys("zh-CN")).toEqual(keys("en"));
    expect(keys("sv")).toEqual(keys("en"));
  });

  // A window is the company's to set in its promise (whose title the notice quotes); a number
  // written into a template would go on saying "3 days" after the promise says 5.
  it.each(LANGS)("in %s, no template states a promise's window as a number", (lang) => {
    const windowed = /\d+\s*(days?|hours?|dagar|timmar|天|小时)/i;
    for (const [key, t] of Object.entries(NOTICE_CATALOGS[lang].templates))
      for (const text of [t.subject, t.happened, t.sorry ?? "", t.did ?? ""])
        expect(text, `${lang} ${key}`).not.toMatch(windowed);
  });

  it.each(LANGS)("in %s, the apology is said after the cause, never before it", (lang) => {
    const { templates, generic } = NOTICE_CATALOGS[lang];
    for (const [key, t] of [...Object.entries(templates), ["generic", generic] as const]) {
      expect(t.happened.match(APOLOGY[lang]) ?? [], key).toEqual([]);
    }
  });

  it("an unknown key gets the generic template", () => {
    expect(templateFor("nobody.knows", "en")).toEqual({
      name: GENERIC_TEMPLATE,
      template: NOTICE_CATALOGS.en.generic,
    });
    expect(templateFor("toString", "en").name).toBe(GENERIC_TEMPLATE);
  });

  it.each(LANGS)("in %s: no exclamation marks, at most one apology per notice", (lang) => {
    const { templates, generic, phrases } = NOTICE_CATALOGS[lang];
    const shared = JSON.stringify(phrases);
    expect(shared).not.toMatch(/[!！]/);
    expect(shared.match(APOLOGY[lang]) ?? []).toEqual([]);
    for (const [key, t] of [...Object.entries(templates), ["generic", generic] as const]) {
      const text = `${t.subject} ${t.happened} ${t.sorry ?? ""} ${t.did ?? ""}`;
      expect(text, key).not.toMatch(/[!！]/);
      expect((text.match(APOLOGY[lang]) ?? []).length, key).toBeLessThanOrEqual(1);
    }
  });
});
