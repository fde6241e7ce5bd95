import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGS } from "../i18n/lang.js";
import type { PromiseDocument } from "../promises/document.js";
import { loadPromises } from "../promises/load.js";
import { renderHtml, renderMarkdown } from "./render-promise-page.js";

function load(yaml: string): PromiseDocument {
  const loaded = loadPromises(yaml);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

const airline = load(
  readFileSync(new URL("../../../../packs/airline/promises.yaml", import.meta.url), "utf8"),
);

// A shop with no title of its own, a fixed-amount promise, a guard warning, and text that
// tries to inject markup.
const shop = load(`
goodfaith: 1
company: Ada & <Co>
version: "7"
currency: EUR
promises:
  - id: long-wait
    title: { en: "Waited <b>too</b> long?", zh-CN: 等待太久？, sv: Väntat för länge? }
    text:
      en: 'We credit you. <script>alert("x")</script>'
      zh-CN: 我们会补偿您。
      sv: Vi ger dig ett tillgodohavande.
    on: support.contact
    remedy: { kind: credit, amount: { fixed: "250.00" }, within: P1D }
  - id: already-owned
    title: { en: You already have it, zh-CN: 您已经买过了, sv: Du har den redan }
    text: { en: We tell you before you pay twice., zh-CN: 在您重复付款之前，我们会提醒您。, sv: Vi säger till innan du betalar två gånger. }
    on: guard.check
    guard: { check: already-owned }
    remedy: { kind: warning }
`);

const lines = (text: string) => text.split("\n");

describe("renderMarkdown", () => {
  it("renders the airline's promises in English", () => {
    const md = lines(renderMarkdown(airline, "en"));
    expect(md[0]).toBe("# Northwind Air Customer Bill of Rights");
    expect(md).toContain("## Three hours late because of us? Your fare back.");
    expect(md).toContain("## Children sit with their grown-ups");
    expect(md).toContain("- A refund of the whole amount you paid");
    expect(md).toContain("- Back the way you paid");
    expect(md).toContain("- Within 7 days");
    expect(md).toContain("- Within 2 hours");
    expect(md).toContain("- You need to do nothing");
    expect(md.at(-2)).toBe("Version 2026.11 of Northwind Air's promises");
  });

  it("renders the airline's promises in Chinese", () => {
    const md = lines(renderMarkdown(airline, "zh-CN"));
    expect(md[0]).toBe("# 北风航空乘客权利法案");
    expect(md).toContain("## 因我们的原因晚点三小时？全额退还票款。");
    expect(md).toContain("- 退款：您支付的全部金额");
    expect(md).toContain("- 按原支付方式退回");
    expect(md).toContain("- 7 天内");
    expect(md).toContain("- 您无需进行任何操作");
    expect(md.at(-2)).toBe("Northwind Air 的承诺（版本 2026.11）");
  });

  it("renders the airline's promises in Swedish", () => {
    const md = lines(renderMarkdown(airline, "sv"));
    expect(md[0]).toBe("# Northwind Airs kundrättigheter");
    expect(md).toContain("## Tre timmar försenat på grund av oss? Du får tillbaka biljettpriset.");
    expect(md).toContain("- Du får tillbaka hela beloppet du betalade");
    expect(md).toContain("- Tillbaka på samma sätt som du betalade");
    expect(md).toContain("- Inom 7 dagar");
    expect(md).toContain("- Inom 2 timmar");
    expect(md).toContain("- Du behöver inte göra något");
    expect(md.at(-2)).toBe("Version 2026.11 av Northwind Airs löften");
  });

  it("titles a document without a title after its company, and escapes its markup", () => {
    const md = lines(renderMarkdown(shop, "en"));
    expect(md[0]).toBe("# Ada & \\<Co\\>'s promises");
    expect(md).toContain("## Waited \\<b\\>too\\</b\\> long?");
    expect(md).toContain('We credit you. \\<script\\>alert("x")\\</script\\>');
  });

  it("shows a fixed amount as each locale writes money", () => {
    expect(renderMarkdown(shop, "en")).toContain("\n- A credit of €250.00\n");
    expect(renderMarkdown(shop, "zh-CN")).toContain("\n- 账户抵用金：€250.00\n");
    expect(renderMarkdown(shop, "sv")).toContain("\n- Ett tillgodohavande på 250,00\u00a0€\n");
  });

  it("puts warnings under 'Before you buy', one heading level down", () => {
    const md = lines(renderMarkdown(shop, "en"));
    const section = md.indexOf("## Before you buy");
    expect(section).toBeGreaterThan(md.indexOf("## Waited \\<b\\>too\\</b\\> long?"));
    expect(md.indexOf("### You already have it")).toBeGreaterThan(section);
    expect(md).toContain("- A word of warning before you pay");
    expect(lines(renderMarkdown(shop, "sv"))).toContain("## Innan du köper");
    expect(lines(renderMarkdown(shop, "zh-CN"))).toContain("## 购买之前");
  });

  it("leaves out 'Before you buy' when there are no warnings", () => {
    expect(renderMarkdown(airline, "en")).not.toContain("Before you buy");
  });
});

describe("renderHtml", () => {
  it.each(LANGS)("sets lang and gives every promise an article with its id (%s)", (lang) => {
    const html = renderHtml(shop, lang);
    expect(html.startsWith(`<main class="promise-page" lang="${lang}">`)).toBe(true);
    for (const doc of [airline, shop]) {
      const page = renderHtml(doc, lang);
      for (const p of doc.promises)
        expect(page).toContain(`<article class="promise" id="${p.id}">`);
    }
  });

  it("uses h1 for the page and h2 for each promise", () => {
    const html = renderHtml(airline, "en");
    expect(html).toContain("<h1>Northwind Air Customer Bill of Rights</h1>");
    expect(html).toContain("<h2>Three hours late because of us? Your fare back.</h2>");
    expect(html).toContain(
      '<ul class="facts" aria-label="In short">\n<li>A refund of the whole amount you paid</li>',
    );
    expect(html).toContain(
      "<footer><p>Version 2026.11 of Northwind Air&#39;s promises</p></footer>",
    );
  });

  it("escapes every text from the document", () => {
    const html = renderHtml(shop, "en");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<h1>Ada &amp; &lt;Co&gt;&#39;s promises</h1>");
    expect(html).toContain("<h2>Waited &lt;b&gt;too&lt;/b&gt; long?</h2>");
    expect(html).toContain(
      "<p>We credit you. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
    );
  });

  it("shows a fixed amount as each locale writes money", () => {
    expect(renderHtml(shop, "sv")).toContain("<li>Ett tillgodohavande på 250,00\u00a0€</li>");
    expect(renderHtml(shop, "zh-CN")).toContain("<li>账户抵用金：€250.00</li>");
  });

  it("puts warnings in a 'Before you buy' section with h3 titles", () => {
    const html = renderHtml(shop, "sv");
    expect(html).toContain('<section class="before-you-buy">\n<h2>Innan du köper</h2>');
    expect(html).toContain("<h3>Du har den redan</h3>");
  });

  it("is a fragment by default and a self-contained document when standalone", () => {
    expect(renderHtml(airline, "zh-CN")).not.toContain("<html");
    const page = renderHtml(airline, "zh-CN", { standalone: true });
    expect(
      page.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain("<title>北风航空乘客权利法案</title>");
    expect(page).toContain("prefers-color-scheme: dark");
    expect(page).toContain("max-width: 42rem");
    expect(page).toContain('"Noto Sans CJK SC"');
    // Nothing may be fetched: no links, scripts, images, fonts or imports.
    expect(page).not.toMatch(/<link|<script|<img|url\(|@import|https?:/);
  });

  it("is deterministic", () => {
    expect(renderHtml(airline, "sv", { standalone: true })).toBe(
      renderHtml(airline, "sv", { standalone: true }),
    );
  });
});
