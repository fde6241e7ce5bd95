/**
 * Every text of the CLI's help, one entry per text in en, zh-CN and sv, split by command group.
 * Command names, flags, placeholders and example command lines are not in here: they are the
 * same in every language and stay in the code that registers the commands.
 */
import { interpolate, type Lang } from "@goodfaith/core";
import { BACKTEST_HELP } from "./backtest.js";
import { COMMON_HELP } from "./common.js";
import type { HelpEntry } from "./entry.js";
import { MEASURE_HELP } from "./measure.js";
import { PROGRAM_HELP } from "./program.js";
import { SERVE_HELP } from "./serve.js";
import { STORE_HELP } from "./store.js";
import { WEBHOOKS_HELP } from "./webhooks.js";

export type { HelpEntry } from "./entry.js";

const HELP = {
  ...COMMON_HELP,
  ...PROGRAM_HELP,
  ...STORE_HELP,
  ...SERVE_HELP,
  ...MEASURE_HELP,
  ...BACKTEST_HELP,
  ...WEBHOOKS_HELP,
} as const satisfies Record<string, HelpEntry>;

/** The name of one help text. */
export type HelpKey = keyof typeof HELP;

/** A help text in the program's language, `{name}` filled from `params`. */
export type HelpText = (key: HelpKey, params?: Readonly<Record<string, string>>) => string;

/** The help texts in `lang`. */
export function helpText(lang: Lang): HelpText {
  return (key, params) => interpolate(HELP[key][lang], params ?? {});
}

/** Every help text, for tests that compare the languages. */
export function helpEntries(): Readonly<Record<HelpKey, HelpEntry>> {
  return HELP;
}

/**
 * Text shown after a command's help: a blank line, then the blocks a blank line apart. Give
 * `examples(…)` as a block for example command lines under their heading.
 */
export function afterHelp(...blocks: readonly string[]): string {
  return `\n${blocks.join("\n\n")}`;
}

/** Example command lines under `heading`, indented as commander indents its items. */
export function examples(heading: string, lines: readonly string[]): string {
  return [heading, ...lines.map((line) => `  ${line}`)].join("\n");
}
