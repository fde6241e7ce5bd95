// Every label the measure package shows a person, in English, Chinese and Swedish.
import { LANGS } from "@goodfaith/core";
import { describe, expect, it } from "vitest";
import { journeyLabels } from "../journey/messages.js";
import { scorecardLabels } from "./messages.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Words that are the same in Swedish and English ("Segment", "Median").
const SAME_IN_SWEDISH = new Set(["dimension.segment", "quantile.p50"]);

describe.each([
  ["scorecard", scorecardLabels],
  ["journey", journeyLabels],
] as const)("%s labels", (_, catalogs) => {
  const keys = Object.keys(catalogs.en).sort();

  it.each(LANGS)("has every key, each non-empty and trimmed, in %s", (lang) => {
    const catalog: Readonly<Record<string, string>> = catalogs[lang];
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) {
      const text = catalog[key] ?? "";
      expect(text, `${lang} ${key}`).not.toBe("");
      expect(text.trim(), `${lang} ${key}`).toBe(text);
      expect(placeholders(text), `${lang} ${key}`).toEqual(
        placeholders(catalogs.en[key as keyof typeof catalogs.en]),
      );
    }
  });

  it.each(["zh-CN", "sv"] as const)("is translated into %s", (lang) => {
    const catalog: Readonly<Record<string, string>> = catalogs[lang];
    const english: Readonly<Record<string, string>> = catalogs.en;
    const untranslated = keys.filter(
      (k) => catalog[k] === english[k] && !(lang === "sv" && SAME_IN_SWEDISH.has(k)),
    );
    expect(untranslated).toEqual([]);
  });
});
