/**
 * A notice's text in one language: the template of its key with the customer's name, the
 * honest cause in that language, the passenger it is about when it is about one, and the
 * amounts per tender formatted for the language's locale.
 */
import type { Remedy, RemedyPassenger } from "../engine/outcome.js";
import type { TenderPart } from "../engine/tender.js";
import { interpolate, type Lang } from "../i18n/lang.js";
import { formatMoney } from "../money/index.js";
import type { NoticePhrases } from "./catalog.js";
import { NOTICE_CATALOGS, templateFor } from "./catalogs.js";
import { causeSentence } from "./cause.js";

/** A rendered notice: which template was used, and the text. */
export interface RenderedNotice {
  readonly template: string;
  readonly subject: string;
  readonly body: string;
}

// Intl formatters are costly to build and there are three languages: build each once.
function perLang<T>(make: (lang: Lang) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) {
      value = make(lang);
      made.set(lang, value);
    }
    return value;
  };
}

const listFormat = perLang((lang) => new Intl.ListFormat(lang, { type: "conjunction" }));
// In UTC: the customer's time zone is not known, and a notice must read the same on replay.
const dateFormat = perLang(
  (lang) => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }),
);

/** The parts of a remedy's amount by tender, e.g. "€318.00 to your card and 10,000 points". */
function partsText(parts: readonly TenderPart[], lang: Lang, phrases: NoticePhrases): string {
  const texts = parts.map((p) =>
    interpolate(phrases.tender[p.method] ?? phrases.tender.other, {
      amount: formatMoney(p.amount, lang),
    }),
  );
  return listFormat(lang).format(texts);
}

function didText(remedy: Remedy, lang: Lang, phrases: NoticePhrases): string {
  const parts: readonly TenderPart[] =
    remedy.split.length > 0
      ? remedy.split
      : remedy.amount
        ? [{ method: remedy.tender, amount: remedy.amount }]
        : [];
  if (parts.length === 0) return "";
  const phrase =
    remedy.kind === "refund"
      ? remedy.compensation
        ? phrases.did.compensation
        : phrases.did.refund
      : remedy.kind === "points"
        ? phrases.did.points
        : phrases.did.credit;
  const did = interpolate(phrase, { parts: partsText(parts, lang, phrases) });
  if (remedy.dueBy === undefined) return did;
  const due = dateFormat(lang).format(new Date(remedy.dueBy));
  return `${did}${phrases.space}${interpolate(phrases.dueBy, { due })}`;
}

/**
 * How a per-passenger notice says whom it is about — by name, else by position on the booking
 * — so a booker with several passengers can tell the notices apart. Nothing for a booking of
 * one: its only notice is not mistaken for another.
 */
function passengerText(
  passenger: RemedyPassenger,
  phrases: NoticePhrases,
): { readonly sentence: string; readonly short: string } | undefined {
  const { name, number, of } = passenger;
  if (of < 2) return undefined;
  if (name !== undefined && name.trim() !== "") {
    return { sentence: interpolate(phrases.passengerNamed, { name }), short: name };
  }
  return {
    sentence: interpolate(phrases.passengerNumbered, { number, of }),
    short: interpolate(phrases.passengerShort, { number, of }),
  };
}

/** Renders the notice of `remedy` (whose `notice` names the template) in `lang`. */
export function renderNotice(remedy: Remedy, lang: Lang, name?: string): RenderedNotice {
  const { phrases } = NOTICE_CATALOGS[lang];
  const { name: template, template: texts } = templateFor(remedy.notice ?? "", lang);
  const { promise } = remedy.explanation;
  const params = { subject: remedy.subject.id, title: promise.title[lang] };
  const happened = [interpolate(texts.happened, params), causeSentence(remedy, lang, phrases)]
    .filter((s) => s !== "")
    .join(phrases.space);
  const passenger = remedy.passenger && passengerText(remedy.passenger, phrases);
  const did = [passenger?.sentence ?? "", didText(remedy, lang, phrases), texts.did ?? ""]
    .filter((s) => s !== "")
    .join(phrases.space);
  const body = [
    name ? interpolate(phrases.greetingNamed, { name }) : phrases.greeting,
    happened,
    did,
    phrases.nothingToDo,
    interpolate(phrases.promise, params),
    interpolate(phrases.signoff, { company: promise.company }),
  ]
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
  const subject = interpolate(texts.subject, params);
  return {
    template,
    subject: passenger
      ? interpolate(phrases.subjectPassenger, { subject, passenger: passenger.short })
      : subject,
    body,
  };
}
