/** Each problem's title and detail in each of Goodfaith's languages, by code (see `PROBLEM_CODES`). */
import type { Lang } from "@goodfaith/core";
import type { ProblemCode } from "./messages.js";

type Texts = Readonly<Record<ProblemCode, { readonly title: string; readonly detail: string }>>;

const en: Texts = {
  unauthorized: {
    title: "Authentication required",
    detail: "Send an API key: Authorization: Bearer <key> (create one with goodfaith keys create).",
  },
  invalid_key: {
    title: "Invalid API key",
    detail: "This API key is unknown or was revoked.",
  },
  forbidden: {
    title: "Not allowed for this key",
    detail: "This endpoint needs a key with one of the scopes {scopes}; this key has {has}.",
  },
  not_found: { title: "Not found", detail: "There is nothing at {path}." },
  method_not_allowed: { title: "Method not allowed", detail: "{path} does not accept {method}." },
  body_too_large: {
    title: "Request body too large",
    detail: "The body may be at most {limit} bytes.",
  },
  too_many_events: {
    title: "Too many events",
    detail: "At most {limit} events per request; this one has {count}. Split the batch.",
  },
  unsupported_media_type: {
    title: "Unsupported media type",
    detail: "Send {expected}, not {given}.",
  },
  invalid_json: {
    title: "Malformed JSON",
    detail: "The body is not valid JSON (line {line}, column {column}).",
  },
  invalid_request: {
    title: "Invalid request",
    detail: "The request does not match the API contract; see issues.",
  },
  events_rejected: {
    title: "Events rejected",
    detail: "No event of this request was accepted; each rejection says where and why.",
  },
  rate_limited: {
    title: "Too many requests",
    detail: "This API key is over its rate limit; retry after {seconds} seconds.",
  },
  idempotency_key_invalid: {
    title: "Invalid Idempotency-Key",
    detail: "An Idempotency-Key is 1 to 255 visible ASCII characters.",
  },
  idempotency_key_reused: {
    title: "Idempotency-Key reused",
    detail: "This Idempotency-Key was used with a different request; use a new key.",
  },
  idempotency_key_in_progress: {
    title: "Request in progress",
    detail:
      "A request with this Idempotency-Key is still being processed; retry after {seconds} seconds.",
  },
  remedy_not_found: { title: "No such remedy", detail: "No remedy has the key {key}." },
  webhook_not_found: {
    title: "No such webhook endpoint",
    detail: "No webhook endpoint has the id {id}; goodfaith webhooks list shows them.",
  },
  customer_not_found: {
    title: "Nothing known about this customer",
    detail:
      "Nothing is known about the customer {customer}: no personal data, events, remedies or notices. Is the id mistyped?",
  },
  remedy_conflict: {
    title: "Remedy cannot move",
    detail: "The remedy is {status}; it cannot be {action}.",
  },
  not_ready: {
    title: "Not ready",
    detail: "The store cannot be reached; the server's log says why.",
  },
  recovering: {
    title: "Recovering",
    detail: "Ingestion is rebuilding its state after a failed write; retry shortly.",
  },
  store_unavailable: {
    title: "Store unavailable",
    detail:
      "The data store cannot be reached right now; this is not a problem with the request. Try again in {seconds} seconds.",
  },
  capital_unavailable: {
    title: "Relationships cannot be valued",
    detail: "{reason}",
  },
  no_promises: {
    title: "No promises to compare with",
    detail:
      'This server decides with no promises, so against "current" has nothing to compare with. Send the documents to compare with as YAML texts in against, or adopt a set (goodfaith promises adopt).',
  },
  internal: {
    title: "Internal error",
    detail: "Something went wrong on our side; the request may be retried.",
  },
};

