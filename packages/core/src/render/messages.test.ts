import { describe, expect, it } from "vitest";
import { LANGS } from "../i18n/lang.js";
import { pageMessages } from "./messages.js";

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("pageMessages", () => {
  const englishKeys = Object.keys(pageMessages.en).sort();

  it.each(LANGS)("has every key, and only those, in %s", (lang) => {
    expect(Object.keys(pageMessages[lang]).sort()).toEqual(englishKeys);
  });

  it.each(LANGS)("has no empty or untrimmed message in %s", (lang) => {
    for (const [key, text] of Object.entries(pageMessages[lang])) {
      expect(text.trim(), `${lang} ${key}`).toBe(text);
      expect(text, `${lang} ${key}`).not.toBe("");
    }
  });

  it.each(LANGS)("uses the same placeholders in %s as in English", (lang) => {
    for (const key of englishKeys) {
      const en = pageMessages.en[key as keyof typeof pageMessages.en];
      const other = pageMessages[lang][key as keyof typeof pageMessages.en];
      expect(placeholders(other), `${lang} ${key}`).toEqual(placeholders(en));
    }
  });
});
