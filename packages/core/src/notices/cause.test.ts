import { describe, expect, it } from "vitest";
import { engineFor, remediesOf, sampleEvents } from "../../../../test/support/packs.js";
import type { Remedy } from "../engine/outcome.js";
import { CAUSE_CATEGORIES } from "../events/cause-data.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { NOTICE_CATALOGS } from "./catalogs.js";
import { composeNotice } from "./compose.js";

const remedies = remediesOf(engineFor("airline").processAll(sampleEvents("airline")));
const found = remedies.find((r) => r.promise === "delay-refund" && r.customer === "c-lena");
if (!found) throw new Error("the airline pack gives c-lena no delay refund");
// The sample gives the cause in English (`cause`), Chinese and Swedish (`causeText`).
const sample: Remedy = found;
const { cause: _, causeText: __, causeCategory: ___, ...causeless } = sample;

const body = (remedy: Remedy, lang: Lang): string =>
  composeNotice({ remedy, customer: { language: lang, consents: {} } })?.body ?? "";

describe("the cause, in the reader's language", () => {
  it.each([
    ["en", "The cause: a fault in the aircraft's hydraulic system found before departure."],
    ["zh-CN", "原因：起飞前发现飞机液压系统故障。"],
    ["sv", "Orsaken: ett fel i flygplanets hydraulsystem som upptäcktes före avgång."],
  ] as const)("the company's own text in %s", (lang, sentence) => {
    expect(body(sample, lang)).toContain(sentence);
  });

  it("causeText.en wins over cause for an English reader", () => {
    const remedy = { ...sample, causeText: { en: "a hydraulic fault." } };
    expect(body(remedy, "en")).toContain("The cause: a hydraulic fault.");
    expect(body(remedy, "en")).not.toContain("hydraulic system");
  });

  it.each([
    ["en", "The cause: a fault in the aircraft's hydraulic system found before departure."],
    ["zh-CN", "原因：恶劣天气。"],
    ["sv", "Orsaken: dåligt väder."],
  ] as const)("without a text in the reader's language, the category in %s", (lang, sentence) => {
    const remedy: Remedy = { ...causeless, cause: sample.cause ?? "", causeCategory: "weather" };
    expect(body(remedy, lang)).toContain(sentence);
  });

  it.each([
    ["zh-CN", "原因（按报告原文引用，我们暂无中文说明）：“snow on the runway”。"],
    ["sv", "Orsaken, så som den rapporterades (vi har den inte på svenska): ”snow on the runway”."],
  ] as const)("with neither, %s quotes the company's words and says so", (lang, sentence) => {
    const remedy: Remedy = { ...causeless, cause: "snow on the runway." };
    expect(body(remedy, lang)).toContain(sentence);
  });

  it("an English reader gets a text given only in another language as a quote", () => {
    const remedy: Remedy = { ...causeless, causeText: { sv: "snö på banan" } };
    expect(body(remedy, "en")).toContain(
      "The cause, as it was reported (we do not have it in English): “snö på banan”.",
    );
    // The Swedish reader, whose language it is, gets it plainly.
    expect(body(remedy, "sv")).toContain("Orsaken: snö på banan.");
  });

  it.each(LANGS)("no cause, no cause sentence (%s)", (lang) => {
    const { cause } = NOTICE_CATALOGS[lang].phrases;
    const prefix = cause.slice(0, cause.indexOf("{"));
    expect(body(sample, lang)).toContain(prefix);
    expect(body(causeless, lang)).not.toContain(prefix);
  });

  it.each(LANGS)("every cause category reads in %s, each differently", (lang) => {
    const { causes } = NOTICE_CATALOGS[lang].phrases;
    const texts = CAUSE_CATEGORIES.map((c) => causes[c]);
    expect(texts.every((t) => t.trim() !== "" && !/[.。]$/u.test(t))).toBe(true);
    expect(new Set(texts).size).toBe(CAUSE_CATEGORIES.length);
  });
});
