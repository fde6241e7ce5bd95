/**
 * Commander's own help in the reader's language: its section titles and the "(choices: …,
 * default: …)" it adds to a description, and wrapping that knows a Han character takes two
 * columns and may break a line anywhere. Commander builds descriptions when commands are
 * registered, so the language is settled before: from `--lang` on the command line, else as
 * the CLI's context resolves it from the environment.
 */
import { LANGS, type Lang } from "@goodfaith/core";
import { type Argument, type Command, Help, type Option } from "commander";
import { type HelpKey, type HelpText, helpText } from "../help-texts/index.js";
import type { CliContext } from "./context.js";

// The titles commander (v14) passes to styleTitle.
const TITLES: Readonly<Record<string, HelpKey>> = {
  "Usage:": "usage",
  "Arguments:": "arguments",
  "Options:": "options",
  "Global Options:": "globalOptions",
  "Commands:": "commands",
};

// East Asian wide characters (Han, kana, Hangul, full-width forms): two terminal columns each.
const WIDE =
  "\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const WIDE_CHARS = new RegExp(`[${WIDE}]`, "g");
// What a line may not be broken inside: a run of narrow non-space characters (a word), or one
// wide character; opening punctuation stays with what follows, closing with what precedes.
const CHUNK = new RegExp(
  `\\s*[（“‘《「]*(?:[${WIDE}]|[^\\s${WIDE}]+)[，。、；：）”’》」！？]*`,
  "g",
);

/** Commander's help, its own words in `lang`. */
export class LocalizedHelp extends Help {
  readonly #h: HelpText;

  constructor(lang: Lang) {
    super();
    this.#h = helpText(lang);
  }

  // Commander puts a space after "Usage:"; after a full-width colon (用法：) none belongs.
  override formatHelp(cmd: Command, helper: Help): string {
    return super.formatHelp(cmd, helper).replace(/^(\S*：) /, "$1");
  }

  override styleTitle(title: string): string {
    const key = TITLES[title];
    return key === undefined ? title : this.#h(key);
  }

  // As commander's own, with its words translated (values stay as typed: JSON-quoted).
  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(this.#choices(option.argChoices));
    const showDefault =
      option.required ||
      option.optional ||
      (option.isBoolean() && typeof option.defaultValue === "boolean");
    if (option.defaultValue !== undefined && showDefault)
      extra.push(this.#default(option.defaultValue, option.defaultValueDescription));
    if (option.presetArg !== undefined && option.optional)
      extra.push(this.#h("preset", { value: JSON.stringify(option.presetArg) }));
    if (option.envVar !== undefined) extra.push(this.#h("env", { name: option.envVar }));
    return this.#described(option.description, extra);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(this.#choices(argument.argChoices));
    if (argument.defaultValue !== undefined)
      extra.push(this.#default(argument.defaultValue, argument.defaultValueDescription));
    return this.#described(argument.description, extra);
  }

  override displayWidth(str: string): number {
    return super.displayWidth(str) + (str.match(WIDE_CHARS)?.length ?? 0);
  }

  // Commander's wrapping, with Chinese breakable between characters (it has no spaces).
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    const wrapped: string[] = [];
    for (const line of str.split(/\r\n|\n/)) {
      const chunks = line.match(CHUNK) ?? [];
      let current = chunks.shift() ?? "";
      let used = this.displayWidth(current);
      for (const chunk of chunks) {
        const needed = this.displayWidth(chunk);
        if (used + needed <= width) {
          current += chunk;
          used += needed;
        } else {
          wrapped.push(current);
          current = chunk.trimStart();
          used = this.displayWidth(current);
        }
      }
      wrapped.push(current);
    }
    return wrapped.join("\n");
  }

  #choices(choices: readonly string[]): string {
    return this.#h("choices", { values: choices.map((c) => JSON.stringify(c)).join(", ") });
  }

  #default(value: unknown, description: string | undefined): string {
    return this.#h("default", { value: description || JSON.stringify(value) });
  }

  #described(description: string, extra: readonly string[]): string {
    if (extra.length === 0) return description;
    const joined = extra.join(this.#h("extraSeparator"));
    return this.#h("extra", { description, extra: joined }).trim();
  }
}

/** The value of `--lang` on a command line (`--lang sv` or `--lang=sv`), the last if several. */
export function langArgument(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") break;
    if (arg === "--lang") found = args[++i];
    else if (arg.startsWith("--lang=")) found = arg.slice("--lang=".length);
  }
  return found;
}

/**
 * The language of help for a command line: what `context` makes of its `--lang`, else of no
 * `--lang` (the environment, for the process's context); English if neither is a language.
 */
export function helpLanguage(
  args: readonly string[],
  context: (lang: string | undefined) => CliContext,
): Lang {
  const known = (lang: string): lang is Lang => (LANGS as readonly string[]).includes(lang);
  const option = langArgument(args);
  for (const candidate of option === undefined ? [undefined] : [option, undefined]) {
    const { lang } = context(candidate);
    if (known(lang)) return lang;
  }
  return "en";
}
