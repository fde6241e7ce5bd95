/** Help of `goodfaith webhooks`: endpoints that receive Goodfaith's events, and their deliveries. */
import type { HelpEntry } from "./entry.js";

export const WEBHOOKS_HELP = {
  webhooks: {
    en: "endpoints receiving Goodfaith's events, signed and retried",
    "zh-CN": "接收 Goodfaith 事件的 Webhook 端点：每次投递都带签名，失败了会重试",
    sv: "slutpunkter som tar emot Goodfaiths händelser, signerade och skickade igen vid fel",
  },
  webhooksAdd: {
    en: "register an endpoint; its signing secret is printed only this once",
    "zh-CN": "注册一个 Webhook 端点；它的签名密钥只在这时显示这一次",
    sv: "registrera en slutpunkt; dess signeringshemlighet skrivs ut bara den här gången",
  },
  webhooksUrl: {
    en: "where events are POSTed (http or https)",
    "zh-CN": "事件要 POST 到的地址（http 或 https）",
    sv: "dit händelserna skickas med POST (http eller https)",
  },
  webhooksEvents: {
    en: "event types to send",
    "zh-CN": "要发送的事件类型",
    sv: "händelsetyper att skicka",
  },
  webhooksAddJson: {
    en: 'JSON: {"id","url","events","createdAt","secret"}',
    "zh-CN": '以 JSON 格式输出：{"id","url","events","createdAt","secret"}',
    sv: 'utdata som JSON: {"id","url","events","createdAt","secret"}',
  },
  webhooksAddNotes: {
    en: `Each delivery is signed: Goodfaith-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
Verify it with verifyWebhookSignature from @goodfaith/store (5-minute replay window).`,
    "zh-CN": `每次投递都带有签名：Goodfaith-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">。
接收方可用 @goodfaith/store 中的 verifyWebhookSignature 核对签名（防重放窗口为 5 分钟）。`,
    sv: `Varje leverans signeras: Goodfaith-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
Kontrollera den med verifyWebhookSignature från @goodfaith/store (5 minuters fönster mot återuppspelning).`,
  },
  webhooksList: {
    en: "list every endpoint (never a secret)",
    "zh-CN": "列出所有 Webhook 端点（从不显示签名密钥）",
    sv: "lista alla slutpunkter (aldrig en hemlighet)",
  },
  webhooksListJson: {
    en: "JSON lines, one per endpoint",
    "zh-CN": "JSON 行，每个端点一行",
    sv: "JSON-rader, en per slutpunkt",
  },
  webhooksDisable: {
    en: "stop sending to an endpoint; it stays listed, its deliveries wait",
    "zh-CN": "停止向某个端点发送；它仍会列出，发给它的投递会先等着",
    sv: "sluta skicka till en slutpunkt; den står kvar i listan och dess leveranser får vänta",
  },
  webhooksEndpointId: {
    en: "the endpoint (we_…)",
    "zh-CN": "端点的 ID（we_…）",
    sv: "slutpunkten (we_…)",
  },
  webhooksDisableJson: {
    en: 'JSON: the endpoint {"id","url","events","createdAt","disabledAt"}',
    "zh-CN": '以 JSON 格式输出该端点：{"id","url","events","createdAt","disabledAt"}',
    sv: 'utdata som JSON: slutpunkten {"id","url","events","createdAt","disabledAt"}',
  },
  webhooksDisableNotes: {
    en: `Exit codes: 0 the endpoint is disabled (already was, too), 1 a bad command line or store,
2 no such endpoint.`,
    "zh-CN": "退出码：0 端点已停用（原本就已停用也算），1 命令行或存储有误，2 没有这个端点。",
    sv: `Avslutningskoder: 0 slutpunkten är avstängd (även om den redan var det), 1 fel på kommandoraden
eller i lagret, 2 ingen sådan slutpunkt.`,
  },
  webhooksEnable: {
    en: "send to a disabled endpoint again, from its pending deliveries on",
    "zh-CN": "重新向已停用的端点发送，从它待发送的投递开始",
    sv: "skicka till en avstängd slutpunkt igen, med början i dess väntande leveranser",
  },
  webhooksEnableJson: {
    en: 'JSON: the endpoint {"id","url","events","createdAt"}',
    "zh-CN": '以 JSON 格式输出该端点：{"id","url","events","createdAt"}',
    sv: 'utdata som JSON: slutpunkten {"id","url","events","createdAt"}',
  },
  webhooksEnableNotes: {
    en: `Exit codes: 0 the endpoint is active (already was, too), 1 a bad command line or store,
2 no such endpoint.`,
    "zh-CN": "退出码：0 端点已启用（原本就已启用也算），1 命令行或存储有误，2 没有这个端点。",
    sv: `Avslutningskoder: 0 slutpunkten är aktiv (även om den redan var det), 1 fel på kommandoraden
eller i lagret, 2 ingen sådan slutpunkt.`,
  },
  webhooksDeliveries: {
    en: "list deliveries, newest first (as GET /v1/webhooks/deliveries)",
    "zh-CN": "列出投递，最新的在前（与 GET /v1/webhooks/deliveries 相同）",
    sv: "lista leveranser, nyast först (som GET /v1/webhooks/deliveries)",
  },
  webhooksDeliveriesEndpoint: {
    en: "only this endpoint's (we_…)",
    "zh-CN": "只看这个端点的（we_…）",
    sv: "bara denna slutpunkts (we_…)",
  },
  webhooksDeliveriesStatus: {
    en: "only these statuses: {statuses}",
    "zh-CN": "只看这些状态：{statuses}",
    sv: "bara dessa statusar: {statuses}",
  },
  webhooksDeliveriesLimit: {
    en: "at most n, from 1 to 1000 (default 100)",
    "zh-CN": "最多 n 条，1 到 1000（默认 100）",
    sv: "högst n, från 1 till 1000 (standard 100)",
  },
  webhooksDeliveriesJson: {
    en: 'JSON: {"deliveries":[…]}, the API\'s body',
    "zh-CN": '以 JSON 格式输出：{"deliveries":[…]}，与 API 的响应体相同',
    sv: 'utdata som JSON: {"deliveries":[…]}, samma svar som API:t ger',
  },
  webhooksDeliveriesNotes: {
    en: `Each line: id, endpoint, event type, status, attempts, created, and the last error or when it
is due again.`,
    "zh-CN":
      "每行依次为：ID、端点、事件类型、状态、尝试次数、创建时间，以及上次的错误或下次发送的时间。",
    sv: `Varje rad: id, slutpunkt, händelsetyp, status, försök, skapad, och det senaste felet eller när
den ska skickas igen.`,
  },
  webhooksReplay: {
    en: "send a delivery again, or every dead one; goodfaith outbox run sends them",
    "zh-CN": "重新发送一次投递，或所有已停止重试的投递；由 goodfaith outbox run 实际发出",
    sv: "skicka en leverans igen, eller alla döda; goodfaith outbox run skickar dem",
  },
  webhooksDeliveryId: {
    en: "the delivery (dlv_…)",
    "zh-CN": "投递的 ID（dlv_…）",
    sv: "leveransen (dlv_…)",
  },
  webhooksDead: {
    en: "every dead-lettered delivery",
    "zh-CN": "所有已停止重试的投递",
    sv: "alla döda leveranser (som gav upp efter sista försöket)",
  },
  webhooksReplayJson: {
    en: 'JSON: {"replayed":[ids]}',
    "zh-CN": '以 JSON 格式输出：{"replayed":[ids]}',
    sv: 'utdata som JSON: {"replayed":[ids]}',
  },
  webhooksReplayNotes: {
    en: `Exit codes: 0 something will be sent again, 1 a bad command line or store, 2 nothing to replay
(so the outbox run after && is skipped).`,
    "zh-CN": `退出码：0 有投递将重新发送，1 命令行或存储有误，2 没有可重发的内容
（因此 && 之后的 outbox run 不会运行）。`,
    sv: `Avslutningskoder: 0 något skickas igen, 1 fel på kommandoraden eller i lagret, 2 inget att
skicka igen (så att outbox run efter && hoppas över).`,
  },
} as const satisfies Record<string, HelpEntry>;
