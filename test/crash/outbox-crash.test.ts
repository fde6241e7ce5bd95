/**
 * Crash safety of execution: the real `goodfaith outbox run --executor webhook` pays the packs'
 * remedies through a payment system in this process (signatures checked, de-duplicated by
 * Idempotency-Key, some paid at once, some confirmed by callback through `goodfaith serve`,
 * some failing retryably, a few refused) and is killed with SIGKILL at random instants and on
 * requests in flight; afterwards every due remedy is executed or dead, none executing, no key
 * paid twice, every executed remedy paid exactly once, never more requests than attempts, and
 * the ledger verifies. 15 kills on SQLite, 6 on PostgreSQL. Needs the build (`npm test` runs
 * `tsc -b` first). More kills: `node scripts/outbox-crash-harness.mjs --kills 200`.
 */
import { describe, expect, test } from "vitest";
import { postgresProblem, runOutboxCrashHarness } from "../../scripts/outbox-crash-harness.mjs";
import { PG_URL } from "../support/postgres.js";
import { unavailable } from "../support/unavailable.js";

// Asked once, before the suite is collected: undefined when PostgreSQL answers.
const problem = await postgresProblem(PG_URL);

type Result = Awaited<ReturnType<typeof runOutboxCrashHarness>>;

function expectPassed(result: Result, kills: number): void {
  const failed = result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  expect(failed).toEqual([]);
  expect(result.kills).toBe(kills);
  // Six checks per round (the calibration round included), each ending in a run to completion.
  expect(result.checks).toHaveLength(6 * result.rounds);
  // The harness did pay: every round had remedies due, and most were executed.
  for (const f of result.figures) expect(f.executed).toBeGreaterThan(f.remedies / 2);
  expect(result.ok).toBe(true);
}

describe("outbox crash safety", () => {
  test("SQLite: 15 SIGKILLs of outbox run never pay twice nor leave a remedy executing", {
    timeout: 240_000,
  }, async () => {
    const result = await runOutboxCrashHarness({ kills: 15, seed: 1, log: () => {} });
    expectPassed(result, 15);
  });

  if (problem !== undefined) {
    unavailable(
      "outbox crash safety",
      "PostgreSQL",
      `PostgreSQL not reachable at ${PG_URL} (${problem}); start a server with trust auth and a database "test" on 127.0.0.1:5432, or set GOODFAITH_TEST_PG to run the outbox crash test against it`,
    );
  } else {
    test("PostgreSQL: 6 SIGKILLs of outbox run never pay twice nor leave a remedy executing", {
      timeout: 180_000,
    }, async () => {
      const result = await runOutboxCrashHarness({
        kills: 6,
        db: PG_URL,
        seed: 2,
        log: () => {},
      });
      expectPassed(result, 6);
    });
  }
});
