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

/** Our language for one BCP 47 tag (lower case), if we have one. */
function ours(tag: string): Lang | undefined {
  if (tag.startsWith("zh")) return "zh-CN";
  if (tag === "sv" || tag.startsWith("sv-")) return "sv";
  if (tag === "en" || tag.startsWith("en-")) return "en";
  return undefined;
}

/**
 * Picks the best of our languages for a BCP 47 tag or an Accept-Language list
 * ("zh" and "zh-Hans-CN" mean zh-CN, "sv-FI" means sv); English otherwise. Weights count
 * (`en;q=0.1, sv;q=0.9` is Swedish, `q=0` means "not this"); equal weights keep their order.
 */
export function negotiateLang(tags: string | undefined): Lang {
  if (!tags) return "en";
  let best: Lang | undefined;
  let bestQ = 0;
  for (const part of tags.split(",")) {
    const [tag = "", ...params] = part.split(";");
    const lang = ours(tag.trim().toLowerCase());
    if (lang === undefined) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
    const q = weight === undefined ? 1 : Number(weight);
    if (q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best ?? "en";
}

// Templates split once into text and placeholder names (odd places): messages are few and
// filled often (every guard warning fills three), and a regex pass per fill was measurable.
const splitTemplates = new Map<string, readonly string[]>();

function split(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (splitTemplates.size >= 10_000) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders in a message template; unknown names stay as written. */
export function interpolate(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  const parts = split(template);
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += name in params ? String(params[name]) : `{${name}}`;
    out += parts[i + 1] ?? "";
  }
  return out;
}
