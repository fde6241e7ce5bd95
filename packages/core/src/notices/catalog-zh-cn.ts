/** Notice texts in Simplified Chinese. */
import type { NoticeCatalog } from "./catalog.js";

/** Chinese (zh-CN) notices. */
export const zhCN: NoticeCatalog = {
  phrases: {
    greeting: "您好：",
    greetingNamed: "{name}，您好：",
    cause: "原因：{cause}。",
    causeQuoted: "原因（按报告原文引用，我们暂无中文说明）：“{cause}”。",
    causes: {
      weather: "恶劣天气",
      air_traffic_control: "空中交通管制",
      technical: "技术故障",
      late_aircraft: "前序航班晚到",
      crew: "机组人员短缺",
      strike: "罢工",
      security: "安全事件",
    },
    // No space around {name}: one is added before a Latin name ("乘客 Erik Berg"), not a Chinese one.
    passengerNamed: "本通知针对本预订中的乘客{name}。",
    passengerNumbered: "本通知针对本预订中的第 {number} 位乘客（共 {of} 位）。",
    subjectPassenger: "{subject}（{passenger}）",
    passengerShort: "第 {number} 位乘客，共 {of} 位",
    space: "",
    // Each part says where it goes in brackets after the amount, so the list reads
    // "€318.00（转入您的银行卡）和 10,000 积分" after any of these verbs.
    did: {
      refund: "我们将为您退还 {parts}。",
      compensation: "我们将向您支付赔偿金 {parts}。",
      credit: "我们将为您存入 {parts}。",
      points: "我们将向您的账户发放 {parts}。",
    },
    // No spaces around the date: Intl writes it in Chinese ("2026年11月27日").
    dueBy: "最迟于{due}完成。",
    tender: {
      card: "{amount}（转入您的银行卡）",
      points: "{amount}",
      cash: "{amount}",
      voucher: "{amount} 代金券",
      wallet: "{amount}（转入您的电子钱包）",
      credit: "{amount} 账户抵用金",
      original: "{amount}（按原支付方式退回）",
      other: "{amount}",
    },
    nothingToDo: "您无需进行任何操作。",
    promise: "我们的承诺：“{title}”",
    signoff: "{company} 敬上",
  },
  templates: {
    "airline.delay-refund": {
      subject: "预订 {subject} 航班晚点：为您退还票款",
      happened: "您在预订 {subject} 中的航班因我们可控的原因，晚点三小时以上才抵达。",
      sorry: "我们深表歉意。",
    },
    "airline.child-seated-apart": {
      subject: "预订 {subject}：孩子将与您同坐",
      happened: "在预订 {subject} 中，一名 12 岁以下的儿童被安排在与同行成人分开的座位上。",
      sorry: "让您担心了，我们深表歉意。",
      did: "登机口工作人员会在登机前免费为您和孩子调换座位，让你们坐在一起。",
    },
    "eu261.delay-compensation": {
      subject: "预订 {subject} 航班延误的赔偿",
      happened: "您在预订 {subject} 中的航班因航空公司可控的原因，晚点三小时以上才抵达目的地。",
      sorry: "根据欧盟第 261/2004 号条例，您因此可获得赔偿。耽误了您的时间，我们深表歉意。",
    },
    "eu261.cancellation-compensation": {
      subject: "预订 {subject} 航班取消的赔偿",
      happened: "您在预订 {subject} 中的航班因航空公司可控的原因，在临近出发时被取消。",
      sorry: "根据欧盟第 261/2004 号条例，您因此可获得赔偿。我们深表歉意。",
    },
    "us-dot.cancellation-refund": {
      subject: "预订 {subject} 航班取消：为您退款",
      happened: "您在预订 {subject} 中的航班已被取消。",
      sorry: "根据美国交通部的规定，您有权获得退款。我们深表歉意。",
    },
    "us-dot.significant-delay-refund": {
      subject: "预订 {subject} 航班严重延误：为您退款",
      happened: "您在预订 {subject} 中的航班严重延误。",
      sorry: "根据美国交通部的规定，您有权获得退款。我们深表歉意。",
    },
    "retail.late-delivery": {
      subject: "订单 {subject} 延迟送达：为您退还运费",
      happened: "您的订单 {subject} 未能在我们承诺的时间内送达。",
      sorry: "我们深表歉意。",
    },
    "retail.price-drop": {
      subject: "订单 {subject}：商品降价，差价归您",
      happened: "您在订单 {subject} 中购买的商品，在我们承诺的期限内降价了。",
    },
    "retail.duplicate-charge": {
      subject: "订单 {subject}：我们多扣了您的钱",
      happened: "订单 {subject} 的扣款金额超过了您同意支付的金额。",
      sorry: "这是我们的失误，我们深表歉意。",
    },
    "retail.not-shipped": {
      subject: "订单 {subject} 未发货：为您全额退款",
      happened: "您付款后，我们未能在承诺的时间内发出您的订单 {subject}。",
      sorry: "我们深表歉意。",
    },
    "streaming.rental-quality": {
      subject: "您租借的影片播放质量未达到承诺",
      happened: "您租借的一部影片播放质量低于我们承诺的标准。",
      sorry: "我们深表歉意。",
    },
    "streaming.outage-credit": {
      subject: "服务中断：为您的账户存入补偿",
      happened: "我们的服务中断了一段时间，您无法使用付费订阅的服务。",
      sorry: "我们深表歉意。",
    },
    "support.long-wait-apology": {
      subject: "让您久等了",
      happened: "您联系我们时，我们的答复时间超出了承诺的时限。",
      sorry: "让您久等，我们深表歉意。",
    },
    // 道歉已作为单独的通知发送（support.long-wait-apology），同一次等待不重复道歉。
    "support.long-wait-credit": {
      subject: "让您久等了：为您的账户存入抵用金",
      happened: "您联系我们时，我们的答复时间超出了承诺的时限。",
    },
    "support.repeat-contact": {
      subject: "由一位资深客服专员跟进您的问题",
      happened: "由于我们没有解决您的问题，您不得不再次联系我们。",
      sorry: "我们深表歉意。",
      did: "现在由一位资深客服专员负责到底，直到问题解决。专员会在一个工作日内与您联系，并随时告知您进展。您不必再从头解释一遍。",
    },
  },
  generic: {
    subject: "关于我们的承诺：{title}",
    happened: "我们没有兑现对您的承诺。",
    sorry: "我们深表歉意。",
  },
};
