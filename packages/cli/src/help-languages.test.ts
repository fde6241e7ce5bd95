/**
 * Every command's help in every language: each text translated (not left in English), commander's
 * own words too, the language taken from --lang wherever it stands or else from the environment.
 */
import type { Lang } from "@goodfaith/core";
import type { Command } from "commander";
import { afterEach, describe, expect, test, vi } from "vitest";
import { helpEntries } from "./help-texts/index.js";
import { processContext } from "./io/context.js";
import { buildProgram } from "./program.js";

/** The program as built for `args`, and its commands by their path ("ledger verify"). */
function commands(args: string[], lang: Lang = "en"): Map<string, Command> {
  const program = buildProgram(
    (option) => ({ out: () => {}, err: () => {}, lang: (option as Lang | undefined) ?? lang }),
    () => {},
    args,
  );
  const found = new Map<string, Command>();
  const walk = (command: Command, path: string) => {
    found.set(path, command);
    for (const sub of command.commands)
      walk(sub, path === "" ? sub.name() : `${path} ${sub.name()}`);
  };
  walk(program, "");
  return found;
}

/** A command's whole help as `--help` prints it, `width` columns wide. */
function rendered(command: Command, width = 100): string {
  let help = "";
  command.configureOutput({ writeOut: (text) => (help += text), getOutHelpWidth: () => width });
  command.outputHelp();
  return help;
}

/** What the help of a command says in prose: its description, its items', the text after. */
function texts(command: Command): string[] {
  const after = rendered(command).slice(command.helpInformation().length);
  return [
    command.description(),
    ...command.options.map((o) => o.description),
    ...command.registeredArguments.map((a) => a.description),
    // Example command lines are the same in every language.
    after
      .split("\n")
      .filter((line) => !/^ {2}(goodfaith|export|curl) /.test(line))
      .join("\n"),
  ].filter((text) => text.trim() !== "");
}

const english = commands([]);

describe("help in every language", () => {
  test.each(["zh-CN", "sv"] as const)(
    "%s: every text of every command differs from English",
    (lang) => {
      const translated = commands(["--lang", lang]);
      expect([...translated.keys()]).toEqual([...english.keys()]);
      let compared = 0;
      for (const [path, command] of english) {
        const theirs = texts(translated.get(path) as Command);
        const ours = texts(command);
        expect(theirs.length, path).toBe(ours.length);
        ours.forEach((text, i) => {
          expect(theirs[i], `${path}: ${text}`).not.toBe(text);
          compared++;
        });
      }
      expect(compared).toBeGreaterThan(150);
    },
  );

  test("zh-CN: no English prose left (a run of three English words), flags and commands aside", () => {
    for (const [path, command] of commands(["--lang", "zh-CN"])) {
      for (const text of texts(command)) {
        const prose = text.replace(/goodfaith( [a-z]+)*|--?[a-z][a-z-]*/g, "");
        expect(prose, path).not.toMatch(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/);
      }
    }
  });

  test.each([
    ["zh-CN", ["用法：goodfaith", "选项：", "命令：", "显示命令的帮助", "显示版本号", "退出码："]],
    ["sv", ["Användning: goodfaith", "Flaggor:", "Kommandon:", "visa hjälp för kommandot"]],
  ] as const)("%s: commander's own words are translated in every command's help", (lang, words) => {
    const all = [...commands(["--lang", lang]).values()]
      .map((command) => rendered(command))
      .join("\n");
    for (const word of words) expect(all).toContain(word);
    for (const word of [
      "Usage:",
      "Options:",
      "Commands:",
      "Arguments:",
      "display help for command",
      "output the version number",
      "(default:",
      "(choices:",
      "Example:",
    ])
      expect(all).not.toContain(word);
  });

  test("the choices and default commander adds are said in the language", () => {
    const format = (lang: Lang) =>
      rendered(commands(["--lang", lang]).get("clv fit") as Command)
        .split("\n")
        .find((line) => line.includes("--format"));
    expect(format("en")).toContain('input format (choices: "csv", "cdnow", default: "csv")');
    expect(format("zh-CN")).toContain('输入格式（可选值："csv", "cdnow"；默认值："csv"）');
    expect(format("sv")).toContain(
      'indataformat (möjliga värden: "csv", "cdnow"; standard: "csv")',
    );
    const program = rendered(commands(["--lang=sv"]).get("") as Command);
    expect(program).toContain("Användning: goodfaith [options] [command]");
  });

  test("English help keeps commander's words and the examples' heading", () => {
    const program = rendered(english.get("") as Command);
    expect(program).toMatch(/^Usage: goodfaith \[options\] \[command\]\n/);
    expect(program).toContain("  -h, --help                   display help for command");
    expect(program).toContain("  help [command]               display help for command");
    expect(program).toContain("\nExit codes:\n  0  success\n");
    expect(rendered(english.get("run") as Command)).toContain("\nExamples:\n  goodfaith run ");
  });

  test("Chinese wraps between characters, counting each as two columns", () => {
    const demo = rendered(commands(["--lang", "zh-CN"]).get("") as Command, 80);
    const wide = (line: string) =>
      line.length + (line.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0);
    const items = demo.split("\n").filter((line) => /^ {2}\S/.test(line) || /^ {20,}\S/.test(line));
    expect(items.length).toBeGreaterThan(20);
    for (const line of items) expect(wide(line), line).toBeLessThanOrEqual(80);
    expect(demo).toContain("  demo [options]               全新的存储");
  });
});

describe("the language of help", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** What `goodfaith <args>` prints on stdout, with the process's own context (its environment). */
  async function printed(args: string[]): Promise<string> {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const program = buildProgram(processContext, () => {}, args);
    program.exitOverride();
    await program.parseAsync(["node", "goodfaith", ...args]).catch(() => {});
    return out;
  }

  test("is --lang wherever it stands, as --lang sv or --lang=sv", async () => {
    vi.stubEnv("LC_ALL", "zh_CN.UTF-8");
    expect(await printed(["--lang", "sv", "--help"])).toContain("Håll dina löften till kunderna");
    expect(await printed(["ledger", "verify", "--help", "--lang=sv"])).toContain(
      "Användning: goodfaith ledger verify",
    );
    expect(await printed(["--lang", "en", "run", "--help"])).toContain("Usage: goodfaith run");
  });

  test("else the environment, as for everything else the CLI says", async () => {
    vi.stubEnv("LC_ALL", undefined);
    vi.stubEnv("LC_MESSAGES", undefined);
    vi.stubEnv("LANG", "zh_CN.UTF-8");
    const help = await printed(["remedies", "--help"]);
    expect(help).toContain("用法：goodfaith remedies");
    expect(help).toContain("引擎决定的补救措施");
    vi.stubEnv("LANG", "sv_SE.UTF-8");
    expect(await printed(["help", "keys"])).toContain("API-nycklar till HTTP-API:t");
  });
});

describe("the help catalog", () => {
  test("says every text in every language, with the same placeholders", () => {
    for (const [key, entry] of Object.entries(helpEntries())) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of ["zh-CN", "sv"] as const) {
        expect(entry[lang].trim(), `${key} ${lang}`).not.toBe("");
        expect(names(entry[lang]), `${key} ${lang}`).toEqual(names(entry.en));
      }
    }
  });

  test("zh-CN puts a space between Han characters and Latin letters or digits", () => {
    const han = "\\u4e00-\\u9fff";
    const tight = new RegExp(`[${han}][A-Za-z0-9]|[A-Za-z0-9][${han}]`);
    for (const [key, entry] of Object.entries(helpEntries()))
      expect(entry["zh-CN"], key).not.toMatch(tight);
  });
});
