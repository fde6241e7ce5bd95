import { describe, expect, it } from "vitest";
import { engineFor, remediesOf, sampleEvents } from "../../../../test/support/packs.js";
import type { Remedy } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import { composeNotice } from "./compose.js";
import { resolveNoticeOptions } from "./contact.js";
import type { NoticeCustomer } from "./notice.js";

const NBSP = "\u00a0";
const LANGS: readonly Lang[] = ["en", "zh-CN", "sv"];

function packRemedies(...packs: string[]): Remedy[] {
  return remediesOf(engineFor(...packs).processAll(sampleEvents(packs[0] ?? "")));
}
function find(remedies: readonly Remedy[], promise: string, customer: string): Remedy {
  const found = remedies.find((r) => r.promise === promise && r.customer === customer);
  if (!found) throw new Error(`the pack gives no ${promise} remedy to ${customer}`);
  return found;
}

const airline = packRemedies("airline", "eu261");
// Booking NW-5001: 318.00 EUR by card and 10,000 points, on a flight 3 h 25 min late.
const delayRefund = find(airline, "delay-refund", "c-lena");
const compensation = find(airline, "eu261-delay-compensation", "c-lena");
const lateDelivery = find(packRemedies("retail"), "late-delivery", "c-anna");

const reader = (language: string, name = "Lena Berg", country?: string): NoticeCustomer => ({
  language,
  name,
  ...(country !== undefined && { country }),
  consents: {},
});

