import type { Lang } from "../i18n/lang.js";
import type { Catalog } from "../issue.js";

/** Messages for problems in a promise document, in each language. */
export const promiseMessages: Readonly<Record<Lang, Catalog>> = {
  en: {
    "promise.yaml_syntax": "YAML syntax error: {detail}",
    "promise.required": "this field is required",
    "promise.unknown_field": 'unknown field "{field}"',
    "promise.invalid_type": "expected {expected}",
    "promise.invalid_value": "must be one of: {options}",
    "promise.too_small": "must have at least {minimum} entries",
    "promise.invalid_decimal": 'expected a decimal amount such as "12.50"',
    "promise.invalid_currency":
      'expected an ISO 4217 currency code such as "EUR", or "PTS" for points',
    "promise.invalid_duration":
      'expected an ISO 8601 duration such as "P14D" or "PT2H" (weeks, days, hours, minutes, seconds)',
    "promise.invalid_id": "a promise id is lowercase letters, digits and dashes",
    "promise.invalid_amount":
      "an amount is one of {expr: …}, {fraction: …} or {fixed: …, currency: …}",
    "promise.invalid_money": '"{amount}" is not a valid amount in {currency}',
    "promise.invalid_expression": "expression does not compile for {eventType}: {detail}",
    "promise.unknown_event": '"{eventType}" is not an event type promises can listen to',
    "promise.duplicate_id": 'promise id "{id}" is used twice',
    "promise.amount_required": "a {kind} remedy needs an amount",
    "promise.reach_mismatch": 'reach "{reach}" does not fit event "{eventType}"',
    "promise.guard_required":
      "a warning promise listens to guard.check and says which guard check it enables",
    "promise.invalid": "invalid value",
  },
  "zh-CN": {
    "promise.yaml_syntax": "YAML 语法错误：{detail}",
    "promise.required": "此字段为必填项",
    "promise.unknown_field": "未知字段“{field}”",
    "promise.invalid_type": "应为 {expected}",
    "promise.invalid_value": "必须是以下之一：{options}",
    "promise.too_small": "至少需要 {minimum} 项",
    "promise.invalid_decimal": "应为十进制金额，例如“12.50”",
    "promise.invalid_currency": "应为 ISO 4217 货币代码（如“EUR”），积分请用“PTS”",
    "promise.invalid_duration": "应为 ISO 8601 时长，例如“P14D”或“PT2H”（周、天、小时、分钟、秒）",
    "promise.invalid_id": "承诺 ID 只能包含小写字母、数字和连字符",
    "promise.invalid_amount": "金额须为 {expr: …}、{fraction: …} 或 {fixed: …, currency: …} 之一",
    "promise.invalid_money": "“{amount}”不是有效的 {currency} 金额",
    "promise.invalid_expression": "表达式无法针对 {eventType} 编译：{detail}",
    "promise.unknown_event": "“{eventType}”不是承诺可以监听的事件类型",
    "promise.duplicate_id": "承诺 ID“{id}”被重复使用",
    "promise.amount_required": "{kind} 类补救措施需要指定金额",
    "promise.reach_mismatch": "触达范围“{reach}”不适用于事件“{eventType}”",
    "promise.guard_required": "警告类承诺应监听 guard.check，并注明启用哪项购前检查",
    "promise.invalid": "值无效",
  },
  sv: {
    "promise.yaml_syntax": "Syntaxfel i YAML: {detail}",
    "promise.required": "fältet måste anges",
    "promise.unknown_field": 'okänt fält "{field}"',
    "promise.invalid_type": "förväntade {expected}",
    "promise.invalid_value": "måste vara något av: {options}",
    "promise.too_small": "måste ha minst {minimum} poster",
    "promise.invalid_decimal": 'förväntade ett decimalbelopp som "12.50"',
    "promise.invalid_currency":
      'förväntade en valutakod enligt ISO 4217, t.ex. "EUR", eller "PTS" för poäng',
    "promise.invalid_duration":
      'förväntade en varaktighet enligt ISO 8601, t.ex. "P14D" eller "PT2H" (veckor, dagar, timmar, minuter, sekunder)',
    "promise.invalid_id": "ett löftes id består av små bokstäver, siffror och bindestreck",
    "promise.invalid_amount":
      "ett belopp är ett av {expr: …}, {fraction: …} eller {fixed: …, currency: …}",
    "promise.invalid_money": '"{amount}" är inte ett giltigt belopp i {currency}',
    "promise.invalid_expression": "uttrycket går inte att kompilera för {eventType}: {detail}",
    "promise.unknown_event": '"{eventType}" är ingen händelsetyp som löften kan lyssna på',
    "promise.duplicate_id": 'löftets id "{id}" används två gånger',
    "promise.amount_required": "en gottgörelse av typen {kind} behöver ett belopp",
    "promise.reach_mismatch": 'räckvidden "{reach}" passar inte händelsen "{eventType}"',
    "promise.guard_required":
      "ett varningslöfte lyssnar på guard.check och anger vilken kontroll det slår på",
    "promise.invalid": "ogiltigt värde",
  },
};
