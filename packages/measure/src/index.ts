/**
 * @goodfaith/measure — customer lifetime value from purchase histories: the BG/NBD model for
 * how often customers come back, the Gamma-Gamma model for what they spend, and discounted CLV.
 * Pure functions, no I/O; the caller reads the file.
 *
 * @example
 * // example.mjs at the repository root (after `npm install` and `npm run build`): node example.mjs
 * import { readFileSync } from "node:fs";
 * import { fitClv, parseCdnow, renderInputIssue } from "@goodfaith/measure";
 *
 * const parsed = parseCdnow(readFileSync("../shared/data/CDNOW_sample.txt", "utf8"));
 * if (!parsed.ok) {
 *   for (const i of parsed.issues) console.error(`${i.line}:${i.column} ${renderInputIssue(i, "en")}`);
 *   process.exit(1);
 * }
 * const fit = fitClv(parsed.value, { horizonWeeks: 52, annualDiscountRate: 0.1 });
 * if (fit.ok) {
 *   const { r, alpha, a, b } = fit.value.bgnbd; // ≈ 0.243, 4.41, 0.793, 2.43
 *   console.log({ r, alpha, a, b }, fit.value.gammaGamma, fit.value.equity);
 *   console.log(fit.value.customers[0]); // customer "1": pAlive, expectedPurchases, clv…
 * }
 */

export {
  type BgNbdFit,
  type BgNbdParams,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  type RecencyFrequency,
} from "./bg-nbd.js";
export * from "./capital/index.js";
export {
  type ClvOptions,
  customerEquity,
  customerLifetimeValue,
  discountedExpectedPurchases,
  type ResolvedClvOptions,
  resolveClvOptions,
  WEEKS_PER_YEAR,
} from "./clv.js";
export {
  type ClvFit,
  type CustomerValue,
  type FitClvOptions,
  fitClv,
  modelsIdentified,
} from "./fit-clv.js";
export {
  type AverageSpend,
  conditionalExpectedSpend,
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaParams,
  gammaGammaLogLikelihood,
  usableForGammaGamma,
} from "./gamma-gamma.js";
export { hyp2f1 } from "./hypergeometric.js";
export type { InputIssue, Issue, IssueCode, Result } from "./issue.js";
export * from "./journey/index.js";
export { type Minimum, type NelderMeadOptions, nelderMead } from "./optimize.js";
export { CDNOW_CALIBRATION_END, parseCdnow } from "./parse-cdnow.js";
export { parseTransactionsCsv } from "./parse-csv.js";
export * from "./report/index.js";
export * from "./scorecard/index.js";
export { lgamma } from "./special-functions.js";
export { type CustomerSummary, DAYS_PER_WEEK, summarize } from "./summary.js";
export {
  renderInputIssue,
  type TransactionMessageKey,
  transactionMessages,
} from "./transaction-messages.js";
export type {
  CustomerTransactions,
  ParseOptions,
  Transaction,
  TransactionLog,
} from "./transactions.js";
