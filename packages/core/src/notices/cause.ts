/**
 * The cause sentence of a notice, in the reader's language only: the company's text in that
 * language, else its well-known category named in that language, else the company's words
 * quoted as reported, saying so. Never another language slipped in as if it were the reader's.
 */
import type { Remedy } from "../engine/outcome.js";
import { interpolate, LANGS, type Lang } from "../i18n/lang.js";
import type { NoticePhrases } from "./catalog.js";

// The cause is the company's own sentence; its final stop is ours to add.
const withoutStop = (text: string): string => text.trim().replace(/[.。!！]+$/u, "");

/** The first non-blank text, without its final stop. */
function firstText(...texts: readonly (string | undefined)[]): string | undefined {
  for (const text of texts) {
    const bare = text === undefined ? "" : withoutStop(text);
    if (bare !== "") return bare;
  }
  return undefined;
}

/** The sentence telling the cause of `remedy` in `lang`, or "" when it states none. */
export function causeSentence(remedy: Remedy, lang: Lang, phrases: NoticePhrases): string {
  const texts = remedy.causeText ?? {};
  // `cause` is English by the contract's convention: an English reader gets it as is.
  const own = firstText(texts[lang], lang === "en" ? remedy.cause : undefined);
  if (own !== undefined) return interpolate(phrases.cause, { cause: own });
  if (remedy.causeCategory !== undefined) {
    return interpolate(phrases.cause, { cause: phrases.causes[remedy.causeCategory] });
  }
  const quoted = firstText(remedy.cause, ...LANGS.map((l) => texts[l]));
  return quoted === undefined ? "" : interpolate(phrases.causeQuoted, { cause: quoted });
}
