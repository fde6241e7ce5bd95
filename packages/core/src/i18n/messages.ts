import type { Catalog } from "../issue.js";
import type { Lang } from "./lang.js";

/** Messages for money problems found in events and documents. */
export const moneyMessages: Readonly<Record<Lang, Catalog>> = {
  en: {
    "money.invalid_number": 'expected a plain decimal number such as "12.50"',
    "money.too_many_decimals": "{currency} has {exponent} decimal places; this amount has more",
    "money.unknown_currency":
      '"{currency}" is not an ISO 4217 currency code (use "PTS" for points)',
  },
  "zh-CN": {
    "money.invalid_number": "应为普通十进制数字，例如“12.50”",
    "money.too_many_decimals": "{currency} 只有 {exponent} 位小数，此金额的小数位过多",
    "money.unknown_currency": "“{currency}”不是 ISO 4217 货币代码（积分请用“PTS”）",
  },
  sv: {
    "money.invalid_number": 'förväntade ett vanligt decimaltal som "12.50"',
    "money.too_many_decimals": "{currency} har {exponent} decimaler; beloppet har fler",
    "money.unknown_currency":
      '"{currency}" är ingen valutakod enligt ISO 4217 (använd "PTS" för poäng)',
  },
};