const zhCN: Texts = {
  unauthorized: {
    title: "需要身份验证",
    detail: "请发送 API 密钥：Authorization: Bearer <key>（可用 goodfaith keys create 创建）。",
  },
  invalid_key: { title: "API 密钥无效", detail: "此 API 密钥不存在或已被吊销。" },
  forbidden: {
    title: "此密钥无权访问",
    detail: "此接口需要具有以下权限之一的密钥：{scopes}；此密钥的权限为：{has}。",
  },
  not_found: { title: "未找到", detail: "{path} 处没有内容。" },
  method_not_allowed: { title: "方法不允许", detail: "{path} 不接受 {method} 请求。" },
  body_too_large: { title: "请求体过大", detail: "请求体最多 {limit} 字节。" },
  too_many_events: {
    title: "事件过多",
    detail: "每个请求最多 {limit} 个事件，此请求有 {count} 个。请拆分批次。",
  },
  unsupported_media_type: {
    title: "不支持的媒体类型",
    detail: "请发送 {expected}，而不是 {given}。",
  },
  invalid_json: {
    title: "JSON 格式错误",
    detail: "请求体不是有效的 JSON（第 {line} 行第 {column} 列）。",
  },
  invalid_request: { title: "请求无效", detail: "请求不符合 API 约定；详见 issues。" },
  events_rejected: {
    title: "事件被拒绝",
    detail: "此请求中没有事件被接受；每条拒绝都说明了位置和原因。",
  },
  rate_limited: {
    title: "请求过多",
    detail: "此 API 密钥超出了速率限制；请在 {seconds} 秒后重试。",
  },
  idempotency_key_invalid: {
    title: "Idempotency-Key 无效",
    detail: "Idempotency-Key 为 1 到 255 个可见 ASCII 字符。",
  },
  idempotency_key_reused: {
    title: "Idempotency-Key 被重复使用",
    detail: "此 Idempotency-Key 已用于另一个不同的请求；请使用新的密钥。",
  },
  idempotency_key_in_progress: {
    title: "请求处理中",
    detail: "使用此 Idempotency-Key 的请求仍在处理中；请在 {seconds} 秒后重试。",
  },
  remedy_not_found: { title: "没有此补救", detail: "没有键为 {key} 的补救。" },
  webhook_not_found: {
    title: "没有此 Webhook 端点",
    detail: "没有 ID 为 {id} 的 Webhook 端点；可用 goodfaith webhooks list 查看所有端点。",
  },
  customer_not_found: {
    title: "没有这位客户的记录",
    detail:
      "没有关于客户 {customer} 的任何记录（没有个人数据、事件、补救或通知）。客户 ID 是否输错了？",
  },
  remedy_conflict: { title: "补救无法变更", detail: "该补救当前状态为 {status}，不能{action}。" },
  not_ready: { title: "尚未就绪", detail: "无法连接存储；原因见服务器日志。" },
  recovering: { title: "正在恢复", detail: "写入失败后，事件接收正在重建状态；请稍后重试。" },
  store_unavailable: {
    title: "存储暂不可用",
    detail: "目前无法连接数据存储；这不是请求本身的问题。请在 {seconds} 秒后重试。",
  },
  capital_unavailable: {
    title: "无法评估客户关系价值",
    detail: "{reason}",
  },
  no_promises: {
    title: "没有可供对比的承诺",
    detail:
      '此服务器当前没有使用任何承诺，因此 against 为 "current" 时没有可对比的对象。请在 against 中以 YAML 文本发送要对比的文档，或先采用一个承诺集（goodfaith promises adopt）。',
  },
  internal: { title: "内部错误", detail: "我们这边出了问题；可以重试该请求。" },
};

