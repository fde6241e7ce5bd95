/**
 * Test support for suites that drive a real browser: Debian's Chromium (`apt-get install -y
 * chromium`; `.ci/run` installs it) through playwright-core, which never downloads a browser.
 * Where it is missing the suite skips and says how to run it — except under CI, where it fails.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { unavailable } from "./unavailable.js";

/** The browser the suites run. */
export const CHROMIUM = process.env.GOODFAITH_TEST_CHROMIUM || "/usr/bin/chromium";

/**
 * Headless, and quiet on a machine with no network beyond its own: no background
 * connections, no component or sync updates. No sandbox, since CI runs as root.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Registers `register`'s tests when Chromium is installed; otherwise a skip (or CI failure). */
export function describeBrowser(suite: string, register: () => void): void {
  if (existsSync(CHROMIUM)) {
    register();
    return;
  }
  unavailable(
    suite,
    "Chromium",
    `no browser at ${CHROMIUM}; install Debian's (apt-get install -y chromium), or set ` +
      `GOODFAITH_TEST_CHROMIUM to a Chromium executable, to run the ${suite} tests in it`,
  );
}
