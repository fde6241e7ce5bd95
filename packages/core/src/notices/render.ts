/**
 * A notice's text in one language: the template of its key with the customer's name, the
 * honest cause in that language, the passenger it is about when it is about one, and the
 * amounts per tender formatted for the language's locale.
 */
import type { Remedy, RemedyPassenger } from "../engine/outcome.js";
import type { TenderPart } from "../engine/tender.js";
import { interpolate, type Lang } from "../i18n/lang.js";
import { countryZones, dayStart, latestDay } from "../i18n/zones.js";
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
const dateFormat = perLang(
  (lang) => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }),
);

// A deadline is read as "by <date>" where the customer is. Their time zone is not known, only
// (at best) their country: the date given is the latest one the deadline falls on in any zone
// of that country — or on Earth, UTC+14, without a country — so "by <date>" is true wherever
// they are. One day generous at worst; never a day short.
const ANYWHERE = ["Pacific/Kiritimati"] as const;

/** The date a deadline is told as, in `lang`, for a customer in `country` (see above). */
function deadlineDate(dueBy: string, lang: Lang, country?: string): string {
  const zones = countryZones(country);
  const day = latestDay(Date.parse(dueBy), zones.length > 0 ? zones : ANYWHERE);
  return dateFormat(lang).format(dayStart(day));
}

// Chinese puts a space between Han characters and Latin letters or digits ("和 10,000 积分"),
// which Intl's list pattern ("{0}和{1}") does not do.
const HAN_THEN_LATIN = /\p{Script=Han}$/u;
const LATIN = /^[\p{Script=Latin}\p{N}\p{Sc}]/u;

/** `a` then `b`, with a space between them where Han meets Latin letters or digits. */
function joinSpaced(a: string, b: string): string {
  const spaced =
    (HAN_THEN_LATIN.test(a) && LATIN.test(b)) ||
    (LATIN.test([...a].at(-1) ?? "") && /^\p{Script=Han}/u.test(b));
  return spaced ? `${a} ${b}` : `${a}${b}`;
}

function joinList(texts: readonly string[], lang: Lang): string {
  return listFormat(lang)
    .formatToParts(texts)
    .reduce((out, { value }) => joinSpaced(out, value), "");
}

/** The passenger's name in a sentence: "乘客 Erik Berg" but "乘客李强", as Chinese writes them. */
function withName(template: string, name: string): string {
  const [before = "", after = ""] = template.split("{name}");
  return joinSpaced(joinSpaced(before, name), after);
}

/** The parts of a remedy's amount by tender, e.g. "€318.00 to your card and 10,000 points". */
function partsText(parts: readonly TenderPart[], lang: Lang, phrases: NoticePhrases): string {
  const texts = parts.map((p) =>
    interpolate(phrases.tender[p.method] ?? phrases.tender.other, {
      amount: formatMoney(p.amount, lang),
    }),
  );
  return joinList(texts, lang);
}

function didText(
  remedy: Remedy,
  lang: Lang,
  phrases: NoticePhrases,
  country: string | undefined,
): string {
  // A part that rounds to nothing (a few cents' worth of points) is not something we give.
  const parts: readonly TenderPart[] = (
    remedy.split.length > 0
      ? remedy.split
      : remedy.amount
        ? [{ method: remedy.tender, amount: remedy.amount }]
        : []
  ).filter((p) => p.amount.minor > 0n);
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
  const due = deadlineDate(remedy.dueBy, lang, country);
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
    return { sentence: withName(phrases.passengerNamed, name), short: name };
  }
  return {
    sentence: interpolate(phrases.passengerNumbered, { number, of }),
    short: interpolate(phrases.passengerShort, { number, of }),
  };
}

/**
 * Renders the notice of `remedy` (whose `notice` names the template) in `lang`, to `name` when
 * known, with its deadline dated for `country` (ISO 3166) when known.
 */
export function renderNotice(
  remedy: Remedy,
  lang: Lang,
  name?: string,
  country?: string,
): RenderedNotice {
  const { phrases } = NOTICE_CATALOGS[lang];
  const { name: template, template: texts } = templateFor(remedy.notice ?? "", lang);
  const { promise } = remedy.explanation;
  const params = { subject: remedy.subject.id, title: promise.title[lang] };
  // What happened, its honest cause, then the apology: sorry for what, once it is said.
  const happened = [
    interpolate(texts.happened, params),
    causeSentence(remedy, lang, phrases),
    texts.sorry === undefined ? "" : interpolate(texts.sorry, params),
  ]
    .filter((s) => s !== "")
    .join(phrases.space);
  const passenger = remedy.passenger && passengerText(remedy.passenger, phrases);
  const did = [passenger?.sentence ?? "", didText(remedy, lang, phrases, country), texts.did ?? ""]
    .filter((s) => s !== "")
    .join(phrases.space);
  const body = [
    name?.trim() ? interpolate(phrases.greetingNamed, { name: name.trim() }) : phrases.greeting,
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
