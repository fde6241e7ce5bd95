/**
 * The shape of a language's notice texts. A notice reads: greeting; what happened, the
 * honest cause, the apology; what we did; "you need to do nothing"; the promise it keeps; sign-off.
 * Tone: warm, plain, honest; no marketing, no exclamation marks, at most one apology.
 * Everything a customer reads exists in every language: a cause the company gave in another
 * language only is either named by its well-known category or quoted, saying so.
 */
import type { CauseCategory } from "../events/cause-data.js";

/** The texts of one notice key. Placeholders: `{subject}` (booking, order… id), `{title}`. */
export interface NoticeTemplate {
  readonly subject: string;
  /** What happened, said plainly, without the apology: the cause comes right after it. */
  readonly happened: string;
  /**
   * Said after the cause: the notice's one apology where one is owed, and what follows from
   * what happened (e.g. the law that gives compensation).
   */
  readonly sorry?: string;
  /** What we did, for remedies without an amount (gestures, apologies). */
  readonly did?: string;
}

/** The sentences every notice of a language shares. */
export interface NoticePhrases {
  readonly greeting: string;
  /** With `{name}`. */
  readonly greetingNamed: string;
  /** With `{cause}`: the cause in this language (the company's text for it, or a category). */
  readonly cause: string;
  /**
   * With `{cause}`: the company's text in another language, quoted as reported, for when it
   * gave none in this one and no category. Says that it is a quote, so no language is mixed
   * in silently.
   */
  readonly causeQuoted: string;
  /** Each well-known cause category, as it reads in `cause` (lower case, no final stop). */
  readonly causes: Readonly<Record<CauseCategory, string>>;
  /**
   * With `{name}`: which passenger of the booking a per-passenger notice is about. Where Han
   * meets a Latin name across `{name}`, a space is put in ("乘客 Erik Berg", "乘客李强").
   */
  readonly passengerNamed: string;
  /** With `{number}` and `{of}`: the same, for a passenger the booking gave no name for. */
  readonly passengerNumbered: string;
  /** With `{subject}` (the template's subject) and `{passenger}`: the subject, told apart. */
  readonly subjectPassenger: string;
  /** With `{number}` and `{of}`: a passenger without a name, as the subject says it. */
  readonly passengerShort: string;
  /** What joins two sentences of one paragraph. */
  readonly space: string;
  /** What we did, by kind of remedy, with `{parts}` (e.g. "€318.00 to your card and 10,000 points"). */
  readonly did: {
    readonly refund: string;
    readonly compensation: string;
    readonly credit: string;
    readonly points: string;
  };
  /** With `{due}`, a date. */
  readonly dueBy: string;
  /** One part of the amount by tender, with `{amount}`; `other` for a tender not listed. */
  readonly tender: Readonly<Record<string, string>> & { readonly other: string };
  readonly nothingToDo: string;
  /** With `{title}`. */
  readonly promise: string;
  /** With `{company}`. */
  readonly signoff: string;
}

/** A language's notice texts: shared phrases, a template per notice key, and a fallback. */
export interface NoticeCatalog {
  readonly phrases: NoticePhrases;
  readonly templates: Readonly<Record<string, NoticeTemplate>>;
  /** For a notice key with no template of its own. */
  readonly generic: NoticeTemplate;
}
