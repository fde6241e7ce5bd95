import type { Lang } from "../i18n/lang.js";

/**
 * Guard warnings as the customer reads them, before they buy. Chinese dates come from Intl
 * already in Chinese ("2026年3月5日"), so they take no spaces around them.
 */
export const guardMessages: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    already_owned: "You already bought {title} on {date} (order {order}). Buy it again?",
    already_owned_edition:
      "You already own another edition of {title}, bought on {date} (order {order}). Buy this one too?",
    subscription_active:
      "Your subscription {title} has been active since {date}. You don't need to buy it again.",
    price_protection:
      "You bought {title} on {date} for {paid}. It now costs {now}: we will refund you the difference of {difference}, so there is no need to buy it again.",
  },
  "zh-CN": {
    already_owned: "您已于{date}购买过《{title}》（订单 {order}）。确定要再买一次吗？",
    already_owned_edition:
      "您已于{date}购买过《{title}》的另一个版本（订单 {order}）。还要购买这个版本吗？",
    subscription_active: "您的订阅“{title}”自{date}起已生效，无需重复购买。",
    price_protection:
      "您于{date}以 {paid} 购买了《{title}》。现价为 {now}，我们将为您退还差价 {difference}，无需重新购买。",
  },
  sv: {
    already_owned:
      "Du har redan köpt {title}, den {date} (beställning {order}). Vill du köpa den igen?",
    already_owned_edition:
      "Du äger redan en annan utgåva av {title}, köpt den {date} (beställning {order}). Vill du köpa den här också?",
    subscription_active:
      "Din prenumeration {title} har varit aktiv sedan den {date}. Du behöver inte köpa den igen.",
    price_protection:
      "Du köpte {title} den {date} för {paid}. Nu kostar den {now}: vi betalar tillbaka mellanskillnaden på {difference}, så du behöver inte köpa den igen.",
  },
};
