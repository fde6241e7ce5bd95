/**
 * Crash safety, proven (issue 3, §5): the real CLI ingests into a real database and is killed
 * with SIGKILL at random instants; afterwards every acknowledged event is present, no remedy
 * exists twice, the remedies equal a clean run's and the ledger verifies. 30 kill points on
 * SQLite, 10 on PostgreSQL. Needs the build (`npm test` runs `tsc -b` first): it spawns
 * packages/cli/dist/main.js. More kills: `node scripts/crash-harness.mjs --kills 200`.
 */
import { describe, expect, test } from "vitest";
import { postgresProblem, runCrashHarness } from "../../scripts/crash-harness.mjs";
import { PG_URL } from "../support/postgres.js";
import { unavailable } from "../support/unavailable.js";

// Small enough to keep the file near a minute on two cores, large enough for many batches.
const EVENTS = 4000;
const BATCH = 200;

// Asked once, before the suite is collected: undefined when PostgreSQL answers.
const problem = await postgresProblem(PG_URL);

type Result = Awaited<ReturnType<typeof runCrashHarness>>;

function expectPassed(result: Result, kills: number): void {
  const failed = result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  expect(failed).toEqual([]);
  expect(result.kills).toBe(kills);
  // Four checks per round, each round ending in a run to completion.
  expect(result.checks).toHaveLength(4 * result.rounds);
  expect(result.ok).toBe(true);
}

describe("crash safety", () => {
  test("SQLite: 30 SIGKILLs at random instants lose no acknowledged event and duplicate nothing", {
    timeout: 240_000,
  }, async () => {
    const result = await runCrashHarness({
      kills: 30,
      events: EVENTS,
      batch: BATCH,
      seed: 1,
      log: () => {},
    });
    expectPassed(result, 30);
  });

  if (problem !== undefined) {
    unavailable(
      "crash safety",
      "PostgreSQL",
      `PostgreSQL not reachable at ${PG_URL} (${problem}); start a server with trust auth and a database "test" on 127.0.0.1:5432, or set GOODFAITH_TEST_PG to run the crash test against it`,
    );
  } else {
    test("PostgreSQL: 10 SIGKILLs at random instants lose no acknowledged event and duplicate nothing", {
      timeout: 180_000,
    }, async () => {
      const result = await runCrashHarness({
        kills: 10,
        db: PG_URL,
        events: EVENTS,
        batch: BATCH,
        seed: 2,
        log: () => {},
      });
      expectPassed(result, 10);
    });
  }
});
