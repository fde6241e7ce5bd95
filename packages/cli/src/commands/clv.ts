/**
 * `goodfaith clv fit` (the models, from a file or the store's event log) and `goodfaith clv
 * value` (relationship capital from the store: equity, value at risk, write-down, value
 * protected per promise).
 */
import { readFile } from "node:fs/promises";
import { formatMoney, type Lang } from "@goodfaith/core";
import {
  type CapitalIssue,
  expectedMoney,
  fitClv,
  modelsIdentified,
  parseCdnow,
  parsePeriod,
  parseTransactionsCsv,
  purchaseLog,
  type RelationshipCapital,
  type ReportPeriod,
  renderInputIssue,
  type TransactionLog,
} from "@goodfaith/measure";
import { capitalFromStore, capitalJson, readRelationships } from "@goodfaith/store";
import type { Command } from "commander";
import type { HelpKey, HelpText } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { describeError } from "../io/file-error.js";
import { t } from "../messages.js";
import { dbHelp, openCliStore } from "./store-options.js";

/** Options of `goodfaith clv fit`. */
export interface ClvOptions {
  /** A purchases file; without it, purchases come from the store's event log. */
  readonly transactions?: string;
  readonly db?: string;
  readonly format: "csv" | "cdnow";
  /** Reporting currency when reading the log. */
  readonly currency?: string;
  readonly calibrationEnd?: string;
  readonly horizonWeeks?: string;
  readonly discountRate?: string;
  readonly json?: boolean;
}

