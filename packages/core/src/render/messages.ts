import type { Lang } from "../i18n/lang.js";

/**
 * Every string the promise page adds around the company's own words. A typed record rather
 * than a loose catalog, so a key missing in one language is a compile error, not a blank line.
 */
export interface PageMessages {
  /** The page title when the document has none; `{owner}` is the company's possessive form. */
  readonly defaultTitle: string;
  readonly footer: string;
  readonly beforeYouBuy: string;
  readonly beforeYouBuyLead: string;
  readonly factsLabel: string;
  readonly "kind.refund": string;
  /** A refund the law or the promise calls compensation: money owed, not money paid back. */
  readonly "kind.compensation": string;
  readonly "kind.credit": string;
  readonly "kind.points": string;
  readonly "kind.notice": string;
  readonly "kind.gesture": string;
  readonly "kind.warning": string;
  readonly "kindAmount.refund": string;
  readonly "kindAmount.compensation": string;
  readonly "kindAmount.credit": string;
  readonly "kindAmount.points": string;
  readonly "amount.whole": string;
  readonly "amount.half": string;
  readonly "amount.percent": string;
  readonly "amount.computed": string;
  readonly "tender.original": string;
  readonly "tender.cash": string;
  readonly "tender.points": string;
  readonly "tender.credit": string;
  readonly "within.now": string;
  readonly "within.minute.one": string;
  readonly "within.minute.other": string;
  readonly "within.hour.one": string;
  readonly "within.hour.other": string;
  readonly "within.day.one": string;
  readonly "within.day.other": string;
  readonly nothingToDo: string;
}

/** The promise page's own words in each language. */
export const pageMessages: Readonly<Record<Lang, PageMessages>> = {
  en: {
    defaultTitle: "{owner} promises",
    footer: "Version {version} of {owner} promises",
    beforeYouBuy: "Before you buy",
    beforeYouBuyLead:
      "We would rather tell you before a purchase you might regret than sell it to you.",
    factsLabel: "In short",
    "kind.refund": "A refund",
    "kind.compensation": "Compensation",
    "kind.credit": "A credit with us",
    "kind.points": "Loyalty points",
    "kind.notice": "We tell you first, and honestly",
    "kind.gesture": "Our team puts it right for you",
    "kind.warning": "A word of warning before you pay",
    "kindAmount.refund": "A refund of {amount}",
    "kindAmount.compensation": "Compensation of {amount}",
    "kindAmount.credit": "A credit of {amount}",
    "kindAmount.points": "Loyalty points: {amount}",
    "amount.whole": "the whole amount you paid",
    "amount.half": "half of what you paid",
    "amount.percent": "{percent} of what you paid",
    "amount.computed": "the amount described above",
    "tender.original": "Back the way you paid",
    "tender.cash": "In cash, not vouchers",
    "tender.points": "As loyalty points",
    "tender.credit": "As store credit",
    "within.now": "Right away",
    "within.minute.one": "Within {count} minute",
    "within.minute.other": "Within {count} minutes",
    "within.hour.one": "Within {count} hour",
    "within.hour.other": "Within {count} hours",
    "within.day.one": "Within {count} day",
    "within.day.other": "Within {count} days",
    nothingToDo: "You need to do nothing",
  },
  "zh-CN": {
    defaultTitle: "{owner}承诺",
    footer: "{owner}承诺（版本 {version}）",
    beforeYouBuy: "购买之前",
    beforeYouBuyLead: "如果某次购买可能让您后悔，我们宁可事先提醒您，也不愿做成这笔生意。",
    factsLabel: "简要说明",
    "kind.refund": "退款",
    "kind.compensation": "赔偿金",
    "kind.credit": "账户抵用金",
    "kind.points": "会员积分",
    "kind.notice": "我们会第一时间如实告诉您",
    "kind.gesture": "我们的团队会为您妥善安排",
    "kind.warning": "付款前提醒您",
    "kindAmount.refund": "退款：{amount}",
    "kindAmount.compensation": "赔偿金：{amount}",
    "kindAmount.credit": "账户抵用金：{amount}",
    "kindAmount.points": "会员积分：{amount}",
    "amount.whole": "您支付的全部金额",
    "amount.half": "您所付金额的一半",
    "amount.percent": "您所付金额的 {percent}",
    "amount.computed": "按上文所述计算的金额",
    "tender.original": "按原支付方式退回",
    "tender.cash": "以现金支付，而非代金券",
    "tender.points": "以会员积分发放",
    "tender.credit": "以账户抵用金发放",
    "within.now": "立即",
    "within.minute.one": "{count} 分钟内",
    "within.minute.other": "{count} 分钟内",
    "within.hour.one": "{count} 小时内",
    "within.hour.other": "{count} 小时内",
    "within.day.one": "{count} 天内",
    "within.day.other": "{count} 天内",
    nothingToDo: "您无需进行任何操作",
  },
  sv: {
    defaultTitle: "{owner} löften",
    footer: "Version {version} av {owner} löften",
    beforeYouBuy: "Innan du köper",
    beforeYouBuyLead:
      "Hellre säger vi till innan du gör ett köp du kan ångra än säljer det till dig.",
    factsLabel: "Kort sagt",
    "kind.refund": "Pengarna tillbaka",
    "kind.compensation": "Ersättning",
    "kind.credit": "Ett tillgodohavande hos oss",
    "kind.points": "Bonuspoäng",
    "kind.notice": "Vi hör av oss först och säger som det är",
    "kind.gesture": "Vår personal ordnar det åt dig",
    "kind.warning": "En varning innan du betalar",
    "kindAmount.refund": "Du får tillbaka {amount}",
    "kindAmount.compensation": "Ersättning med {amount}",
    "kindAmount.credit": "Ett tillgodohavande på {amount}",
    "kindAmount.points": "Bonuspoäng: {amount}",
    "amount.whole": "hela beloppet du betalade",
    "amount.half": "hälften av det du betalade",
    "amount.percent": "{percent} av det du betalade",
    "amount.computed": "beloppet som beskrivs ovan",
    "tender.original": "Tillbaka på samma sätt som du betalade",
    "tender.cash": "I pengar, inte som värdebevis",
    "tender.points": "Som bonuspoäng",
    "tender.credit": "Som tillgodohavande hos oss",
    "within.now": "Direkt",
    "within.minute.one": "Inom {count} minut",
    "within.minute.other": "Inom {count} minuter",
    "within.hour.one": "Inom {count} timme",
    "within.hour.other": "Inom {count} timmar",
    "within.day.one": "Inom {count} dag",
    "within.day.other": "Inom {count} dagar",
    nothingToDo: "Du behöver inte göra något",
  },
};
