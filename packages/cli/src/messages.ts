/** The CLI's own words in each language (one catalog per language in messages/), and how they are filled. */
import { interpolate, type Lang } from "@goodfaith/core";
import { en } from "./messages/en.js";
import { sv } from "./messages/sv.js";
import { zhCN } from "./messages/zh-CN.js";

const catalogs: Readonly<Record<Lang, Readonly<Record<keyof typeof en, string>>>> = {
  en,
  "zh-CN": zhCN,
  sv,
};

/** A CLI message key. */
export type MessageKey = keyof typeof en;

// Counts read as the reader's language writes them (20,000 · 20 000); these numbers are
// identifiers a reader may type back, so they stay as they are.
const UNGROUPED = new Set(["seed", "seq", "status", "version"]);
const grouping = new Map<Lang, Intl.NumberFormat>();

/** A whole number as `lang` writes it: 20,000 · 20 000. */
export function formatCount(lang: Lang, n: number): string {
  let format = grouping.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    grouping.set(lang, format);
  }
  return format.format(n);
}

function grouped(
  lang: Lang,
  params: Readonly<Record<string, string | number>>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    out[name] =
      typeof value === "number" && Number.isInteger(value) && !UNGROUPED.has(name)
        ? formatCount(lang, value)
        : value;
  return out;
}

const plurals = new Map<Lang, Intl.PluralRules>();

function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = plurals.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(lang);
    plurals.set(lang, rules);
  }
  return rules;
}

// `{name|one|other}`: the word that agrees with the count `name` (1 dubblett, 2 dubbletter).
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;

/**
 * Fills a template of the CLI's in `lang`, whole numbers grouped as the language groups them;
 * `{name|one|other}` picks the form that agrees with the number `name` in `lang`.
 */
export function fill(
  lang: Lang,
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const agreed = template.includes("|")
    ? template.replace(PLURAL, (_, name: string, one: string, other: string) => {
        const n = params[name];
        return typeof n === "number" && pluralRules(lang).select(n) === "one" ? one : other;
      })
    : template;
  return interpolate(agreed, grouped(lang, params));
}

/** The CLI's own words in a language (see `fill`). */
export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return fill(lang, catalogs[lang][key], params);
}

export { catalogs };
