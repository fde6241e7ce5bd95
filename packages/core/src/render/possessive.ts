import type { Lang } from "../i18n/lang.js";

// A name that ends in a Han character joins 的 directly; a Latin one takes a space first, as
// Chinese typesetting puts a space between Latin and Han text.
const ENDS_IN_HAN = /\p{Script=Han}$/u;

/**
 * A company name in its possessive form, ready to go before the word "promises":
 * "Northwind Air's", "Northwind Airs", "Northwind Air 的"; "Acme Widgets'", "Lars".
 */
export function possessive(company: string, lang: Lang): string {
  const name = company.trim();
  switch (lang) {
    case "en":
      return /s$/i.test(name) ? `${name}'` : `${name}'s`;
    case "sv":
      // Swedish adds no genitive s after a name that already ends in s, x or z.
      return /[sxz]$/i.test(name) ? name : `${name}s`;
    case "zh-CN":
      return ENDS_IN_HAN.test(name) ? `${name}的` : `${name} 的`;
    default: {
      const unreachable: never = lang;
      return unreachable;
    }
  }
}
