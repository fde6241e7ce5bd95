import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { typeWord, zodIssues } from "./zod-issues.js";

const schema = z.object({ items: z.array(z.string()), name: z.string().min(1) });

const messages = (input: unknown, lang: "en" | "zh-CN" | "sv") => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a failure");
  return zodIssues(parsed.error, "json", input, lang).map((i) => i.message);
};

describe("request issues found by zod", () => {
  it("name the types in the reader's language, not in English", () => {
    const input = { items: "x", name: "" };
    expect(messages(input, "zh-CN")).toEqual([
      "无效输入：期望数组，实际接收字符串",
      "数值过小：期望 字符串 >=1 字符",
    ]);
    expect(messages(input, "sv")).toEqual([
      "Ogiltig inmatning: förväntade en lista, fick en sträng",
      "För lite(t): förväntade en sträng att ha >=1 tecken",
    ]);
    expect(messages(input, "en")).toEqual([
      "Invalid input: expected array, received string",
      "Too small: expected string to have >=1 characters",
    ]);
  });

  it("has a word for every type a JSON body can hold", () => {
    for (const type of ["string", "number", "boolean", "object", "array", "undefined"])
      for (const lang of ["zh-CN", "sv"] as const)
        expect(typeWord(lang, type), `${lang} ${type}`).not.toBe(type);
    expect(typeWord("zh-CN", "boolean")).toBe("布尔值");
    expect(typeWord("zh-CN", "object")).toBe("对象");
    expect(typeWord("zh-CN", "number")).toBe("数字");
  });
});