const sv: Texts = {
  unauthorized: {
    title: "Autentisering krävs",
    detail:
      "Skicka en API-nyckel: Authorization: Bearer <nyckel> (skapa en med goodfaith keys create).",
  },
  invalid_key: {
    title: "Ogiltig API-nyckel",
    detail: "API-nyckeln är okänd eller har återkallats.",
  },
  forbidden: {
    title: "Inte tillåtet för den här nyckeln",
    detail:
      "Den här slutpunkten kräver en nyckel med någon av behörigheterna {scopes}; nyckeln har {has}.",
  },
  not_found: { title: "Hittades inte", detail: "Det finns inget på {path}." },
  method_not_allowed: { title: "Metoden tillåts inte", detail: "{path} tar inte emot {method}." },
  body_too_large: {
    title: "För stor begäran",
    detail: "Innehållet får vara högst {limit} byte.",
  },
  too_many_events: {
    title: "För många händelser",
    detail: "Högst {limit} händelser per begäran; den här har {count}. Dela upp den.",
  },
  unsupported_media_type: {
    title: "Medietypen stöds inte",
    detail: "Skicka {expected}, inte {given}.",
  },
  invalid_json: {
    title: "Felaktig JSON",
    detail: "Innehållet är inte giltig JSON (rad {line}, kolumn {column}).",
  },
  invalid_request: {
    title: "Ogiltig begäran",
    detail: "Begäran följer inte API-kontraktet; se issues.",
  },
  events_rejected: {
    title: "Händelser avvisade",
    detail: "Ingen händelse i begäran godtogs; varje avvisning säger var och varför.",
  },
  rate_limited: {
    title: "För många förfrågningar",
    detail: "API-nyckeln är över sin gräns; försök igen om {seconds} sekunder.",
  },
  idempotency_key_invalid: {
    title: "Ogiltig Idempotency-Key",
    detail: "En Idempotency-Key är 1 till 255 synliga ASCII-tecken.",
  },
  idempotency_key_reused: {
    title: "Idempotency-Key återanvänd",
    detail: "Den här Idempotency-Key användes för en annan begäran; använd en ny nyckel.",
  },
  idempotency_key_in_progress: {
    title: "Begäran pågår",
    detail:
      "En begäran med den här Idempotency-Key behandlas fortfarande; försök igen om {seconds} sekunder.",
  },
  remedy_not_found: {
    title: "Gottgörelsen finns inte",
    detail: "Ingen gottgörelse har nyckeln {key}.",
  },
  webhook_not_found: {
    title: "Webhook-slutpunkten finns inte",
    detail: "Ingen webhook-slutpunkt har id:t {id}; goodfaith webhooks list visar dem.",
  },
  customer_not_found: {
    title: "Inget känt om kunden",
    detail:
      "Vi vet ingenting om kunden {customer}: inga personuppgifter, händelser, gottgörelser eller meddelanden. Är id:t felstavat?",
  },
  remedy_conflict: {
    title: "Gottgörelsen kan inte flyttas",
    detail: "Gottgörelsen är {status}; den kan inte {action}.",
  },
  not_ready: {
    title: "Inte redo",
    detail: "Lagret går inte att nå; serverns logg säger varför.",
  },
  recovering: {
    title: "Återhämtar sig",
    detail:
      "Mottagningen bygger upp sitt tillstånd igen efter en misslyckad skrivning; försök snart igen.",
  },
  store_unavailable: {
    title: "Lagret är inte tillgängligt",
    detail:
      "Datalagret går inte att nå just nu; det är inget fel på begäran. Försök igen om {seconds} sekunder.",
  },
  capital_unavailable: {
    title: "Kundrelationerna går inte att värdera",
    detail: "{reason}",
  },
  no_promises: {
    title: "Inga löften att jämföra med",
    detail:
      'Servern beslutar inte med några löften, så against "current" har inget att jämföra med. Skicka dokumenten att jämföra med som YAML-text i against, eller anta en uppsättning först (goodfaith promises adopt).',
  },
  internal: {
    title: "Internt fel",
    detail: "Något gick fel hos oss; begäran kan göras om.",
  },
};

/** The problem texts by language. */
export const PROBLEM_TEXTS: Readonly<Record<Lang, Texts>> = { en, "zh-CN": zhCN, sv };