describe("composeNotice: the text in each language", () => {
  for (const [label, remedy] of [
    ["airline delay refund", delayRefund],
    ["EU 261 compensation", compensation],
    ["retail late delivery", lateDelivery],
  ] as const) {
    for (const lang of LANGS) {
      it(`${label} in ${lang}`, () => {
        const notice = composeNotice({ remedy, customer: reader(lang) });
        expect(notice).toMatchObject({ lang, status: "ready", channel: "email" });
        expect(`${notice?.subject}\n\n${notice?.body}`).toMatchSnapshot();
      });
    }
  }

  it("splits the amount per tender, formatted for the reader's locale", () => {
    const body = (lang: string) =>
      composeNotice({ remedy: delayRefund, customer: reader(lang) })?.body;
    expect(body("en")).toContain("We are refunding €318.00 to your card and 10,000 points.");
    expect(body("zh-CN")).toContain("我们将为您退还 €318.00（转入您的银行卡）和 10,000 积分。");
    // Swedish: a decimal comma, and no-break spaces Intl puts between digits and the currency.
    expect(body("sv")).toContain(
      `Vi betalar tillbaka 318,00${NBSP}€ till ditt kort och 10${NBSP}000 poäng.`,
    );
  });

  it("says by when, as a date in the reader's language", () => {
    const body = (lang: string) =>
      composeNotice({ remedy: delayRefund, customer: reader(lang, "Lena Berg", "SE") })?.body;
    expect(delayRefund.dueBy).toBe("2026-11-27T14:40:00.000Z");
    expect(body("en")).toContain("It will be done by November 27, 2026.");
    expect(body("sv")).toContain("Det sker senast den 27 november 2026.");
    expect(body("zh-CN")).toContain("最迟于2026年11月27日完成。");
  });

  it.each([
    // 20:00 UTC is already the 28th in China: "by the 27th" would be a day short there.
    ["2026-11-27T20:00:00.000Z", "CN", "November 28, 2026"],
    ["2026-11-27T20:00:00.000Z", "SE", "November 27, 2026"],
    ["2026-11-27T23:30:00.000Z", "SE", "November 28, 2026"],
    // The latest of the country's zones: New York, the furthest east, is still on the 27th.
    ["2026-11-28T04:30:00.000Z", "US", "November 27, 2026"],
    ["2026-11-28T05:30:00.000Z", "US", "November 28, 2026"],
    ["2026-11-27T09:00:00.000Z", "us", "November 27, 2026"],
    // No country (or one Intl does not know): a date that holds anywhere on Earth.
    ["2026-11-27T09:00:00.000Z", undefined, "November 27, 2026"],
    ["2026-11-27T10:00:00.000Z", undefined, "November 28, 2026"],
    ["2026-11-27T10:00:00.000Z", "not a country", "November 28, 2026"],
  ] as const)("a deadline of %s, to a customer in %s, is dated %s", (dueBy, country, date) => {
    const remedy: Remedy = { ...delayRefund, dueBy };
    const notice = composeNotice({ remedy, customer: reader("en", "Lena", country) });
    expect(notice?.body).toContain(`It will be done by ${date}.`);
  });

  it("dates a deadline where the customer lives, whatever language they read", () => {
    const remedy: Remedy = { ...delayRefund, dueBy: "2026-11-27T20:00:00.000Z" };
    const inSweden = composeNotice({ remedy, customer: reader("zh-CN", "Li Wei", "SE") });
    const inChina = composeNotice({ remedy, customer: reader("zh-CN", "Li Wei", "CN") });
    expect(inSweden?.body).toContain("最迟于2026年11月27日完成。");
    expect(inChina?.body).toContain("最迟于2026年11月28日完成。");
  });

  it("says nothing of a part that rounds to nothing, and never a negative amount", () => {
    const zeroPoints: Remedy = {
      ...delayRefund,
      split: [
        { method: "card", amount: { minor: 31800n, currency: "EUR" } },
        { method: "points", amount: { minor: 0n, currency: "PTS" } },
      ],
    };
    const body = composeNotice({ remedy: zeroPoints, customer: reader("en") })?.body ?? "";
    expect(body).toContain("We are refunding €318.00 to your card.");
    expect(body).not.toContain("0 points");
    const negative: Remedy = {
      ...delayRefund,
      split: [{ method: "card", amount: { minor: -500n, currency: "EUR" } }],
    };
    const text = composeNotice({ remedy: negative, customer: reader("sv") })?.body ?? "";
    expect(text).not.toMatch(/Vi betalar tillbaka|5,00/);
  });

  it("puts spaces between Chinese and the amounts of a list, as the rest of the text does", () => {
    const mixed: Remedy = {
      ...delayRefund,
      split: [
        { method: "points", amount: { minor: 10000n, currency: "PTS" } },
        { method: "cash", amount: { minor: 500n, currency: "EUR" } },
        { method: "credit", amount: { minor: 200n, currency: "EUR" } },
      ],
    };
    const body = composeNotice({ remedy: mixed, customer: reader("zh-CN") })?.body ?? "";
    expect(body).toContain("我们将为您退还 10,000 积分、€5.00 和 €2.00 账户抵用金。");
  });

  it("greets plainly when the name is blank", () => {
    expect(composeNotice({ remedy: delayRefund, customer: reader("en", "  ") })?.body).toMatch(
      /^Hello,\n/,
    );
  });

  it("gives the honest cause in the reader's language, and says there is nothing to do", () => {
    const body = composeNotice({ remedy: compensation, customer: reader("en") })?.body ?? "";
    expect(body).toContain(
      "The cause: a fault in the aircraft's hydraulic system found before departure.",
    );
    expect(body).toContain("You need to do nothing.");
    expect(body).toContain("We are paying you €400.00 in compensation.");
  });

  it("greets by name when we know it, plainly when we do not", () => {
    expect(composeNotice({ remedy: delayRefund, customer: reader("en", "Lena") })?.body).toMatch(
      /^Dear Lena,\n/,
    );
    expect(composeNotice({ remedy: delayRefund })?.body).toMatch(/^Hello,\n/);
  });
});

