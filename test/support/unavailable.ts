/**
 * What a suite registers when the server or program it needs is missing: locally a skip that
 * says how to run it; under CI, which must run every suite, a failing test that says the same.
 */
import { describe, it } from "vitest";

/** Whether this run is CI's (`CI` set, and not to "false" or "0"). */
export const CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

/** Registers the stand-in for `suite`, which needs `what`; `message` says why and how. */
export function unavailable(suite: string, what: string, message: string): void {
  if (CI) {
    describe(`${suite}: ${what}`, () => {
      it("runs in CI", () => {
        throw new Error(`${message}. CI must run it.`);
      });
    });
  } else {
    console.warn(`SKIPPED: ${message}`);
    describe.skip(`${suite}: ${what} — SKIPPED: ${message}`, () => {
      it(`needs ${what}`, () => {});
    });
  }
}
