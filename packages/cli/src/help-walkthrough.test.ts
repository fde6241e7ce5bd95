/**
 * What a newcomer's walkthrough found missing from the help: the figures `scorecard --explain`
 * takes, `outbox run`'s own log levels, and every meaning of exit code 2 — in each language.
 */
import { LANGS, type Lang } from "@goodfaith/core";
import { EXPLAINABLE } from "@goodfaith/store";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "./program.js";

/** The whole help of `path` ("outbox run") as `--help` prints it in `lang`. */
function help(path: string, lang: Lang): string {
  const words = path ? path.split(" ") : [];
  const program = buildProgram(() => ({ out: () => {}, err: () => {}, lang }), () => {}, [
    ...words,
    "--help",
    "--lang",
    lang,
  ]);
  let command: Command = program;
  for (const word of words) {
    const sub = command.commands.find((c) => c.name() === word);
    if (!sub) throw new Error(`no command ${path}`);
    command = sub;
  }
  let text = "";
  command.configureOutput({ writeOut: (t) => (text += t), getOutHelpWidth: () => 100 });
  command.outputHelp();
  return text;
}

describe("the help a newcomer reads", () => {
  it("lists every figure scorecard --explain takes, in every language", () => {
    for (const lang of LANGS) {
      const text = help("scorecard", lang);
      for (const figure of EXPLAINABLE) expect(text, `${lang} ${figure}`).toContain(figure);
    }
  });

  it("says what outbox run logs at info, not a line per request it never handles", () => {
    const words = { en: "start and stop", "zh-CN": "启动和停止", sv: "start och stopp" };
    for (const lang of LANGS) {
      const text = help("outbox run", lang).replace(/\s+/g, " ");
      expect(text, lang).toContain(words[lang]);
      expect(text, lang).not.toMatch(/a line per request|每个请求一行|en rad per anrop/);
    }
    // serve does handle requests, and still says so.
    expect(help("serve", "en").replace(/\s+/g, " ")).toContain("a line per request");
  });

  it("gives exit code 2 every meaning the README gives it", () => {
    const verify = {
      en: "a ledger or checkpoint that does not verify",
      "zh-CN": "或账本、检查点未通过校验",
      sv: "eller en liggare eller kontrollpunkt som inte klarar verifieringen",
    };
    for (const lang of LANGS)
      expect(help("", lang).replace(/\s+/g, " "), lang).toContain(verify[lang]);
  });
});
