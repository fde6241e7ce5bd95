/** Help of the commands that write and read the store: ingest, ledger, customer, keys, remedies. */
import type { HelpEntry } from "./entry.js";

export const STORE_HELP = {
  ingest: {
    en: "store event files durably: validate, evaluate, record remedies once and append them to the ledger",
    "zh-CN": "持久保存事件文件：校验、评估，每项补救只记录一次，并追加到账本",
    sv: "spara händelsefiler beständigt: validera, utvärdera, registrera gottgörelser en gång och lägg till dem i liggaren",
  },
  ingestFiles: {
    en: "event files (JSON Lines, or see --format)",
    "zh-CN": "事件文件（JSON Lines，或见 --format）",
    sv: "händelsefiler (JSON Lines, eller se --format)",
  },
  ingestPromises: {
    en: "promise documents (YAML) to decide with; the store adopts them (default: the set it keeps)",
    "zh-CN": "用于决定补救的承诺文档（YAML）；存储会采用它们（默认：存储中保存的承诺集）",
    sv: "löftesdokument (YAML) att besluta med; lagret antar dem (standard: den uppsättning det har)",
  },
  ingestBatch: {
    en: "events per committed batch",
    "zh-CN": "每个提交批次包含的事件数",
    sv: "antal händelser per batch som sparas",
  },
  ingestFormat: {
    en: "jsonl: one event per line; csv: header id,type,time,customer,data (data as JSON); segment: Segment identify/track calls or batches, one per line",
    "zh-CN":
      "jsonl：每行一个事件；csv：表头为 id,type,time,customer,data（data 为 JSON）；segment：Segment 的 identify/track 调用或批次，每行一个",
    sv: "jsonl: en händelse per rad; csv: rubrikraden id,type,time,customer,data (data som JSON); segment: Segments identify/track-anrop eller batchar, ett per rad",
  },
  ingestNotices: {
    en: "append the notices to customers that are ready to send to this file, one JSON line each",
    "zh-CN": "把可以发送的致客户通知追加到这个文件，每条一行 JSON",
    sv: "lägg till meddelandena till kunder som är klara att skicka i den här filen, en JSON-rad vardera",
  },
  ingestJson: {
    en: 'JSON lines: {"committed","lastSeq","file","line"} after each durable batch, then a summary',
    "zh-CN": 'JSON 行：每个批次持久保存后输出 {"committed","lastSeq","file","line"}，最后是摘要',
    sv: 'JSON-rader: {"committed","lastSeq","file","line"} efter varje batch som sparats beständigt, sedan en sammanfattning',
  },
  ingestNotes: {
    en: `Several files are merged by event time (stable: equal times keep the order of the files).
Exit code 3 when some lines were rejected (each is reported on stderr with file:line).
Every remedy whose promise names a notice gets one, in the customer's language, recorded once
in the store; with --notices, those ready to send (consent and a channel allow it) are also
appended to the file. A re-run never writes a notice twice.
With --promises the store adopts the documents before any event is decided by them (a set that
differs from the one in effect becomes a new version); without, the set it keeps decides.`,
    "zh-CN": `多个文件按事件时间合并（稳定合并：时间相同时保持文件的顺序）。
有行被拒绝时退出码为 3（每一行都会在 stderr 上以“文件:行号”报告）。
承诺中指明了通知的每项补救，都会得到一条用客户的语言写成的通知，在存储中只记录一次；
使用 --notices 时，可以发送的通知（客户同意且有可用的渠道）还会追加到该文件。
重新运行绝不会把同一条通知写两次。
使用 --promises 时，存储会先采用这些文档，再用它们决定任何事件（与现行版本不同的承诺集成为新版本）；
不带 --promises 时，由存储中保存的承诺集决定。`,
    sv: `Flera filer slås ihop efter händelsetid (stabilt: lika tider behåller filernas ordning).
Avslutningskod 3 när några rader avvisades (var och en rapporteras på stderr med fil:rad).
Varje gottgörelse vars löfte nämner ett meddelande får ett, på kundens språk, sparat en gång
i lagret; med --notices läggs de som är klara att skicka (samtycke och en kanal tillåter det)
också till i filen. En ny körning skriver aldrig samma meddelande två gånger.
Med --promises antar lagret dokumenten innan någon händelse beslutas av dem (en uppsättning som
skiljer sig från den som gäller blir en ny version); utan beslutar den uppsättning det har.`,
  },
  ledger: {
    en: "the tamper-evident remedy ledger",
    "zh-CN": "补救账本：任何篡改都会留下痕迹",
    sv: "liggaren över gottgörelser, där varje manipulering syns",
  },
  ledgerVerify: {
    en: "re-compute every hash chain, then compare the remedies table and the promise sets with the ledger; name what does not match (exit 2 if anything does)",
    "zh-CN":
      "重新计算每条哈希链，再把补救表和各承诺版本与账本对照；指出不一致之处（如有，退出码为 2）",
    sv: "räkna om varje hashkedja och jämför sedan gottgörelsetabellen och löftesversionerna med liggaren; namnge det som inte stämmer (avslutningskod 2 i så fall)",
  },
  ledgerCheckpointOption: {
    en: "also check a signed checkpoint (from ledger checkpoint) against its chain; repeatable",
    "zh-CN": "同时用已签署的检查点（来自 ledger checkpoint）核对它所属的链；可多次指定",
    sv: "kontrollera också en signerad kontrollpunkt (från ledger checkpoint) mot dess kedja; kan upprepas",
  },
  ledgerTrustedKey: {
    en: "accept only checkpoints signed by this Ed25519 public key; repeatable",
    "zh-CN": "只接受由这个 Ed25519 公钥签署的检查点；可多次指定",
    sv: "godta bara kontrollpunkter signerade med denna publika Ed25519-nyckel; kan upprepas",
  },
  ledgerVerifyJson: {
    en: "JSON: the verdict, with every chain's count and head",
    "zh-CN": "以 JSON 格式输出：结论，以及每条链的条目数和链头",
    sv: "utdata som JSON: utslaget, med antal poster och senaste post för varje kedja",
  },
  ledgerVerifyNotes: {
    en: `A chain rewritten from some entry on, with its hashes recomputed, still verifies on its own;
a checkpoint signed before catches it (and a truncation). Pin the signer with --trusted-key.`,
    "zh-CN": `一条链若从某个条目起被改写、并重新计算了哈希，单独校验时仍会通过；
事先签署的检查点能发现这种改写（以及截断）。请用 --trusted-key 指定签名者。`,
    sv: `En kedja som skrivits om från någon post och framåt, med omräknade hashar, klarar ändå
kontrollen på egen hand; en kontrollpunkt som signerats innan avslöjar det (och en avkortning).
Fastställ undertecknaren med --trusted-key.`,
  },
  ledgerCheckpoint: {
    en: "verify every chain and sign its head with Ed25519 (a checkpoint to keep elsewhere)",
    "zh-CN": "校验每条链，并用 Ed25519 签署其链头（得到一个应另处保存的检查点）",
    sv: "verifiera varje kedja och signera dess senaste post med Ed25519 (en kontrollpunkt att förvara någon annanstans)",
  },
  ledgerKey: {
    en: "Ed25519 private key, PKCS#8 PEM (default {path}, generated with mode 0600 if missing)",
    "zh-CN": "Ed25519 私钥，PKCS#8 PEM（默认 {path}；不存在时以权限 0600 生成）",
    sv: "privat Ed25519-nyckel, PKCS#8 PEM (standard {path}, skapas med läge 0600 om den saknas)",
  },
  ledgerOut: {
    en: "where to write the checkpoint (default {dir}/<chain>-<seq>.json; with several chains, one array)",
    "zh-CN": "检查点写到哪里（默认 {dir}/<chain>-<seq>.json；有多条链时，写成一个数组）",
    sv: "var kontrollpunkten skrivs (standard {dir}/<chain>-<seq>.json; med flera kedjor, en lista)",
  },
  ledgerChain: { en: "only this chain", "zh-CN": "只处理这条链", sv: "bara denna kedja" },
  ledgerCheckpointJson: {
    en: "JSON lines: one signed checkpoint per chain",
    "zh-CN": "JSON 行：每条链一个已签署的检查点",
    sv: "JSON-rader: en signerad kontrollpunkt per kedja",
  },
  customer: {
    en: "a customer's timeline and personal data",
    "zh-CN": "客户的时间线与个人数据",
    sv: "en kunds tidslinje och personuppgifter",
  },
  customerShow: {
    en: "what an agent sees: personal data held and why, events, remedies",
    "zh-CN": "客服人员看到的内容：所持个人数据及其原因、事件、补救措施",
    sv: "det en handläggare ser: personuppgifter vi har och varför, händelser, gottgörelser",
  },
  customerLimit: {
    en: "latest events and first remedies shown",
    "zh-CN": "显示的最近事件数和最早补救数",
    sv: "antal senaste händelser och första gottgörelser som visas",
  },
  customerErase: {
    en: "erase a customer's personal data and record the erasure in the ledger (which still verifies)",
    "zh-CN": "删除客户的个人数据，并在账本中记录这次删除（账本仍能通过校验）",
    sv: "radera en kunds personuppgifter och notera raderingen i liggaren (som fortfarande klarar kontrollen)",
  },
  customerActor: {
    en: "who asked for the erasure, recorded in the ledger",
    "zh-CN": "提出删除请求的人，记入账本",
    sv: "vem som begärde raderingen, noteras i liggaren",
  },
  keys: {
    en: "API keys of the HTTP API (goodfaith serve)",
    "zh-CN": "HTTP API 的 API 密钥（goodfaith serve）",
    sv: "API-nycklar till HTTP-API:t (goodfaith serve)",
  },
  keysCreate: {
    en: "create a key with scopes; its secret is printed only this once",
    "zh-CN": "创建带权限范围的密钥；密钥本身只在这时显示这一次",
    sv: "skapa en nyckel med behörigheter; dess hemlighet skrivs ut bara den här gången",
  },
  keysScope: {
    en: "what the key may do (admin: everything)",
    "zh-CN": "密钥可以做什么（admin：全部）",
    sv: "vad nyckeln får göra (admin: allt)",
  },
  keysName: { en: "what the key is for", "zh-CN": "密钥的用途", sv: "vad nyckeln är till för" },
  keysCreateJson: {
    en: 'JSON: {"id","name","scopes","createdAt","key"}',
    "zh-CN": '以 JSON 格式输出：{"id","name","scopes","createdAt","key"}',
    sv: 'utdata som JSON: {"id","name","scopes","createdAt","key"}',
  },
  keysScopes: {
    en: `Scopes: ingest (POST /v1/events, /v1/segment, /v1/cloudevents), guard (POST /v1/guard/check),
agent (remedies, customers, promises, backtests, scorecard, metrics, capital, report), executor
(the payment system's confirm and fail callbacks), admin (everything, with webhooks, /metrics
and /v1/ledger/verify).`,
    "zh-CN": `权限范围：ingest（POST /v1/events、/v1/segment、/v1/cloudevents）、guard（POST /v1/guard/check）、
agent（补救措施、客户、承诺、回测、信任记分卡、指标、客户资本、报告）、executor（支付系统的确认和失败回调）、
admin（全部，包括 Webhook、/metrics 和 /v1/ledger/verify）。`,
    sv: `Behörigheter: ingest (POST /v1/events, /v1/segment, /v1/cloudevents), guard (POST /v1/guard/check),
agent (gottgörelser, kunder, löften, backtester, förtroendekort, mått, kundkapital, rapport), executor
(betalsystemets anrop som bekräftar eller underkänner), admin (allt, även webhooks, /metrics och
/v1/ledger/verify).`,
  },
  keysList: {
    en: "list every key (never a secret)",
    "zh-CN": "列出所有密钥（从不显示密钥本身）",
    sv: "lista alla nycklar (aldrig en hemlighet)",
  },
  keysListJson: {
    en: "JSON lines, one per key",
    "zh-CN": "JSON 行，每个密钥一行",
    sv: "JSON-rader, en per nyckel",
  },
  keysRevoke: {
    en: "revoke a key by its id; a server stops accepting it within seconds",
    "zh-CN": "按 ID 吊销密钥；服务器会在几秒内停止接受它",
    sv: "återkalla en nyckel med dess id; en server slutar godta den inom några sekunder",
  },
  keysId: {
    en: "the key's id (from keys list)",
    "zh-CN": "密钥的 ID（见 keys list）",
    sv: "nyckelns id (från keys list)",
  },
  keysRevokeJson: {
    en: 'JSON: {"id","revoked"}',
    "zh-CN": '以 JSON 格式输出：{"id","revoked"}',
    sv: 'utdata som JSON: {"id","revoked"}',
  },
  remedies: {
    en: "remedies the engine decided: list, show, approve, reject, retry",
    "zh-CN": "引擎决定的补救措施：列出、查看、批准、拒绝、重试",
    sv: "gottgörelser som motorn beslutat: lista, visa, godkänna, avslå, försöka igen",
  },
  remediesList: {
    en: "one page of remedies, oldest first",
    "zh-CN": "一页补救措施，最早的在前",
    sv: "en sida med gottgörelser, äldst först",
  },
  remediesStatus: {
    en: "only these statuses (e.g. awaiting_approval dead)",
    "zh-CN": "只看这些状态（例如 awaiting_approval dead）",
    sv: "bara dessa statusar (t.ex. awaiting_approval dead)",
  },
  remediesCustomer: {
    en: "only this customer's",
    "zh-CN": "只看这位客户的",
    sv: "bara denna kunds",
  },
  remediesPromise: {
    en: "only this promise's",
    "zh-CN": "只看这项承诺的",
    sv: "bara detta löftes",
  },
  remediesFrom: {
    en: "only incidents at or after this time (RFC 3339)",
    "zh-CN": "只看在此时间或之后发生的问题（RFC 3339）",
    sv: "bara incidenter vid eller efter denna tid (RFC 3339)",
  },
  remediesTo: {
    en: "only incidents before this time (RFC 3339)",
    "zh-CN": "只看在此时间之前发生的问题（RFC 3339）",
    sv: "bara incidenter före denna tid (RFC 3339)",
  },
  remediesLimit: {
    en: "remedies per page (1–1000)",
    "zh-CN": "每页的补救数（1–1000）",
    sv: "gottgörelser per sida (1–1000)",
  },
  remediesAfter: {
    en: "the page after this cursor (printed at the end of a page)",
    "zh-CN": "这个游标之后的一页（游标显示在每页末尾）",
    sv: "sidan efter denna markör (skrivs ut i slutet av en sida)",
  },
  remediesShow: {
    en: "a remedy, its explanation and every move",
    "zh-CN": "一项补救措施、对它的解释，以及它的每一次状态变动",
    sv: "en gottgörelse, dess förklaring och varje förflyttning",
  },
  remedyKey: {
    en: "the remedy's idempotency key",
    "zh-CN": "补救的幂等键",
    sv: "gottgörelsens idempotensnyckel",
  },
  remediesApprove: {
    en: "approve a remedy awaiting approval",
    "zh-CN": "批准一项等待审批的补救",
    sv: "godkänn en gottgörelse som väntar på godkännande",
  },
  remediesReject: {
    en: "reject a remedy awaiting approval (its spend is released)",
    "zh-CN": "拒绝一项等待审批的补救（为它预留的支出随之释放）",
    sv: "avslå en gottgörelse som väntar på godkännande (dess utgift frigörs)",
  },
  remediesRetry: {
    en: "send a dead or failed remedy back to the outbox, due now",
    "zh-CN": "把已停止重试或失败的补救送回发件箱，立即到期",
    sv: "skicka tillbaka en död eller misslyckad gottgörelse till utkorgen, att utföras nu",
  },
  remediesActor: {
    en: "who decides, recorded in the ledger (e.g. agent:a-17)",
    "zh-CN": "做决定的人，记入账本（例如 agent:a-17）",
    sv: "vem som beslutar, noteras i liggaren (t.ex. agent:a-17)",
  },
  remediesReason: {
    en: "why, recorded with the move",
    "zh-CN": "原因，与这次状态变动一起记录",
    sv: "varför, noteras med förflyttningen",
  },
} as const satisfies Record<string, HelpEntry>;
