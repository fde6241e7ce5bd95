/** The languages everything a customer or an agent reads must exist in. */
export const LANGS = ["en", "zh-CN", "sv"] as const;

/** One of Goodfaith's three languages. */
export type Lang = (typeof LANGS)[number];

/** A text in each of the three languages. */
export type Localized = Readonly<Record<Lang, string>>;

/** Whether a string names one of Goodfaith's languages. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/**
 * Picks the best of our languages for a BCP 47 tag or an Accept-Language list
 * ("zh" and "zh-Hans-CN" mean zh-CN, "sv-FI" means sv); English otherwise.
 */
export function negotiateLang(tags: string | undefined): Lang {
  if (!tags) return "en";
  for (const part of tags.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag === "sv" || tag.startsWith("sv-")) return "sv";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}

/** Fills `{name}` placeholders in a message template. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
