// @ts-check
/**
 * Engine benchmark: Goodfaith (airline `delay-refund` + EU 261 pack) against a hand-written
 * function and json-rules-engine over the same generated airline stream, in one process.
 * Prints events/s and ratios; checks that all three decide exactly the same remedies.
 *
 *   npx tsc -b && node bench/engine/run.mjs [--events N] [--jre-events N] [--rounds N]
 *     [--full-rounds N] [--seed N] [--quick] [--only goodfaith|hand|jre]
 *
 * Never part of the test suite, and asserts no timings: only that the results agree.
 */
import os from "node:os";
import v8 from "node:v8";
import { measureDecisions } from "./decisions.mjs";
import { describe, generateEvents } from "./generate.mjs";
import { engineAndHand, fmt, median, numberOption, timed } from "./harness.mjs";
import { documents } from "./packs.mjs";
import { RulesEngineRun } from "./rules-engine.mjs";
import { Tally } from "./tally.mjs";

/** @typedef {import("../../packages/core/dist/index.js").EngineEvent} EngineEvent */
/** @typedef {import("../../packages/core/dist/index.js").PromiseDocument} PromiseDocument */

function options(argv) {
  const value = (name, fallback) => numberOption(argv, name, fallback);
  const quick = argv.includes("--quick");
  const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
  if (only !== undefined && !["goodfaith", "hand", "jre"].includes(only))
    throw new Error("--only goodfaith|hand|jre");
  const events = value("--events", quick ? 100_000 : 1_000_000);
  return {
    events,
    jreEvents: Math.min(events, value("--jre-events", quick ? 20_000 : 50_000)),
    rounds: value("--rounds", quick ? 3 : 5),
    // A million-event round takes minutes on a small machine; three keep a median honest.
    fullRounds: value("--full-rounds", value("--rounds", 3)),
    seed: value("--seed", 261),
    only,
  };
}

/**
 * The three implementations; each processes `events` from a fresh state into a tally.
 * @param {{ docs: PromiseDocument[], eu261: boolean }} setup
 */
function implementations(setup) {
  return {
    ...engineAndHand(setup),
    jre: {
      label: "json-rules-engine",
      async run(events) {
        const tally = new Tally();
        const rules = new RulesEngineRun(tally, setup);
        for (const e of events) await rules.process(e);
        return tally;
      },
    },
  };
}

/**
 * Runs each named implementation `rounds` times, interleaved (the order rotates every round so
 * no one always runs right after another's garbage), and checks every tally against the first.
 */
async function measure(impls, names, events, rounds, mismatches) {
  /** @type {Record<string, number[]>} */
  const seconds = Object.fromEntries(names.map((n) => [n, []]));
  let reference;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const { seconds: s, tally } = await timed(impls[name], events);
      seconds[name]?.push(s);
      const text = tally.toString();
      reference ??= { name, text, tally };
      if (text !== reference.text)
        mismatches.push({
          events: events.length,
          a: reference.name,
          b: name,
          aText: reference.text,
          bText: text,
          samples: tally.failureSamples,
        });
      process.stderr.write(
        `  ${events.length} events, round ${r + 1}/${rounds}: ${impls[name].label} ${s.toFixed(2)} s\n`,
      );
    }
  }
  return { seconds, tally: reference?.tally };
}

const euros = (minor) => fmt(Number(minor) / 100, 2);

