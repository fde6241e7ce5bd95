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
      air_traffic_control: "空中交通管制限制",
      technical: "技术故障",
      late_aircraft: "执飞飞机的前一航班晚到",
      crew: "机组人员不足",
      strike: "罢工",
      security: "安保事件",
    },
    passengerNamed: "本通知涉及本预订的乘客 {name}。",
    passengerNumbered: "本通知涉及本预订的第 {number} 位乘客（共 {of} 位）。",
    subjectPassenger: "{subject}（{passenger}）",
    passengerShort: "第 {number} 位乘客，共 {of} 位",
    space: "",
    did: {
      refund: "我们正在为您退款：{parts}。",
      compensation: "我们正在向您支付赔偿：{parts}。",
      credit: "我们正在为您存入：{parts}。",
      points: "我们正在为您的账户添加：{parts}。",
    },
    dueBy: "最迟将于 {due} 完成。",
    tender: {
      card: "{amount} 退回您的银行卡",
      points: "{amount}",
      cash: "{amount}",
      voucher: "{amount} 以代金券形式退还",
      wallet: "{amount} 退回您的电子钱包",
      credit: "{amount} 存入您的账户余额",
      original: "{amount}，按您的原支付方式退还",
      other: "{amount}",
    },
    nothingToDo: "您无需做任何事。",
    promise: "我们的承诺：“{title}”",
    signoff: "{company} 敬上",
  },
  templates: {
    "airline.delay-refund": {
      subject: "预订 {subject} 航班晚点：退还您的票款",
      happened: "您预订 {subject} 的航班因我们可控的原因晚到三小时或以上。我们深表歉意。",
    },
    "airline.child-seated-apart": {
      subject: "预订 {subject}：孩子将与您同坐",
      happened:
        "在预订 {subject} 中，一名 12 岁以下的儿童被安排在远离同行成人的座位。给您带来担忧，我们深表歉意。",
      did: "我们的登机口团队会在登机前免费为你们调换到一起。",
    },
    "eu261.delay-compensation": {
      subject: "预订 {subject} 航班延误的赔偿",
      happened:
        "您预订 {subject} 的航班因航空公司可控的原因晚到目的地三小时或以上。根据欧盟第 261/2004 号条例，您因此可获得赔偿。耽误了您的时间，我们深表歉意。",
    },
    "eu261.cancellation-compensation": {
      subject: "预订 {subject} 航班取消的赔偿",
      happened:
        "您预订 {subject} 的航班因航空公司可控的原因在短时间内被取消。根据欧盟第 261/2004 号条例，您因此可获得赔偿。我们深表歉意。",
    },
    "us-dot.cancellation-refund": {
      subject: "预订 {subject} 航班取消：为您退款",
      happened:
        "您预订 {subject} 的航班已被取消。根据美国交通部的规定，您有权获得退款。我们深表歉意。",
    },
    "us-dot.significant-delay-refund": {
      subject: "预订 {subject} 航班严重延误：为您退款",
      happened:
        "您预订 {subject} 的航班严重延误。根据美国交通部的规定，您有权获得退款。我们深表歉意。",
    },
    "retail.late-delivery": {
      subject: "订单 {subject} 延迟送达：退还运费",
      happened: "您的订单 {subject} 没有在我们承诺的时间之前送达。我们深表歉意。",
    },
    "retail.price-drop": {
      subject: "订单 {subject}：商品降价，差价归您",
      happened: "您在订单 {subject} 中购买的商品在购买后 14 天内降价了。",
    },
    "retail.duplicate-charge": {
      subject: "订单 {subject}：我们多扣了您的钱",
      happened: "我们为订单 {subject} 扣的款超过了您同意支付的金额。这是我们的失误，我们深表歉意。",
    },
    "retail.not-shipped": {
      subject: "订单 {subject} 未发货：全额退款",
      happened: "您付款后 3 天内，我们没有发出您的订单 {subject}。我们深表歉意。",
    },
    "streaming.rental-quality": {
      subject: "您租借的影片播放质量未达到承诺",
      happened: "您租借的一部影片播放质量低于我们承诺的标准。我们深表歉意。",
    },
    "streaming.outage-credit": {
      subject: "服务中断：为您的账户存入补偿",
      happened: "我们的服务中断了一段时间，您无法使用您付费订阅的服务。我们深表歉意。",
    },
    "support.long-wait-apology": {
      subject: "让您久等了",
      happened: "您联系我们时，等待的时间超过了我们承诺的答复时间。让您久等，我们深表歉意。",
    },
    // 道歉已作为单独的通知发送（support.long-wait-apology），同一次等待不重复道歉。
    "support.long-wait-credit": {
      subject: "因让您久等，为您的账户存入余额",
      happened: "您联系我们时，等待的时间超过了我们承诺的答复时间。",
    },
    "support.repeat-contact": {
      subject: "由一位资深同事负责您的问题",
      happened: "您不得不就我们尚未解决的问题再次联系我们。我们深表歉意。",
      did: "现在由一位资深同事负责到底，直到问题解决；他们会在一个工作日内与您联系，并随时告知进展。您不必再从头解释一遍。",
    },
  },
  generic: {
    subject: "关于我们的承诺：{title}",
    happened: "有些事情没有按我们承诺的那样做到。我们深表歉意。",
  },
};