describe("composeNotice: a booking's passengers, one notice each", () => {
  // Booking eu261-bk-1001: Anna and Erik Berg, paid for by cust-1001, 3 h 35 min late.
  const eu261 = remediesOf(engineFor("eu261").processAll(sampleEvents("eu261")));
  const berg = eu261.filter(
    (r) => r.promise === "eu261-delay-compensation" && r.customer === "cust-1001",
  );
  const compose = (remedy: Remedy, lang: Lang) =>
    composeNotice({ remedy, customer: reader(lang, "Anna Berg") });

  it("EU 261 pays each passenger: two remedies to the one booker", () => {
    expect(berg.map((r) => r.passenger?.name)).toEqual(["Anna Berg", "Erik Berg"]);
  });

  it.each([
    [
      "en",
      "Compensation for the delay, booking eu261-bk-1001 (Erik Berg)",
      "This notice is about Erik Berg, a passenger on this booking.",
    ],
    [
      "zh-CN",
      "预订 eu261-bk-1001 航班延误的赔偿（Erik Berg）",
      "本通知针对本预订中的乘客 Erik Berg。",
    ],
    [
      "sv",
      "Ersättning för förseningen, bokning eu261-bk-1001 (Erik Berg)",
      "Det här meddelandet gäller Erik Berg, en av passagerarna på bokningen.",
    ],
  ] as const)("in %s, the subject and the text name the passenger", (lang, subject, sentence) => {
    const [anna, erik] = berg.map((r) => compose(r, lang));
    expect(erik?.subject).toBe(subject);
    expect(erik?.body).toContain(sentence);
    expect(anna?.subject).not.toBe(erik?.subject);
    expect(anna?.body).not.toContain("Erik");
  });

  it.each([
    [
      "en",
      "Compensation for the delay, booking eu261-bk-1001 (passenger 2 of 2)",
      "This notice is about passenger 2 of 2 on this booking. We are paying you",
    ],
    [
      "zh-CN",
      "预订 eu261-bk-1001 航班延误的赔偿（第 2 位乘客，共 2 位）",
      "本通知针对本预订中的第 2 位乘客（共 2 位）。我们将向您支付赔偿金",
    ],
    [
      "sv",
      "Ersättning för förseningen, bokning eu261-bk-1001 (passagerare 2 av 2)",
      "Det här meddelandet gäller passagerare 2 av 2 på bokningen. Vi betalar dig",
    ],
  ] as const)("in %s, a passenger without a name is told by position", (lang, subject, text) => {
    const erik = berg[1] as Remedy;
    const unnamed: Remedy = { ...erik, passenger: { id: "p2", number: 2, of: 2 } };
    const notice = compose(unnamed, lang);
    expect(notice?.subject).toBe(subject);
    expect(notice?.body).toContain(text);
  });

  it("in Chinese, a space sets off a Latin name, not a Chinese one", () => {
    const erik = berg[1] as Remedy;
    const chinese: Remedy = { ...erik, passenger: { id: "p2", name: "李强", number: 2, of: 2 } };
    expect(compose(chinese, "zh-CN")?.body).toContain("本通知针对本预订中的乘客李强。");
    expect(compose(erik, "zh-CN")?.body).toContain("本通知针对本预订中的乘客 Erik Berg。");
  });

  it.each(LANGS)("in %s, the only passenger of a booking is not singled out", (lang) => {
    const lars = find(eu261, "eu261-delay-compensation", "cust-3001");
    expect(lars.passenger).toMatchObject({ name: "Lars Nilsson", of: 1 });
    const notice = composeNotice({ remedy: lars, customer: reader(lang, "Mr Nilsson") });
    expect(notice?.lang).toBe(lang);
    expect(notice?.subject).not.toContain("Lars");
    expect(notice?.body).not.toContain("Lars");
  });
});

describe("composeNotice: language", () => {
  it.each([
    ["sv", "sv"],
    ["sv-FI", "sv"],
    ["zh-Hans-CN", "zh-CN"],
    ["de", "en"],
  ])("a customer who speaks %s is written to in %s", (language, lang) => {
    expect(composeNotice({ remedy: delayRefund, customer: reader(language) })?.lang).toBe(lang);
  });

  it("without a profile, the remedy's language (English by default)", () => {
    expect(composeNotice({ remedy: delayRefund })?.lang).toBe("en");
    expect(composeNotice({ remedy: { ...delayRefund, language: "sv" } })?.lang).toBe("sv");
  });
});

