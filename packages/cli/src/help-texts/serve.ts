/** Help of the commands that serve and carry out: serve, outbox, demo. */
import type { HelpEntry } from "./entry.js";

export const SERVE_HELP = {
  executor: {
    en: "how remedies are carried out",
    "zh-CN": "补救措施的执行方式",
    sv: "hur gottgörelser utförs",
  },
  executorUrl: {
    en: "the payment endpoint (--executor webhook)",
    "zh-CN": "支付系统的端点（--executor webhook）",
    sv: "betalsystemets adress (--executor webhook)",
  },
  executorSecret: {
    en: "its signing secret (default $GOODFAITH_EXECUTOR_SECRET)",
    "zh-CN": "它的签名密钥（默认 $GOODFAITH_EXECUTOR_SECRET）",
    sv: "dess signeringshemlighet (standard $GOODFAITH_EXECUTOR_SECRET)",
  },
  executorCallbackBase: {
    en: "the API's address as the payment system reaches it",
    "zh-CN": "支付系统访问本 API 所用的地址",
    sv: "API:ts adress så som betalsystemet når det",
  },
  executorLease: {
    en: "how long an unconfirmed remedy waits before it is sent again",
    "zh-CN": "未确认的补救要等多久才重新发送",
    sv: "hur länge en obekräftad gottgörelse väntar innan den skickas igen",
  },
  outbox: {
    en: "execute approved remedies and send webhooks",
    "zh-CN": "执行已批准的补救措施，并发送 webhook",
    sv: "utför godkända gottgörelser och skicka webhooks",
  },
  outboxRun: {
    en: "run the worker: every few seconds until stopped, or --once",
    "zh-CN": "运行工作进程：每隔几秒处理一轮，直到被停止；或用 --once 只处理一轮",
    sv: "kör arbetaren: med några sekunders mellanrum tills den stoppas, eller --once",
  },
  outboxOnce: {
    en: "one pass, then exit",
    "zh-CN": "处理一轮后退出",
    sv: "ett varv, sedan avsluta",
  },
  outboxInterval: {
    en: "pause after a pass that found nothing due",
    "zh-CN": "某一轮没有到期项时，暂停多久",
    sv: "paus efter ett varv där inget var förfallet",
  },
  outboxJson: {
    en: "one JSON line per pass: {remedies, deliveries}",
    "zh-CN": "每轮输出一行 JSON：{remedies, deliveries}",
    sv: "en JSON-rad per varv: {remedies, deliveries}",
  },
  outboxNotes: {
    en: `record: executes nothing, marks remedies executed (a dry run). webhook: POSTs each remedy,
signed and with its idempotency key, to --url; the payment system answers with the outcome,
or 202 and later POST /v1/remedies/{key}/confirm|fail with an executor key. A remedy never
confirmed is sent again after each lease, as a new attempt, and goes to the dead letter after
the last one; a failure called back after a lease ran out but before the remedy was sent again
counts for the earlier send: retried after the backoff, or the dead letter, instead of sent again
at once. goodfaith serve runs this worker itself unless started with --no-outbox.`,
    "zh-CN": `record：什么也不执行，只把补救标记为已执行（演练）。webhook：把每项补救签名、
附上幂等键，POST 到 --url；支付系统直接返回结果，或先返回 202，
稍后再用执行器密钥调用 POST /v1/remedies/{key}/confirm|fail。
始终未确认的补救会在每个租期结束后作为新的尝试再次发送，最后一次尝试之后停止重试；
租期结束后、再次发送之前收到的失败回调记为上一次发送的失败：按退避时间重试，或停止重试，
而不是立即再次发送。
goodfaith serve 会自己运行这个工作进程，除非启动时加了 --no-outbox。`,
    sv: `record: utför ingenting, markerar gottgörelser som utförda (en torrkörning). webhook: POSTar
varje gottgörelse, signerad och med sin idempotensnyckel, till --url; betalsystemet svarar med
utfallet, eller 202 och senare POST /v1/remedies/{key}/confirm|fail med en utförarnyckel. En
gottgörelse som aldrig bekräftas skickas igen när varje lånetid gått ut, som ett nytt försök, och
blir död efter det sista; ett misslyckande som rapporteras efter att en lånetid gått ut men innan
den skickats igen räknas för det tidigare utskicket: nytt försök efter väntetiden, eller död, i
stället för att skickas igen direkt. goodfaith serve kör själv den här arbetaren om den inte
startas med --no-outbox.`,
  },
  outboxExample: {
    en: "Example (the payment system gets the key for its callbacks and the secret to check signatures):",
    "zh-CN": "示例（支付系统拿到用于回调的密钥，以及用来核对签名的密钥）：",
    sv: "Exempel (betalsystemet får nyckeln för sina återanrop och hemligheten för att kontrollera signaturer):",
  },
  serve: {
    en: "serve the HTTP API (OpenAPI docs at /docs) over the store, and run the outbox worker",
    "zh-CN": "基于存储提供 HTTP API（OpenAPI 文档位于 /docs），并运行发件箱工作进程",
    sv: "servera HTTP-API:t (OpenAPI-dokumentation på /docs) över lagret, och kör utkorgens arbetare",
  },
  servePromises: {
    en: "promise documents (YAML) to keep; the store adopts them (default: the set it keeps)",
    "zh-CN": "要兑现的承诺文档（YAML）；存储会采用它们（默认：存储中保存的承诺集）",
    sv: "löftesdokument (YAML) att hålla; lagret antar dem (standard: den uppsättning det har)",
  },
  servePort: {
    en: "TCP port (0: any free one)",
    "zh-CN": "TCP 端口（0：任一空闲端口）",
    sv: "TCP-port (0: valfri ledig)",
  },
  serveHost: {
    en: "address to listen on (0.0.0.0: every interface)",
    "zh-CN": "监听的地址（0.0.0.0：所有网络接口）",
    sv: "adress att lyssna på (0.0.0.0: alla gränssnitt)",
  },
  serveRateLimit: {
    en: "requests per second per API key (0: no limit)",
    "zh-CN": "每个 API 密钥每秒的请求数（0：不限）",
    sv: "anrop per sekund och API-nyckel (0: ingen gräns)",
  },
  serveNoOutbox: {
    en: "do not run the outbox worker here (separate goodfaith outbox run)",
    "zh-CN": "不在这里运行发件箱工作进程（另行运行 goodfaith outbox run）",
    sv: "kör inte utkorgens arbetare här (kör goodfaith outbox run separat)",
  },
  serveOutboxInterval: {
    en: "pause after an outbox pass that found nothing due",
    "zh-CN": "发件箱某一轮没有到期项时，暂停多久",
    sv: "paus efter ett varv i utkorgen där inget var förfallet",
  },
  servePromisesPoll: {
    en: "how often to take up events other processes ingested into the store (for the guard), and look for a promise set adopted by another process (goodfaith promises adopt), and switch to it",
    "zh-CN":
      "每隔多久接收其他进程写入存储的事件（供守护检查使用），并检查是否有其他进程采用了新的承诺集（goodfaith promises adopt），并切换过去",
    sv: "hur ofta att ta in händelser som andra processer lagt in i lagret (för vakten), och titta efter en uppsättning löften som en annan process antagit (goodfaith promises adopt), och byta till den",
  },
  logLevel: {
    en: "how much of the operator's log (JSON lines on stderr) to write: info has a line per request and the start and stop, warn only what went wrong",
    "zh-CN":
      "运维日志（stderr 上的 JSON 行）写多少：info 包括每个请求一行以及启动和停止，warn 只记出错的情况",
    sv: "hur mycket av driftloggen (JSON-rader på stderr) som skrivs: info ger en rad per anrop samt start och stopp, warn bara det som gick fel",
  },
  outboxLogLevel: {
    en: "how much of the operator's log (JSON lines on stderr) to write: info has the worker's start and stop, the store's outage and recovery lines and its failures; warn only what went wrong",
    "zh-CN":
      "运维日志（stderr 上的 JSON 行）写多少：info 包括工作进程的启动和停止、存储中断与恢复的记录以及失败，warn 只记出错的情况",
    sv: "hur mycket av driftloggen (JSON-rader på stderr) som skrivs: info ger arbetarens start och stopp, raderna om att lagret är otillgängligt och tillbaka samt fel; warn bara det som gick fel",
  },
  serveJson: {
    en: 'one JSON line once listening: {"listening","docs","outbox"}',
    "zh-CN": '开始监听后输出一行 JSON：{"listening","docs","outbox"}',
    sv: 'en JSON-rad när servern lyssnar: {"listening","docs","outbox"}',
  },
  serveNotes: {
    en: `Calls need an API key (goodfaith keys create). Stops on Ctrl-C (SIGINT) or SIGTERM.
The outbox worker runs in this process: approved remedies are carried out by the executor
(record by default: a dry run; --executor webhook as with goodfaith outbox run) and webhooks
sent, pass after pass while any are due, then every --outbox-interval-ms. With --no-outbox,
run goodfaith outbox run instead. The promises in effect are the store's: a set adopted
meanwhile (goodfaith promises adopt, or another serve -p) is taken up within
--promises-poll-ms, after the events already received; so are events other processes
ingest into the store (goodfaith ingest, another serve), before this one ingests any more.`,
    "zh-CN": `调用需要 API 密钥（goodfaith keys create）。按 Ctrl-C（SIGINT）或收到 SIGTERM 时停止。
发件箱工作进程在本进程中运行：已批准的补救由执行器完成（默认为 record：演练；
--executor webhook 与 goodfaith outbox run 中相同），webhook 也随之发出；只要还有到期项，
就一轮接一轮地处理，之后每隔 --outbox-interval-ms 处理一次。使用 --no-outbox 时，
请改为运行 goodfaith outbox run。生效的承诺以存储为准：期间采用的承诺集（goodfaith promises adopt，
或另一个 serve -p）会在 --promises-poll-ms 内生效，此前已接收的事件仍按旧版本决定；
其他进程写入存储的事件（goodfaith ingest、另一个 serve）同样在此间隔内接收，且先于本进程接收的新事件。`,
    sv: `Anrop kräver en API-nyckel (goodfaith keys create). Stannar vid Ctrl-C (SIGINT) eller SIGTERM.
Utkorgens arbetare körs i den här processen: godkända gottgörelser utförs av utföraren
(record som standard: en torrkörning; --executor webhook som med goodfaith outbox run) och
webhooks skickas, varv efter varv så länge något är förfallet, sedan var --outbox-interval-ms.
Med --no-outbox kör du goodfaith outbox run i stället. Löftena som gäller är lagrets: en
uppsättning som antas under tiden (goodfaith promises adopt, eller en annan serve -p) börjar
gälla inom --promises-poll-ms, efter de händelser som redan tagits emot; detsamma gäller
händelser som andra processer lägger in i lagret (goodfaith ingest, en annan serve), före
de som den här tar emot härnäst.`,
  },
  serveExample: {
    en: "Example (serve in the background; curl retries until it listens):",
    "zh-CN": "示例（在后台运行服务；curl 会一直重试，直到服务开始监听）：",
    sv: "Exempel (servern körs i bakgrunden; curl försöker igen tills den lyssnar):",
  },
  demo: {
    en: "a fresh store, every pack, a generated scenario on real US flight data: what Goodfaith did, then the API",
    "zh-CN":
      "全新的存储、所有规则包、基于美国真实航班数据生成的场景：先看 Goodfaith 做了什么，再看 API",
    sv: "ett nytt lager, alla paket, ett genererat scenario på verkliga amerikanska flygdata: vad Goodfaith gjorde, sedan API:t",
  },
  demoSeed: {
    en: "the scenario's seed: the same seed gives the same events",
    "zh-CN": "场景的随机种子：种子相同，事件也相同",
    sv: "scenariots frö: samma frö ger samma händelser",
  },
  demoDb: {
    en: "the SQLite file to build, replaced each run (default {path})",
    "zh-CN": "要构建的 SQLite 文件，每次运行都会替换（默认 {path}）",
    sv: "SQLite-filen som byggs, ersätts vid varje körning (standard {path})",
  },
  demoPort: {
    en: "TCP port of the API (0: any free one)",
    "zh-CN": "API 的 TCP 端口（0：任一空闲端口）",
    sv: "API:ts TCP-port (0: valfri ledig)",
  },
  demoNoServe: {
    en: "stop after the summary",
    "zh-CN": "输出摘要后停止",
    sv: "stanna efter sammanfattningen",
  },
  demoJson: {
    en: "the summary as one JSON object",
    "zh-CN": "以一个 JSON 对象输出摘要",
    sv: "sammanfattningen som ett JSON-objekt",
  },
  demoNotes: {
    en: `The airline part flies the 10,000 real US flights of vega-datasets (flights-10k, 2001, moved
to 2026) with their real delays; passengers, fares, payments and the shop, video and support
streams are generated from the seed. The store is rebuilt on every run.`,
    "zh-CN": `航空部分使用 vega-datasets 中 10,000 个真实的美国航班（flights-10k，2001 年，移到 2026 年）
及其真实的延误；乘客、票价、付款，以及商店、视频和客服的事件流都由种子生成。
每次运行都会重建存储。`,
    sv: `Flygdelen flyger de 10 000 verkliga amerikanska flygningarna i vega-datasets (flights-10k, 2001,
flyttade till 2026) med sina verkliga förseningar; passagerare, biljettpriser, betalningar och
flödena från butiken, videotjänsten och supporten genereras från fröet. Lagret byggs om vid
varje körning.`,
  },
} as const satisfies Record<string, HelpEntry>;