async function main() {
  const opt = options(process.argv.slice(2));
  const setup = documents();
  const impls = implementations(setup);
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`Goodfaith engine benchmark — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version} · ${cpu} · ${os.cpus().length} cores · ${os.platform()} ${os.arch()} · heap limit ${fmt(v8.getHeapStatistics().heap_size_limit / 2 ** 20)} MiB`,
  );
  console.log(
    `promises: ${setup.docs.flatMap((d) => d.promises.map((p) => `${p.id} (${d.source})`)).join(", ")}`,
  );

  let t = performance.now();
  const { events, mix } = generateEvents(opt.events, opt.seed);
  const slice = events.slice(0, opt.jreEvents);
  const sliceMix = describe(slice);
  console.log(
    `\ngenerated ${fmt(events.length)} events (seed ${opt.seed}) in ${fmt((performance.now() - t) / 1000, 1)} s`,
  );
  const pct = (a, b) => `${fmt((100 * a) / Math.max(1, b), 1)} %`;
  /** @type {[string, ReturnType<typeof describe>][]} */
  const mixes = [
    ["stream", mix],
    ["slice", sliceMix],
  ];
  for (const [name, m] of mixes) {
    console.log(
      `  ${name.padEnd(6)} ${fmt(m.bookings)} booking.created (${fmt(m.passengers / Math.max(1, m.bookings), 2)} pax, ${pct(m.pointsBookings, m.bookings)} with points)` +
        ` · ${fmt(m.flights)} flight.arrived (${fmt(m.bookings / Math.max(1, m.flights), 1)} bookings/flight, ${pct(m.controllable, m.flights)} controllable,` +
        ` ≥1 h ${pct(m.delayed60, m.flights)}, ≥3 h ${pct(m.delayed180, m.flights)}, ≥4 h ${pct(m.delayed240, m.flights)})`,
    );
  }
  if (mix.routes) console.log(`  ${mix.routes} routes (directional) between 41 airports`);

  const all = ["goodfaith", "hand", "jre"];
  const names = opt.only ? [opt.only] : all;
  const fullNames = names.filter((n) => n !== "jre");
  const mismatches = [];

  process.stderr.write(`warming up on ${fmt(slice.length)} events…\n`);
  t = performance.now();
  for (const name of names) await timed(impls[name], slice);
  process.stderr.write(`  warm-up ${fmt((performance.now() - t) / 1000, 1)} s\n`);

  const small = await measure(impls, names, slice, opt.rounds, mismatches);
  const full =
    fullNames.length > 0 && events.length > slice.length
      ? await measure(impls, fullNames, events, opt.fullRounds, mismatches)
      : undefined;

  const rate = (n, secs) => n / median(secs);
  const jreRate = small.seconds.jre?.length ? rate(slice.length, small.seconds.jre) : undefined;
  const rows = [];
  /** @type {[string, number, Awaited<ReturnType<typeof measure>> | undefined][]} */
  const sets = [
    ["slice", slice.length, small],
    ["full", events.length, full],
  ];
  for (const [set, n, result] of sets) {
    if (!result) continue;
    const handRate = result.seconds.hand?.length ? rate(n, result.seconds.hand) : undefined;
    for (const name of names) {
      const secs = result.seconds[name];
      if (!secs?.length) continue;
      const r = rate(n, secs);
      rows.push([
        impls[name].label,
        fmt(n),
        String(secs.length),
        `${fmt(median(secs), 3)} (${fmt(Math.min(...secs), 2)}–${fmt(Math.max(...secs), 2)})`,
        fmt(r),
        handRate ? `${fmt(r / handRate, 3)}×` : "",
        jreRate ? `${fmt(r / jreRate, 1)}×${set === "full" ? " *" : ""}` : "",
      ]);
    }
  }
  const head = [
    "implementation",
    "events",
    "runs",
    "median s (min–max)",
    "events/s",
    "vs hand-written",
    "vs json-rules-engine",
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(
    `\n${line(head)}\n|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`,
  );
  for (const r of rows) console.log(line(r));
  if (full && jreRate)
    console.log(
      `* json-rules-engine ran on the first ${fmt(slice.length)} events only; ratio against its rate there.`,
    );

  const gfFull =
    full?.seconds.goodfaith?.length && full.seconds.hand?.length
      ? rate(events.length, full.seconds.goodfaith) / rate(events.length, full.seconds.hand)
      : undefined;
  const gfSlice =
    small.seconds.goodfaith?.length && jreRate
      ? rate(slice.length, small.seconds.goodfaith) / jreRate
      : undefined;
  if (gfFull !== undefined)
    console.log(
      `\nGoodfaith / hand-written on ${fmt(events.length)} events: ${fmt(100 * gfFull, 1)} % (target ≥ 40 %)`,
    );
  if (gfSlice !== undefined)
    console.log(
      `Goodfaith / json-rules-engine on ${fmt(slice.length)} events: ${fmt(gfSlice, 1)}× (target ≥ 300×)`,
    );

  if (!opt.only) {
    process.stderr.write(
      `timing the decision step alone on the ${fmt(slice.length)}-event slice…\n`,
    );
    const d = await measureDecisions(setup, slice, opt.rounds);
    const perSecond = (name) => d.decisions / median(d.seconds[name] ?? [1]);
    console.log(
      `\nDecision step alone (bookings stored beforehand, not timed): ${fmt(d.arrivals)} arrivals × their bookings = ${fmt(d.decisions)} decisions`,
    );
    for (const name of ["goodfaith", "hand", "jre"]) {
      console.log(
        `  ${d.labels[name].padEnd(18)} ${fmt(median(d.seconds[name] ?? []), 4).padStart(8)} s  ${fmt(perSecond(name)).padStart(12)} decisions/s  ${fmt(perSecond(name) / perSecond("jre"), 1).padStart(7)}× json-rules-engine`,
      );
    }
    const a = d.tallies.goodfaith?.toString();
    for (const name of ["hand", "jre"]) {
      if (a !== d.tallies[name]?.toString()) {
        console.error(`ERROR: the decision step of ${d.labels[name]} disagrees with Goodfaith's`);
        process.exitCode = 1;
      }
    }
    console.log(
      `Goodfaith / json-rules-engine, decision step: ${fmt(perSecond("goodfaith") / perSecond("jre"), 1)}× (target ≥ 300×)`,
    );
  }

  const reference = full?.tally ?? small.tally;
  if (reference) {
    console.log(
      `\nremedies on ${fmt(full ? events.length : slice.length)} events: ${fmt(reference.remedies)} (${fmt(reference.approvals)} need approval)`,
    );
    for (const [key, minor] of reference.amounts)
      console.log(
        `  ${key.padEnd(32)} ${fmt(reference.byPromise.get(key.split(" ")[0] ?? "") ?? 0).padStart(8)} × · ${euros(minor).padStart(16)}`,
      );
    for (const [key, minor] of reference.tenders)
      console.log(
        `  back to ${key.padEnd(24)} ${(key.endsWith("PTS") ? fmt(Number(minor)) : euros(minor)).padStart(27)}`,
      );
  }

  if (mismatches.length > 0) {
    console.error(
      `\nERROR: the implementations disagree (${mismatches.length} run(s)). First difference:`,
    );
    const m = mismatches[0];
    const a = m.aText.split("\n");
    const b = m.bText.split("\n");
    console.error(`  on ${fmt(m.events)} events, ${impls[m.a].label} vs ${impls[m.b].label}:`);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] !== b[i]) console.error(`    ${(a[i] ?? "").padEnd(50)} | ${b[i] ?? ""}`);
    }
    for (const s of m.samples) console.error(`    failure: ${s}`);
    process.exitCode = 1;
  } else if (!opt.only) {
    console.log(
      `\nOK: all three implementations decided the same remedies (count, amounts, tender splits, approvals).`,
    );
  }
}

await main();