describe("composeNotice: consent and channels, checked before any outreach", () => {
  const withConsents = (consents: Record<string, boolean>): NoticeCustomer => ({
    language: "en",
    consents,
  });
  const compose = (consents: Record<string, boolean>, requireConsent = false) =>
    composeNotice(
      { remedy: delayRefund, customer: withConsents(consents) },
      resolveNoticeOptions({ requireConsent }),
    );

  it("a customer who withdrew service notices is not contacted; the notice says why", () => {
    const notice = compose({ service_notices: false, "service_notices:email": true });
    expect(notice).toMatchObject({ status: "suppressed", reason: "no_consent" });
    expect(notice?.channel).toBeUndefined();
    // Kept for the agent and the customer's own page: what we would have said.
    expect(notice?.body).toContain("€318.00");
  });

  it("every channel withdrawn: suppressed for want of a channel", () => {
    const all = { email: false, push: false, sms: false, post: false };
    const consents = Object.fromEntries(
      Object.entries(all).map(([c, v]) => [`service_notices:${c}`, v]),
    );
    expect(compose(consents)).toMatchObject({ status: "suppressed", reason: "no_channel" });
  });

  it("a channel the customer granted wins; a withdrawn one is skipped", () => {
    expect(compose({ "service_notices:sms": true })?.channel).toBe("sms");
    expect(compose({ "service_notices:email": false })?.channel).toBe("push");
    // Consent for another purpose says nothing about service notices.
    expect(compose({ marketing: false, "marketing:email": false })?.channel).toBe("email");
  });

  it("where consent is required, only a grant lets the notice out", () => {
    expect(compose({}, true)).toMatchObject({ status: "suppressed", reason: "no_consent" });
    expect(compose({ service_notices: true }, true)).toMatchObject({
      status: "ready",
      channel: "email",
    });
    expect(compose({ "service_notices:post": true }, true)?.channel).toBe("post");
  });

  it("an erased customer: suppressed, and nothing about them is written", () => {
    const notice = composeNotice({
      remedy: delayRefund,
      customer: reader("sv", "Lena Berg"),
      erased: true,
    });
    expect(notice).toMatchObject({ status: "suppressed", reason: "erased", subject: "", body: "" });
    expect(JSON.stringify(notice)).not.toContain("Lena");
  });

  it("a remedy waiting for a person is held: 'we are refunding' would not be true yet", () => {
    const waiting: Remedy = {
      ...delayRefund,
      approval: { required: true, reasons: ["over_threshold"] },
    };
    expect(composeNotice({ remedy: waiting, customer: reader("en") })).toMatchObject({
      status: "held",
      reason: "awaiting_approval",
      channel: "email",
    });
  });
});

describe("composeNotice: keys", () => {
  it("a promise without a notice key gives no notice", () => {
    const { notice: _, ...silent } = delayRefund;
    expect(composeNotice({ remedy: silent })).toBeUndefined();
  });

  it("an unknown key falls back to the generic template, naming the promise", () => {
    const notice = composeNotice({
      remedy: { ...delayRefund, notice: "airline.something-new" },
      customer: reader("sv"),
    });
    expect(notice?.template).toBe("generic");
    expect(notice?.subject).toBe(
      "Om vårt löfte: Tre timmar försenat på grund av oss? Du får tillbaka biljettpriset.",
    );
    expect(notice?.body).toContain("Något blev inte som vi lovade. Orsaken:");
    expect(notice?.body).toContain("före avgång. Vi ber om ursäkt.");
    expect(notice?.body).toContain(`318,00${NBSP}€`);
  });

  it("is deterministic: the same remedy and customer give the same notice", () => {
    const again = packRemedies("airline", "eu261");
    const a = composeNotice({
      remedy: find(again, "delay-refund", "c-lena"),
      customer: reader("sv"),
    });
    expect(a).toEqual(composeNotice({ remedy: delayRefund, customer: reader("sv") }));
  });
});

describe("composeNotice with the engine's own view of the customer", () => {
  it("follows customer.updated and consent.changed", () => {
    const engine = engineFor("airline");
    const events = sampleEvents("airline");
    const profile = [
      {
        id: "crm-lena",
        type: "customer.updated",
        time: "2026-10-03T00:00:00Z",
        customer: "c-lena",
        data: { name: "Lena Berg", language: "sv" },
      },
      {
        id: "consent-omar",
        type: "consent.changed",
        time: "2026-10-16T00:00:00Z",
        customer: "c-omar",
        data: { purpose: "service_notices", granted: false },
      },
    ] as unknown as typeof events;
    const remedies = remediesOf(
      engine.processAll([...profile, ...events].sort((a, b) => a.time.localeCompare(b.time))),
    );
    const notice = (customer: string) => {
      const remedy = find(remedies, "delay-refund", customer);
      return composeNotice({ remedy, customer: engine.customer(customer) });
    };
    expect(notice("c-lena")).toMatchObject({ lang: "sv", status: "ready" });
    expect(notice("c-lena")?.body).toMatch(/^Hej Lena Berg,/);
    expect(notice("c-omar")).toMatchObject({ status: "suppressed", reason: "no_consent" });
    expect(notice("c-mei")).toMatchObject({ lang: "en", status: "ready" });
  });
});
