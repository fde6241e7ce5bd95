import { describe, expect, test } from "vitest";
import { LANGS } from "../i18n/lang.js";
import { promiseMessages } from "./messages.js";

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("promise messages", () => {
  test.each(LANGS)("%s has every message, with the same placeholders as English", (lang) => {
    const en = promiseMessages.en;
    const other = promiseMessages[lang];
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, template] of Object.entries(en)) {
      expect([key, placeholders(other[key] ?? "")]).toEqual([key, placeholders(template)]);
    }
  });
});
