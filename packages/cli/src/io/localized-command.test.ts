import type { Lang } from "@goodfaith/core";
import type { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../program.js";
import { commanderMessage } from "./localized-command.js";

/** What commander wrote to stderr first and the exit code it asked for. */
async function parse(args: string[], lang: Lang = "en") {
  const err: string[] = [];
  const program = buildProgram(
    (option) => ({ out: () => {}, err: (l) => err.push(l), lang: (option as Lang) ?? lang }),
    () => {},
  );
  const code = await program.parseAsync(["node", "goodfaith", ...args]).then(
    () => 0,
    (e: CommanderError) => e.exitCode,
  );
  return { said: err[0], code };
}

describe("commander's own errors", () => {
  const cases: [string[], Record<Lang, string>][] = [
    [
      ["promises", "validate", "a.yaml", "--x"],
      {
        en: "error: unknown option '--x'",
        "zh-CN": "错误：未知选项“--x”",
        sv: 'fel: okänd flagga "--x"',
      },
    ],
    [
      ["promises", "render"],
      {
        en: "error: missing required argument 'file'",
        "zh-CN": "错误：缺少必需的参数“file”",
        sv: 'fel: argumentet "file" saknas',
      },
    ],
    [
      ["clv", "fit", "--format", "xml"],
      {
        en: "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are csv, cdnow.",
        "zh-CN": "错误：选项“--format <format>”的取值“xml”无效，可选值为 csv, cdnow",
        sv: 'fel: flaggan "--format <format>" har ett ogiltigt värde "xml"; tillåtna värden är csv, cdnow',
      },
    ],
    [
      ["clv", "valeu"],
      {
        en: "error: unknown command 'valeu'\n(Did you mean value?)",
        "zh-CN": "错误：未知命令“valeu”\n（您是不是要输入 value？）",
        sv: 'fel: okänt kommando "valeu"\n(Menade du value?)',
      },
    ],
    [
      ["run", "--events"],
      {
        en: "error: option '-e, --events <files...>' argument missing",
        "zh-CN": "错误：选项“-e, --events <files...>”缺少取值",
        sv: 'fel: flaggan "-e, --events <files...>" kräver ett värde',
      },
    ],
    [
      ["run", "-p", "a.yaml"],
      {
        en: "error: required option '-e, --events <files...>' not specified",
        "zh-CN": "错误：缺少必需的选项“-e, --events <files...>”",
        sv: 'fel: den obligatoriska flaggan "-e, --events <files...>" saknas',
      },
    ],
    [
      ["customers", "show", "a", "b"],
      {
        en: "error: too many arguments for 'show': expected 1, got 2",
        "zh-CN": "错误：“show”的参数过多：应为 1 个，实际为 2 个",
        sv: 'fel: för många argument till "show": väntade 1, fick 2',
      },
    ],
  ];

  it.each(cases)("%j is said in every language, and exits 1", async (args, said) => {
    for (const lang of ["en", "zh-CN", "sv"] as const)
      expect(await parse([...args, "--lang", lang])).toEqual({ said: said[lang], code: 1 });
  });

  it("know the language from --lang wherever it stands, else from the environment", async () => {
    expect((await parse(["--lang", "sv", "promises", "validate", "a", "--x"])).said).toBe(
      'fel: okänd flagga "--x"',
    );
    expect((await parse(["--lang", "xx"], "sv")).said).toMatch(/^fel: flaggan "--lang <lang>"/);
  });

  it("suggest one of several names, and leave a message they do not know as it is", () => {
    const message = "error: unknown option '--jsn'\n(Did you mean one of --json, --js?)";
    expect(commanderMessage("sv", message, "commander.unknownOption")).toBe(
      'fel: okänd flagga "--jsn"\n(Menade du någon av --json, --js?)',
    );
    expect(commanderMessage("sv", "error: something new", "commander.somethingNew")).toBe(
      "error: something new",
    );
  });
});
