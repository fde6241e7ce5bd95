/**
 * The people in the demo: a pool of customers with names, a language (a mix of English,
 * Swedish and Chinese, so notices go out in all three) and whether they agreed to service
 * notices by email. Every customer gets a `customer.updated`, and a `consent.changed` for
 * service notices, at the start of the scenario.
 */
import type { Lang } from "@goodfaith/core";
import { type DemoEvent, iso } from "./event.js";
import type { Random } from "./random.js";

/** A customer of the pool. */
export interface DemoCustomer {
  readonly id: string;
  readonly name: string;
  readonly language: Lang;
  readonly country: string;
  /** Age at the start of the scenario: the same on every booking they make. */
  readonly age: number;
}

const NAMES: Readonly<Record<Lang, { first: readonly string[]; last: readonly string[] }>> = {
  en: {
    first: [
      "Maya",
      "James",
      "Olivia",
      "Noah",
      "Emma",
      "Liam",
      "Ava",
      "Ethan",
      "Grace",
      "Daniel",
      "Chloe",
      "Samuel",
      "Ruth",
      "Owen",
    ],
    last: [
      "Carter",
      "Nguyen",
      "Brooks",
      "Okafor",
      "Rivera",
      "Hughes",
      "Kim",
      "Turner",
      "Byrne",
      "Patel",
      "Foster",
      "Reyes",
    ],
  },
  sv: {
    first: [
      "Anna",
      "Erik",
      "Ingrid",
      "Lars",
      "Astrid",
      "Johan",
      "Elsa",
      "Nils",
      "Karin",
      "Oskar",
      "Maja",
      "Viktor",
    ],
    last: [
      "Lindqvist",
      "Nilsson",
      "Berg",
      "Dahl",
      "Holm",
      "Sandberg",
      "Ek",
      "Lund",
      "Sjöberg",
      "Strand",
    ],
  },
  "zh-CN": {
    first: ["伟", "静", "敏", "磊", "芳", "杰", "婷", "强", "丽", "军"],
    last: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"],
  },
};

const COUNTRY: Readonly<Record<Lang, readonly string[]>> = {
  en: ["US", "US", "US", "IE", "GB"],
  sv: ["SE"],
  "zh-CN": ["CN", "US", "SE"],
};

/** A name for someone travelling with `customer`: same family name, a first name of their language. */
export function companionName(customer: DemoCustomer, rnd: Random): string {
  const first = rnd.pick(NAMES[customer.language].first);
  if (customer.language === "zh-CN") return `${customer.name.slice(0, 1)}${first}`;
  return `${first} ${customer.name.split(" ")[1] ?? ""}`.trim();
}

/** The consent purpose service notices are sent under. */
export const NOTICE_PURPOSE = "service-notices";

/** A pool of `size` customers, ids `c-00001`…; about 60 % English, 25 % Swedish, 15 % Chinese. */
export function customerPool(size: number, rnd: Random): DemoCustomer[] {
  const pool: DemoCustomer[] = [];
  for (let i = 1; i <= size; i++) {
    const language = rnd.weighted<Lang>({ en: 60, sv: 25, "zh-CN": 15 });
    const names = NAMES[language];
    const first = rnd.pick(names.first);
    const last = rnd.pick(names.last);
    pool.push({
      id: `c-${String(i).padStart(5, "0")}`,
      // Chinese names are written family name first, without a space.
      name: language === "zh-CN" ? `${last}${first}` : `${first} ${last}`,
      language,
      country: rnd.pick(COUNTRY[language]),
      age: rnd.int(22, 78),
    });
  }
  return pool;
}

/**
 * Each customer's profile and notice consent, a second apart from `start` in pool order. About
 * one in twelve declined service notices by email, so some notices are suppressed.
 */
export function customerEvents(
  pool: readonly DemoCustomer[],
  start: number,
  rnd: Random,
): DemoEvent[] {
  const events: DemoEvent[] = [];
  pool.forEach((c, i) => {
    const at = iso(start + i * 1000);
    const handle = c.id.replace("c-", "customer");
    events.push({
      id: `crm-${c.id}`,
      type: "customer.updated",
      time: at,
      customer: c.id,
      data: {
        name: c.name,
        email: `${handle}@example.com`,
        language: c.language,
        country: c.country,
      },
    });
    events.push({
      id: `consent-${c.id}`,
      type: "consent.changed",
      time: at,
      customer: c.id,
      data: { purpose: NOTICE_PURPOSE, granted: !rnd.chance(1 / 12), channel: "email" },
    });
  });
  return events;
}
