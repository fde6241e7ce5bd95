import { existsSync, readdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeBrowser, launchChromium } from "../../../../test/support/browser.js";
import { loadPack, ROOT } from "../../../../test/support/packs.js";
import { inOrder, layout, openHtml } from "../../../../test/support/static-page.js";
import { LANGS } from "../i18n/lang.js";
import { renderHtml } from "./render-promise-page.js";

const PACKS = readdirSync(`${ROOT}packs`).filter((p) =>
  existsSync(`${ROOT}packs/${p}/promises.yaml`),
);

describeBrowser("promise page in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe.each(PACKS)("%s", (pack) => {
    it.each(LANGS)("%s: reads on a phone, asks nothing of anyone, logs no error", async (lang) => {
      const html = renderHtml(loadPack(pack), lang, { standalone: true });
      const { page, trouble } = await openHtml(browser, html, 390);
      const seen = await layout(page);
      await page.close();
      expect(trouble).toEqual([]);
      expect(seen.lang).toBe(lang);
      expect(seen.overflows).toBe(false);
      expect(inOrder(seen.headings)).toBe(true);
    });
  });
});
