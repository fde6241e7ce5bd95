/**
 * The translated docs keep up with the English ones: for every doc and every language the
 * translation exists, has the same headings (level by level, in order), carries the same fenced
 * code blocks byte for byte and in order, and every relative link in it resolves. Prose is not
 * compared: that is the translator's job; structure and code are what drift silently.
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DOCS = ["promises.md", "scorecard.md"];
const LANGS = ["zh-CN", "sv"];

interface Parsed {
  /** The level (1–6) of every ATX heading outside code, in order. */
  readonly headings: number[];
  /** Every fenced code block, fences included, in order. */
  readonly blocks: string[];
  /** Every link target outside code and inline code spans, in order. */
  readonly links: string[];
}

/** Splits a Markdown file into headings, fenced code blocks and link targets. */
function parse(text: string): Parsed {
  const headings: number[] = [];
  const blocks: string[] = [];
  const links: string[] = [];
  let fence: { marker: string; lines: string[] } | undefined;
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    if (fence) {
      fence.lines.push(line);
      if (line.trim() === fence.marker) {
        blocks.push(fence.lines.join("\n"));
        fence = undefined;
      }
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open?.[1]) {
      fence = { marker: open[1], lines: [line] };
      continue;
    }
    const heading = /^ {0,3}(#{1,6})(?:\s|$)/.exec(line);
    if (heading?.[1]) headings.push(heading[1].length);
    const prose = line.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (m[1]) links.push(m[1]);
    }
  }
  if (fence) blocks.push(`${fence.lines.join("\n")}\n<unclosed fence>`);
  return { headings, blocks, links };
}

/** A link that points into the repository (not a web address, mail or in-page anchor). */
function isRelative(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#");
}

function read(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

describe.each(DOCS)("docs/%s", (doc) => {
  const english = parse(read(`docs/${doc}`));

  test("the English doc has headings to compare", () => {
    expect(english.headings.length).toBeGreaterThan(0);
  });

  describe.each(LANGS)("%s", (lang) => {
    const path = `docs/${lang}/${doc}`;

    test("the translation exists", () => {
      expect(existsSync(join(ROOT, path)), `${path} is missing`).toBe(true);
    });

    const translated = existsSync(join(ROOT, path)) ? parse(read(path)) : undefined;

    test("has the same headings, level by level, in the same order", () => {
      expect(translated?.headings).toEqual(english.headings);
    });

    test("has the English code blocks, byte-identical and in the same order", () => {
      expect(translated?.blocks.length, "number of code blocks").toBe(english.blocks.length);
      english.blocks.forEach((block, i) => {
        expect(translated?.blocks[i], `code block ${i + 1} of ${path}`).toBe(block);
      });
    });

    test("every relative link resolves to a file", () => {
      const broken = (translated?.links ?? []).filter(isRelative).filter((target) => {
        const file = decodeURI(target.split("#")[0] ?? "");
        return file !== "" && !existsSync(resolve(ROOT, dirname(path), file));
      });
      expect(broken).toEqual([]);
    });

    test("links to the same doc in English, 中文 and Svenska", () => {
      const first = read(path).split("\n")[0] ?? "";
      const links = parse(first).links.map((target) => resolve(ROOT, dirname(path), target));
      expect(links).toEqual(
        ["", "zh-CN", "sv"].map((folder) => resolve(ROOT, "docs", folder, doc)),
      );
    });
  });
});
