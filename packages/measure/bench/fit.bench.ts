// Fit timings on the CDNOW sample (2,357 customers) and on it replicated 10× (23,570).
// Run: npx vitest bench --run packages/measure. Not part of the test suite.
//
// fitBgNbd groups customers with identical (x, t_x, T), so a replicated set costs about what the
// original does; the "all distinct" case nudges every T by a nanoweek to defeat that grouping
// and shows the per-customer cost.
import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { fitBgNbd } from "../src/bg-nbd.js";
import { fitClv } from "../src/fit-clv.js";
import { fitGammaGamma } from "../src/gamma-gamma.js";
import { parseCdnow } from "../src/parse-cdnow.js";
import { summarize } from "../src/summary.js";

const text = readFileSync(
  new URL("../../../../shared/data/CDNOW_sample.txt", import.meta.url),
  "utf8",
);
// Ten copies with customer numbers offset so they are different customers.
const tenfold = Array.from({ length: 10 }, (_, copy) =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) =>
      line.replace(
        /^(\s*\d+\s+)(\d+)/,
        (_m, head: string, id: string) => `${head}${copy * 10_000 + Number(id)}`,
      ),
    )
    .join("\n"),
).join("\n");

const logOf = (input: string) => {
  const parsed = parseCdnow(input);
  if (!parsed.ok) throw new Error("CDNOW sample did not parse");
  return parsed.value;
};
const log1 = logOf(text);
const log10 = logOf(tenfold);
const s1 = summarize(log1.customers, log1.calibrationEnd);
const s10 = summarize(log10.customers, log10.calibrationEnd);
const s10distinct = s10.map((s, i) => ({ ...s, T: s.T + i * 1e-9 }));
const options = { time: 0, iterations: 5, warmupIterations: 1 };

describe("fitBgNbd", () => {
  bench("2,357 customers", () => void fitBgNbd(s1), options);
  bench("23,570 customers (10× replicated)", () => void fitBgNbd(s10), options);
  bench("23,570 customers, all (x, t_x, T) distinct", () => void fitBgNbd(s10distinct), options);
});

describe("fitGammaGamma", () => {
  bench("946 repeat customers", () => void fitGammaGamma(s1), options);
  bench("9,460 repeat customers (10× replicated)", () => void fitGammaGamma(s10), options);
});

describe("end to end: parseCdnow + fitClv (52 weekly periods)", () => {
  bench("2,357 customers", () => void fitClv(logOf(text)), options);
  bench("23,570 customers (10× replicated)", () => void fitClv(logOf(tenfold)), options);
});
