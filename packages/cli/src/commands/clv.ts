import { readFile } from "node:fs/promises";
import { fitClv, parseCdnow, parseTransactionsCsv } from "@goodfaith/measure";
import { type CliContext, EXIT } from "../io/context.js";
import { t } from "../messages.js";

/** Options of `goodfaith clv fit`. */
export interface ClvOptions {
  readonly transactions: string;
  readonly format: "csv" | "cdnow";
  readonly calibrationEnd?: string;
  readonly horizonWeeks?: string;
  readonly discountRate?: string;
  readonly json?: boolean;
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

function positive(text: string | undefined, name: string): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : `${name}: expected a number ≥ 0, got "${text}"`;
}

/** `goodfaith clv fit`: fits BG/NBD and Gamma-Gamma to a purchase history and values customers. */
export async function clvFitCommand(opts: ClvOptions, ctx: CliContext): Promise<number> {
  let text: string;
  try {
    text = await readFile(opts.transactions, "utf8");
  } catch (err) {
    ctx.err(`${opts.transactions}: ${(err as Error).message}`);
    return EXIT.failure;
  }
  const horizon = positive(opts.horizonWeeks, "--horizon-weeks");
  const rate = positive(opts.discountRate, "--discount-rate");
  for (const bad of [horizon, rate]) {
    if (typeof bad === "string") {
      ctx.err(bad);
      return EXIT.failure;
    }
  }
  if (opts.calibrationEnd !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.calibrationEnd)) {
    ctx.err(`--calibration-end: expected YYYY-MM-DD, got "${opts.calibrationEnd}"`);
    return EXIT.failure;
  }
  const parsed = opts.format === "cdnow" ? parseCdnow(text) : parseTransactionsCsv(text);
  if (!parsed.ok) {
    for (const i of parsed.issues)
      ctx.err(`${opts.transactions}:${i.line}:${i.column}: ${i.message}`);
    return EXIT.invalid;
  }
  const fit = fitClv(parsed.value, {
    ...(opts.calibrationEnd !== undefined && { calibrationEnd: opts.calibrationEnd }),
    ...(typeof horizon === "number" && { horizonWeeks: horizon }),
    ...(typeof rate === "number" && { annualDiscountRate: rate }),
  });
  if (!fit.ok) {
    for (const i of fit.issues) ctx.err(`${opts.transactions}: ${i.message}`);
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
    equity: round(equity, 2),
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
  ctx.out(t(ctx.lang, "clvEquity", { equity: result.equity.toLocaleString(ctx.lang) }));
  return EXIT.ok;
}
