/**
 * The promise page as plain text in one language, before any markup: both the Markdown and
 * the HTML renderer draw this same model, so the two can never say different things.
 */
import { interpolate, type Lang } from "../i18n/lang.js";
import type { CompiledPromise, PromiseDocument } from "../promises/document.js";
import { pageMessages } from "./messages.js";
import { possessive } from "./possessive.js";
import { promiseFacts } from "./promise-facts.js";

/** One promise as the customer reads it. */
export interface PromiseView {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly facts: readonly string[];
}

/** The whole page in one language, unescaped. */
export interface PageView {
  readonly lang: Lang;
  readonly title: string;
  readonly intro: readonly string[];
  readonly factsLabel: string;
  /** The promises about what happens after a purchase, in document order. */
  readonly promises: readonly PromiseView[];
  /** The guard's warnings; promises too, shown under their own heading. */
  readonly beforeYouBuy: {
    readonly heading: string;
    readonly lead: string;
    readonly promises: readonly PromiseView[];
  };
  readonly footer: string;
}

/** Splits authored text into paragraphs at blank lines; single line breaks become spaces. */
export function paragraphs(text: string): readonly string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "");
}

function promiseView(promise: CompiledPromise, lang: Lang): PromiseView {
  return {
    id: promise.id,
    title: promise.title[lang].trim(),
    paragraphs: paragraphs(promise.text[lang]),
    facts: promiseFacts(promise, lang),
  };
}

/** Builds the promise page's text for one language. */
export function buildPageView(doc: PromiseDocument, lang: Lang): PageView {
  const m = pageMessages[lang];
  const owner = possessive(doc.company, lang);
  const views = (warning: boolean) =>
    doc.promises
      .filter((p) => (p.remedy.kind === "warning") === warning)
      .map((p) => promiseView(p, lang));
  return {
    lang,
    title: doc.title?.[lang].trim() || interpolate(m.defaultTitle, { owner }),
    intro: doc.intro ? paragraphs(doc.intro[lang]) : [],
    factsLabel: m.factsLabel,
    promises: views(false),
    beforeYouBuy: { heading: m.beforeYouBuy, lead: m.beforeYouBuyLead, promises: views(true) },
    footer: interpolate(m.footer, { owner, version: doc.version }),
  };
}
