import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as cli } from "../../../../test/support/cli.js";
import { ROOT } from "../../../../test/support/packs.js";

const RETAIL = (file: string) => join(ROOT, "packs/retail", file);

describe("goodfaith guard check --json", () => {
  it("answers as POST /v1/guard/check does: each warning with its message", async () => {
    const check = (lang: "en" | "sv") =>
      cli(
        [
          "guard",
          "check",
          "-e",
          RETAIL("events.jsonl"),
          "-p",
          RETAIL("promises.yaml"),
          "-c",
          "c-li",
          "-i",
          '[{"sku":"ebook-three-body","kind":"digital"}]',
          "--json",
        ],
        lang,
      );
    const en = await check("en");
    expect(en.code).toBe(0);
    const [warning] = (JSON.parse(en.out[0] ?? "{}") as { warnings: Record<string, unknown>[] })
      .warnings;
    expect(warning).toMatchObject({ code: "already_owned", sku: "ebook-three-body" });
    expect(warning?.message).toBe((warning?.text as Record<string, string> | undefined)?.en);
    expect(warning?.message).toMatch(/^You already bought/);
    const sv = JSON.parse((await check("sv")).out[0] ?? "{}") as {
      warnings: { message: string }[];
    };
    expect(sv.warnings[0]?.message).toMatch(/^Du har redan köpt/);
  });
});
