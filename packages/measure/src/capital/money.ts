// CLV figures are expectations (floats in major units); they become Money only for display,
// rounded half away from zero to the currency's minor unit.
import { currencyExponent, type Money } from "@goodfaith/core";

/** An expected value in major units as Money in `currency`, rounded to its minor unit. */
export function expectedMoney(value: number, currency: string): Money {
  const scale = 10 ** (currencyExponent(currency) ?? 0);
  const minor = Math.sign(value) * Math.round(Math.abs(value) * scale);
  return { minor: BigInt(Number.isFinite(minor) ? minor : 0), currency };
}
