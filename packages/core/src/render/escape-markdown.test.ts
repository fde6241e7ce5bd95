import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escape-markdown.js";

describe("escapeMarkdown", () => {
  it("leaves ordinary prose alone", () => {
    const title = "Three hours late because of us? Your fare back. (Really - all of it!)";
    expect(escapeMarkdown(title)).toBe(title);
  });

  it("escapes inline markup and raw HTML", () => {
    expect(escapeMarkdown("*bold* _it_ `code` [link](x) <b> ~~s~~ a|b \\")).toBe(
      "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\~\\~s\\~\\~ a\\|b \\\\",
    );
  });

  it("escapes what would start a block at the beginning of a line", () => {
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("+ not a list")).toBe("\\+ not a list");
    expect(escapeMarkdown("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdown("2) not a list")).toBe("2\\) not a list");
    expect(escapeMarkdown("> not a quote")).toBe("\\> not a quote");
    expect(escapeMarkdown("---")).toBe("\\---");
    expect(escapeMarkdown("a\n===")).toBe("a\n\\===");
  });

  it("does not escape the same characters inside a line", () => {
    expect(escapeMarkdown("Flight 1. Gate 2 - row 3 # 4")).toBe("Flight 1. Gate 2 - row 3 # 4");
    expect(escapeMarkdown("-5 degrees")).toBe("-5 degrees");
  });

  it("escapes an ampersand only where it would start an entity", () => {
    expect(escapeMarkdown("AT&T &amp; &#60;")).toBe("AT&T \\&amp; \\&#60;");
  });

  it("trims each line so indentation cannot make a code block", () => {
    expect(escapeMarkdown("    code?")).toBe("code?");
  });
});
