import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";
import { describeError, readTextSync } from "./file-error.js";

const RETAIL = join(ROOT, "packs/retail/promises.yaml");
const errno = (code: string, path?: string) =>
  Object.assign(new Error(`${code}: raw words`), { code, ...(path !== undefined && { path }) });

describe("a file that cannot be used", () => {
  it("is named and said why in the reader's language, never with Node's words", () => {
    expect(describeError(errno("ENOENT", "a.jsonl"), "en")).toBe("a.jsonl: no such file or folder");
    expect(describeError(errno("EACCES", "a.jsonl"), "sv")).toBe("a.jsonl: åtkomst nekad");
    expect(describeError(errno("EISDIR"), "zh-CN", "d")).toBe("d：这是文件夹，不是文件");
    expect(describeError(errno("ENOSPC", "o.html"), "en")).toBe(
      "o.html: cannot be read or written (ENOSPC)",
    );
    // Not about a file: its own message.
    expect(describeError(new Error("datatype mismatch"), "sv")).toBe("datatype mismatch");
    expect(() => readTextSync(tmpdir())).toThrow(expect.objectContaining({ path: tmpdir() }));
  });

  it("every command that reads or writes a file says which and why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goodfaith-cli-files-"));
    const missing = join(dir, "nofile");
    const runs = [
      ["run", "-p", RETAIL, "-e", missing, "--lang", "sv"],
      ["guard", "check", "-e", missing, "-c", "c", "--items", "[]", "--lang", "sv"],
      ["guard", "check", "-e", missing, "-c", "c", "--items", missing, "--lang", "sv"],
      ["backtest", "-p", RETAIL, "--events", missing, "--lang", "sv"],
      ["clv", "fit", "-t", missing, "--lang", "sv"],
      ["promises", "render", RETAIL, "-o", join(missing, "x.md"), "--lang", "sv"],
    ];
    for (const args of runs) {
      const run = await cli(args);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.err, args.join(" ")).toEqual([
        `${args.includes("render") ? join(missing, "x.md") : missing}: filen eller mappen finns inte`,
      ]);
    }
    const yaml = await cli(["promises", "validate", missing, "--lang", "zh-CN"]);
    expect(yaml.err).toEqual([`${missing}：没有这个文件或文件夹`]);
  });
});
