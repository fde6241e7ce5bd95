/**
 * Test support for standalone pages (the promise page, the report): open one in Chromium at a
 * given width, and report what a reader would trip over.
 */
import type { Browser, Page } from "playwright-core";

/** A page opened from its HTML, and what went wrong on the way: console errors, requests. */
export async function openHtml(
  browser: Browser,
  html: string,
  width: number,
): Promise<{ page: Page; trouble: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const trouble: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") trouble.push(m.text());
  });
  page.on("pageerror", (e) => trouble.push(e.message));
  // The page is loaded from a string: any request at all goes to another host.
  page.on("request", (r) => {
    if (!r.url().startsWith("data:")) trouble.push(`asked ${r.url()}`);
  });
  await page.setContent(html, { waitUntil: "load" });
  return { page, trouble };
}

/** The document's language, whether it is wider than the window, and its heading levels. */
export function layout(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    overflows: document.documentElement.scrollWidth > window.innerWidth,
    headings: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) =>
      Number(h.tagName.slice(1)),
    ),
  }));
}

/** Whether heading levels start at 1 and never skip one on the way down. */
export function inOrder(levels: readonly number[]): boolean {
  return levels[0] === 1 && levels.every((l, i) => i === 0 || l <= (levels[i - 1] as number) + 1);
}
