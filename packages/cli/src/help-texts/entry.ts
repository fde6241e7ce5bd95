import type { Lang } from "@goodfaith/core";

/** One help text in every language the CLI speaks; `{name}` marks a value filled in. */
export type HelpEntry = Readonly<Record<Lang, string>>;
