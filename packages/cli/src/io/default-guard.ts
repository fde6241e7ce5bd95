/**
 * The guard promises used when `goodfaith guard check` is given no `--promises`: warn
 * before buying what one already owns, and honour a 14-day price guarantee.
 */
export const DEFAULT_GUARD_YAML = `goodfaith: 1
company: Goodfaith defaults
version: "1"
currency: USD
promises:
  - id: already-owned
    title: { en: "You already have it", zh-CN: "您已拥有", sv: "Du har den redan" }
    text:
      en: "Before you buy something you already own, we tell you."
      zh-CN: "在您购买已拥有的商品之前，我们会提醒您。"
      sv: "Innan du köper något du redan äger säger vi till."
    on: guard.check
    guard: { check: already-owned }
    remedy: { kind: warning }
  - id: price-protection
    title: { en: "Price guarantee", zh-CN: "价格保障", sv: "Prisgaranti" }
    text:
      en: "If the price drops within 14 days of your purchase, we refund the difference."
      zh-CN: "购买后 14 天内降价，我们退还差价。"
      sv: "Sjunker priset inom 14 dagar efter ditt köp betalar vi tillbaka mellanskillnaden."
    on: guard.check
    guard: { check: price-protection, window: P14D }
    remedy: { kind: warning }
`;
