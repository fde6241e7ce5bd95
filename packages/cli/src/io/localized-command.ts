/**
 * Commander's own errors (an unknown option, a missing argument, a value not among the
 * choices…) in the reader's language. Commander words them in English and passes each through
 * `error()` with a stable `code`; the names and values they carry are read back out of its
 * (v14) wording, and a message this table does not know is left as commander wrote it. Its
 * help is in the reader's language too: see `LocalizedHelp` and `helpOf`.
 */
import type { Lang } from "@goodfaith/core";
import { Command, type ErrorOptions, type Help } from "commander";
import { type HelpText, helpText } from "../help-texts/index.js";
import { type MessageKey, t } from "../messages.js";
import { LocalizedHelp } from "./localized-help.js";

const ERRORS: Readonly<Record<string, readonly [RegExp, MessageKey]>> = {
  "commander.unknownOption": [
    /^error: unknown option '(?<option>.*?)'(?:\n|$)/,
    "cliUnknownOption",
  ],
  "commander.unknownCommand": [
    /^error: unknown command '(?<command>.*?)'(?:\n|$)/,
    "cliUnknownCommand",
  ],
  "commander.missingArgument": [
    /^error: missing required argument '(?<argument>.*)'$/,
    "cliMissingArgument",
  ],
  "commander.optionMissingArgument": [
    /^error: option '(?<option>.*)' argument missing$/,
    "cliOptionMissingValue",
  ],
  "commander.missingMandatoryOptionValue": [
    /^error: required option '(?<option>.*)' not specified$/,
    "cliMissingOption",
  ],
  "commander.invalidArgument": [
    /^error: option '(?<option>.*)' argument '(?<value>.*)' is invalid\. Allowed choices are (?<choices>.*)\.$/,
    "cliBadChoice",
  ],
  "commander.excessArguments": [
    /^error: too many arguments for '(?<command>.*)'\. Expected (?<expected>\d+) arguments? but got (?<received>\d+)\.$/,
    "cliTooManyArguments",
  ],
};

// The "did you mean" commander adds to an unknown option or command.
const SUGGESTION = /\n\(Did you mean (?<oneOf>one of )?(?<names>.*)\?\)$/;

/** Commander's error `message` with `code`, said in `lang`. */
export function commanderMessage(lang: Lang, message: string, code: string | undefined): string {
  const [pattern, key] = ERRORS[code ?? ""] ?? [];
  const said = pattern?.exec(message)?.groups;
  if (key === undefined || said === undefined) return message;
  const text = t(lang, "cliError", { message: t(lang, key, said) });
  const suggested = SUGGESTION.exec(message)?.groups;
  if (suggested?.names === undefined) return text;
  const { names } = suggested;
  const hint = suggested.oneOf
    ? t(lang, "cliDidYouMeanOneOf", { names })
    : t(lang, "cliDidYouMean", { name: names });
  return `${text}\n${hint}`;
}

/**
 * A command, and every subcommand made from it, whose own errors are said in `lang()` and
 * whose help is in `helpLang` (settled before the commands are registered, see
 * `helpLanguage`).
 */
export class LocalizedCommand extends Command {
  readonly #lang: () => Lang;
  /** The language of this command's help. */
  readonly helpLang: Lang;

  constructor(name: string | undefined, lang: () => Lang, helpLang: Lang = "en") {
    super(name);
    this.#lang = lang;
    this.helpLang = helpLang;
  }

  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(name, this.#lang, this.helpLang);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.helpLang), this.configureHelp());
  }

  override error(message: string, options?: ErrorOptions): never {
    return super.error(commanderMessage(this.#lang(), message, options?.code), options);
  }
}

/** The help texts in the language of `command`'s help (English for a plain commander one). */
export function helpOf(command: Command): HelpText {
  return helpText(command instanceof LocalizedCommand ? command.helpLang : "en");
}