/** Options of `goodfaith clv value`. */
export interface ClvValueOptions {
  readonly db?: string;
  readonly currency?: string;
  readonly period?: string;
  readonly horizonWeeks?: string;
  readonly discountRate?: string;
  readonly aliveThreshold?: string;
  readonly json?: boolean;
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

/** A number from `min` to `max` (unbounded without it), or the message saying it is not. */
function inRange(
  text: string | undefined,
  option: string,
  lang: Lang,
  min = 0,
  max?: number,
): number | string | undefined {
  if (text === undefined) return undefined;
  const n = text.trim() === "" ? Number.NaN : Number(text);
  if (Number.isFinite(n) && n >= min && n <= (max ?? n)) return n;
  return max === undefined
    ? t(lang, "badNumber", { option, min })
    : t(lang, "badNumberRange", { option, min, max });
}

/** The valuation options shared by both commands, or the first bad one's message. */
function valuation(
  opts: { horizonWeeks?: string; discountRate?: string },
  lang: Lang,
): { horizonWeeks?: number; annualDiscountRate?: number } | string {
  const horizon = inRange(opts.horizonWeeks, "--horizon-weeks", lang);
  const rate = inRange(opts.discountRate, "--discount-rate", lang);
  if (typeof horizon === "string") return horizon;
  if (typeof rate === "string") return rate;
  return {
    ...(horizon !== undefined && { horizonWeeks: horizon }),
    ...(rate !== undefined && { annualDiscountRate: rate }),
  };
}

// The purchase history from a file, or from the store's log; an exit code when it cannot be had.
async function loadLog(opts: ClvOptions, ctx: CliContext): Promise<TransactionLog | number> {
  if (opts.transactions === undefined) {
    const store = await openCliStore(opts.db, ctx, true);
    if (store === undefined) return EXIT.failure;
    try {
      const purchases = purchaseLog((await readRelationships(store)).purchases, opts.currency);
      if (purchases === undefined) {
        ctx.err(t(ctx.lang, "clvNoPurchases"));
        return EXIT.invalid;
      }
      return purchases.log;
    } finally {
      await store.close();
    }
  }
  let text: string;
  try {
    text = await readFile(opts.transactions, "utf8");
  } catch (err) {
    ctx.err(describeError(err, ctx.lang, opts.transactions));
    return EXIT.failure;
  }
  const parsed = opts.format === "cdnow" ? parseCdnow(text) : parseTransactionsCsv(text);
  if (parsed.ok) return parsed.value;
  for (const i of parsed.issues)
    ctx.err(`${opts.transactions}:${i.line}:${i.column}: ${renderInputIssue(i, ctx.lang)}`);
  return EXIT.invalid;
}

/**
 * Why the models could not be fitted, in the reader's language: `end` is the last day fitted
 * on, `currency` the one asked for.
 */
function fitIssueText(lang: Lang, issue: CapitalIssue, end: string, currency?: string): string {
  switch (issue.code) {
    case "no-customers":
      return t(lang, "clvNoCustomers", { end });
    case "no-repeat-spend":
      return t(lang, "clvNoRepeatSpend", { end });
    case "no-transactions":
      return currency === undefined
        ? t(lang, "clvNoPurchases")
        : t(lang, "clvNoPurchasesIn", { currency });
    case "models-not-identified":
      return t(lang, "clvNotIdentified", {
        customers: issue.customers,
        repeaters: issue.repeaters,
      }).trim();
    default:
      return issue.message;
  }
}

/** `goodfaith clv fit`: fits BG/NBD and Gamma-Gamma to a purchase history and values customers. */
export async function clvFitCommand(opts: ClvOptions, ctx: CliContext): Promise<number> {
  const valued = valuation(opts, ctx.lang);
  const end = opts.calibrationEnd;
  const problem =
    opts.transactions !== undefined && opts.db !== undefined
      ? t(ctx.lang, "clvOneSource")
      : typeof valued === "string"
        ? valued
        : end !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(end)
          ? t(ctx.lang, "badDay", { option: "--calibration-end", value: end })
          : undefined;
  if (problem !== undefined || typeof valued === "string") {
    ctx.err(problem ?? String(valued));
    return EXIT.failure;
  }
  const log = await loadLog(opts, ctx);
  if (typeof log === "number") return log;
  const source = opts.transactions ?? "--db";
  const fit = fitClv(log, { ...(end !== undefined && { calibrationEnd: end }), ...valued });
  if (!fit.ok) {
    for (const i of fit.issues)
      ctx.err(`${source}: ${fitIssueText(ctx.lang, i, end ?? log.calibrationEnd)}`);
    return EXIT.invalid;
  }
  const {
    bgnbd,
    gammaGamma,
    customers,
    repeaters,
    excludedFromGammaGamma,
    equity,
    calibrationEnd,
  } = fit.value;
  const result = {
    bgnbd: {
      r: round(bgnbd.r),
      alpha: round(bgnbd.alpha),
      a: round(bgnbd.a),
      b: round(bgnbd.b),
      logLikelihood: round(bgnbd.logLikelihood, 3),
    },
    gammaGamma: {
      p: round(gammaGamma.p),
      q: round(gammaGamma.q),
      v: round(gammaGamma.v),
      logLikelihood: round(gammaGamma.logLikelihood, 3),
    },
    customers: customers.length,
    repeaters,
    excludedFromGammaGamma,
    calibrationEnd,
    identified: modelsIdentified(fit.value) && Number.isFinite(equity),
    equity: modelsIdentified(fit.value) && Number.isFinite(equity) ? round(equity, 2) : null,
  };
  if (opts.json) {
    ctx.out(JSON.stringify(result));
    return EXIT.ok;
  }
  const b = result.bgnbd;
  const g = result.gammaGamma;
  ctx.out(
    t(ctx.lang, "clvFitted", { customers: result.customers, repeaters, end: calibrationEnd }),
  );
  ctx.out(`  BG/NBD       r ${b.r}  alpha ${b.alpha}  a ${b.a}  b ${b.b}  LL ${b.logLikelihood}`);
  ctx.out(`  Gamma-Gamma  p ${g.p}  q ${g.q}  v ${g.v}  LL ${g.logLikelihood}`);
  ctx.out(t(ctx.lang, "clvExcluded", { count: excludedFromGammaGamma }));
  if (result.equity === null) {
    ctx.out(t(ctx.lang, "clvNotIdentified", { customers: result.customers, repeaters }));
  } else {
    ctx.out(t(ctx.lang, "clvEquity", { equity: result.equity.toLocaleString(ctx.lang) }));
  }
  return EXIT.ok;
}

/**
 * Adds the options `clv value` and `report` share (those `capitalOptions` checks, and --db);
 * `currency` is each command's own wording of --currency.
 */
export function withCapitalOptions(command: Command, h: HelpText, currency: HelpKey): Command {
  return command
    .option("--db <url>", dbHelp(h))
    .option("--period <period>", h("period"))
    .option("--currency <code>", h(currency))
    .option("--horizon-weeks <weeks>", h("horizonWeeks"))
    .option("--discount-rate <rate>", h("discountRate"))
    .option("--alive-threshold <p>", h("aliveThreshold"));
}

/** The options `clv value` and `report` share, checked; or an exit code after saying why. */
export function capitalOptions(
  opts: Omit<ClvValueOptions, "db" | "json">,
  ctx: CliContext,
):
  | {
      period?: ReportPeriod;
      currency?: string;
      horizonWeeks?: number;
      annualDiscountRate?: number;
      aliveThreshold?: number;
    }
  | number {
  const valued = valuation(opts, ctx.lang);
  const threshold = inRange(opts.aliveThreshold, "--alive-threshold", ctx.lang, 0, 1);
  const period = opts.period === undefined ? undefined : parsePeriod(opts.period);
  const problem =
    typeof valued === "string"
      ? valued
      : typeof threshold === "string"
        ? threshold
        : opts.period !== undefined && period === undefined
          ? t(ctx.lang, "badPeriod", { period: opts.period })
          : undefined;
  if (problem !== undefined || typeof valued === "string") {
    ctx.err(problem ?? String(valued));
    return EXIT.failure;
  }
  return {
    ...valued,
    ...(period && { period }),
    ...(opts.currency !== undefined && { currency: opts.currency.toUpperCase() }),
    ...(typeof threshold === "number" && { aliveThreshold: threshold }),
  };
}

function printCapital(
  c: RelationshipCapital,
  currency: string,
  leftOut: Readonly<Record<string, number>>,
  ctx: CliContext,
): void {
  const money = (v: number) => formatMoney(expectedMoney(v, currency), ctx.lang);
  ctx.out(
    t(ctx.lang, "capitalTitle", {
      from: c.period.from,
      to: c.period.to,
      currency,
      customers: c.customers.length,
      weeks: c.options.horizonWeeks,
      rate: round(c.options.annualDiscountRate * 100, 4),
    }),
  );
  ctx.out(t(ctx.lang, "capitalEquity", { value: money(c.equity), start: money(c.equityAtStart) }));
  ctx.out(
    t(ctx.lang, "capitalAtRisk", {
      value: money(c.valueAtRisk.value),
      count: c.valueAtRisk.customers,
    }),
  );
  ctx.out(
    t(ctx.lang, "capitalWriteDown", {
      value: money(c.writeDown.value),
      count: c.writeDown.customers,
      threshold: new Intl.NumberFormat(ctx.lang, { style: "percent" }).format(
        c.options.aliveThreshold,
      ),
    }),
  );
  ctx.out(t(ctx.lang, "capitalProtected"));
  const promises = Object.entries(c.protectedByPromise);
  if (promises.length === 0) ctx.out(`    ${t(ctx.lang, "none")}`);
  for (const [promise, s] of promises) {
    ctx.out(`    ${promise.padEnd(28)} ${money(s.value).padStart(14)}  (${s.customers})`);
  }
  const others = Object.entries(leftOut).map(([cur, n]) => `${cur} ${n}`);
  if (others.length > 0) ctx.out(t(ctx.lang, "capitalLeftOut", { others: others.join(", ") }));
}

/** `goodfaith clv value`: relationship capital of the store for a period. */
export async function clvValueCommand(opts: ClvValueOptions, ctx: CliContext): Promise<number> {
  const options = capitalOptions(opts, ctx);
  if (typeof options === "number") return options;
  const store = await openCliStore(opts.db, ctx, true);
  if (store === undefined) return EXIT.failure;
  try {
    const { capital, currency, leftOut, period } = await capitalFromStore(store, options);
    if (!capital.ok || currency === undefined) {
      for (const i of capital.ok ? [] : capital.issues)
        ctx.err(fitIssueText(ctx.lang, i, period.to, options.currency));
      return EXIT.invalid;
    }
    if (opts.json) ctx.out(JSON.stringify(capitalJson(capital.value, currency, leftOut)));
    else printCapital(capital.value, currency, leftOut, ctx);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
