/** The notice texts of every language, and the lookup of a notice key's template. */
import type { Lang } from "../i18n/lang.js";
import type { NoticeCatalog, NoticeTemplate } from "./catalog.js";
import { en } from "./catalog-en.js";
import { sv } from "./catalog-sv.js";
import { zhCN } from "./catalog-zh-cn.js";

/** The notice texts, by language. */
export const NOTICE_CATALOGS: Readonly<Record<Lang, NoticeCatalog>> = { en, "zh-CN": zhCN, sv };

/** The name recorded for a notice rendered with the fallback template. */
export const GENERIC_TEMPLATE = "generic";

/** The template for `key` in `lang`, or the generic one (an unknown key still gets a notice). */
export function templateFor(
  key: string,
  lang: Lang,
): { readonly name: string; readonly template: NoticeTemplate } {
  const catalog = NOTICE_CATALOGS[lang];
  const own = Object.hasOwn(catalog.templates, key) ? catalog.templates[key] : undefined;
  return own ? { name: key, template: own } : { name: GENERIC_TEMPLATE, template: catalog.generic };
}
