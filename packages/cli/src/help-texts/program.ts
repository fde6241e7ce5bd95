/** Help of the program itself and of run, guard, clv and promises. */
import type { HelpEntry } from "./entry.js";

export const PROGRAM_HELP = {
  program: {
    en: "Keep your promises to customers before they have to ask.",
    "zh-CN": "在客户开口之前，就兑现您对他们的承诺。",
    sv: "Håll dina löften till kunderna innan de behöver fråga.",
  },
  lang: {
    en: "language of human output and pages; default from LANG",
    "zh-CN": "给人阅读的输出和页面所用的语言；默认取自 LANG",
    sv: "språket i utdata och sidor som människor läser; annars enligt LANG",
  },
  exitCodeList: {
    en: `  0  success
  1  a file could not be read, or the command line was wrong
  2  invalid input: a promise document that does not load, or a bad items file;
     or a ledger or checkpoint that does not verify
  3  the run completed, but some events were rejected (each is reported)`,
    "zh-CN": `  0  成功
  1  有文件无法读取，或命令行有误
  2  输入无效：承诺文档无法加载，或商品文件有误；
     或账本、检查点未通过校验
  3  运行已完成，但有事件被拒绝（每一个都会报告）`,
    sv: `  0  klart
  1  en fil kunde inte läsas, eller så var kommandoraden fel
  2  ogiltig indata: ett löftesdokument som inte går att läsa in, eller en felaktig varufil;
     eller en liggare eller kontrollpunkt som inte klarar verifieringen
  3  körningen blev klar, men några händelser avvisades (var och en rapporteras)`,
  },
  run: {
    en: "evaluate promise documents over event files and print every remedy, then a summary",
    "zh-CN": "用事件文件评估承诺文档，列出每项补救措施，最后给出摘要",
    sv: "utvärdera löftesdokument mot händelsefiler och skriv ut varje gottgörelse, sedan en sammanfattning",
  },
  runEvents: {
    en: "event files (JSON Lines); several are merged by event time",
    "zh-CN": "事件文件（JSON Lines）；多个文件按事件时间合并",
    sv: "händelsefiler (JSON Lines); flera slås ihop efter händelsetid",
  },
  runUntil: {
    en: "move event time to this RFC 3339 time at the end, firing deadlines before it",
    "zh-CN": "最后把事件时间推进到这个 RFC 3339 时间，此前到期的期限随之触发",
    sv: "flytta händelsetiden till denna RFC 3339-tid på slutet, så att tidsgränser före den löser ut",
  },
  runJson: {
    en: "JSON lines: one per remedy, then a summary",
    "zh-CN": "JSON 行：每项补救一行，最后一行是摘要",
    sv: "JSON-rader: en per gottgörelse, sedan en sammanfattning",
  },
  guard: {
    en: "the guard: warnings before a purchase",
    "zh-CN": "购前提醒：在客户购买之前提醒他们",
    sv: "vakten: varningar före ett köp",
  },
  guardCheck: {
    en: "what the guard says to a customer about to buy some items, from their history",
    "zh-CN": "根据客户的历史，看购前提醒会对即将购买这些商品的客户说什么",
    sv: "vad vakten säger till en kund som ska köpa några varor, utifrån kundens historik",
  },
  guardEvents: {
    en: "the customer history (JSON Lines)",
    "zh-CN": "客户的历史（JSON Lines）",
    sv: "kundens historik (JSON Lines)",
  },
  guardCustomer: { en: "the customer", "zh-CN": "客户", sv: "kunden" },
  guardItems: {
    en: 'items.json, or inline JSON: [{"sku":"…","kind":"book"}]',
    "zh-CN": 'items.json，或直接写在命令行里的 JSON：[{"sku":"…","kind":"book"}]',
    sv: 'items.json, eller JSON direkt på kommandoraden: [{"sku":"…","kind":"book"}]',
  },
  guardPromises: {
    en: "promise documents with guard promises (default: already-owned and a 14-day price guarantee)",
    "zh-CN": "含购前提醒承诺的承诺文档（默认：已拥有提醒和 14 天价格保障）",
    sv: "löftesdokument med vaktlöften (standard: redan ägt och en prisgaranti på 14 dagar)",
  },
  guardAt: {
    en: "when the purchase happens (RFC 3339); default: the history's last event time",
    "zh-CN": "购买发生的时间（RFC 3339）；默认：历史中最后一个事件的时间",
    sv: "när köpet sker (RFC 3339); standard: tiden för historikens sista händelse",
  },
  clv: {
    en: "customer lifetime value (BG/NBD + Gamma-Gamma)",
    "zh-CN": "客户终身价值（BG/NBD + Gamma-Gamma）",
    sv: "kundens livstidsvärde (BG/NBD + Gamma-Gamma)",
  },
  clvFit: {
    en: "fit the models to a purchase history and value every customer",
    "zh-CN": "用购买历史拟合模型，并为每位客户估值",
    sv: "anpassa modellerna till en köphistorik och värdera varje kund",
  },
  clvTransactions: {
    en: "purchases: CSV with header customer,date,amount, or the CDNOW format (default: the store's log)",
    "zh-CN": "购买记录：表头为 customer,date,amount 的 CSV，或 CDNOW 格式（默认：存储中的日志）",
    sv: "köp: CSV med rubrikraden customer,date,amount, eller CDNOW-formatet (standard: lagrets logg)",
  },
  clvDbCurrency: {
    en: "with --db: reporting currency (default: the most used)",
    "zh-CN": "与 --db 一起使用：报告所用的货币（默认：最常用的货币）",
    sv: "med --db: rapportvaluta (standard: den mest använda)",
  },
  clvFormat: { en: "input format", "zh-CN": "输入格式", sv: "indataformat" },
  clvCalibrationEnd: {
    en: "last day (YYYY-MM-DD) of the fitting period",
    "zh-CN": "拟合期的最后一天（YYYY-MM-DD）",
    sv: "sista dagen (YYYY-MM-DD) i anpassningsperioden",
  },
  clvFitJson: {
    en: "JSON: { bgnbd, gammaGamma, customers, repeaters, … }",
    "zh-CN": "以 JSON 格式输出：{ bgnbd, gammaGamma, customers, repeaters, … }",
    sv: "utdata som JSON: { bgnbd, gammaGamma, customers, repeaters, … }",
  },
  clvCdnow: {
    en: `CDNOW_sample.txt: 6,919 purchases by 2,357 customers of CDNOW (Fader, Hardie & Lee, 2005), as the
lifetimes Python library ships it (lifetimes/datasets/); the fit reproduces the published estimates.`,
    "zh-CN": `CDNOW_sample.txt：CDNOW 上 2,357 位客户的 6,919 次购买（Fader、Hardie 与 Lee，2005），
与 Python 库 lifetimes 所附的数据相同（lifetimes/datasets/）；拟合结果与已发表的估计值一致。`,
    sv: `CDNOW_sample.txt: 6 919 köp av 2 357 kunder hos CDNOW (Fader, Hardie & Lee, 2005), så som
Python-biblioteket lifetimes levererar den (lifetimes/datasets/); anpassningen återger de
publicerade skattningarna.`,
  },
  clvValue: {
    en: "relationship capital from the store: equity, value at risk, write-down, value protected",
    "zh-CN": "根据存储计算关系资本：客户资产、风险价值、减记、受保护的价值",
    sv: "relationskapital ur lagret: kundkapital, värde i riskzonen, nedskrivning, skyddat värde",
  },
  clvCurrency: {
    en: "reporting currency (default: the most used)",
    "zh-CN": "报告所用的货币（默认：最常用的货币）",
    sv: "rapportvaluta (standard: den mest använda)",
  },
  promises: {
    en: "promise documents: validate, render and diff; the sets a store has adopted",
    "zh-CN": "承诺文档：校验、生成页面与比较；存储已采用的承诺集",
    sv: "löftesdokument: validera, rendera och jämföra; de uppsättningar ett lager har antagit",
  },
  promisesHistory: {
    en: "every promise set the store adopted, oldest first: version, when, by whom, digest, documents",
    "zh-CN": "存储采用过的每个承诺集，按时间先后：版本、时间、采用者、摘要、文档",
    sv: "varje uppsättning löften lagret har antagit, äldst först: version, när, av vem, kontrollsumma, dokument",
  },
  promisesHistoryJson: {
    en: "one JSON line per version (documents without their text)",
    "zh-CN": "每个版本一行 JSON（文档不含正文）",
    sv: "en JSON-rad per version (dokumenten utan sin text)",
  },
  promisesAdopt: {
    en: "make promise documents the store's set in effect, for every process deciding over it",
    "zh-CN": "把承诺文档设为存储的现行承诺集，供基于该存储做决定的每个进程使用",
    sv: "gör löftesdokument till lagrets gällande uppsättning, för varje process som beslutar över det",
  },
  promisesAdoptFiles: {
    en: "the promise documents, in the order the engine reads them",
    "zh-CN": "承诺文档，按引擎读取的顺序",
    sv: "löftesdokumenten, i den ordning motorn läser dem",
  },
  promisesAdoptJson: {
    en: "one JSON line: {version, digest, from: adopted|unchanged, adoptedAt, actor}",
    "zh-CN": "输出一行 JSON：{version, digest, from: adopted|unchanged, adoptedAt, actor}",
    sv: "en JSON-rad: {version, digest, from: adopted|unchanged, adoptedAt, actor}",
  },
  promisesAdoptNotes: {
    en: `Every document must load (exit 2 otherwise, each problem with file, line and column; exit 1
for a file that cannot be read): nothing is adopted until all do. Documents that differ from
the set in effect become the next version, recorded in the ledger's promises chain; the same
texts again add none. A running goodfaith serve over the store switches to the new version at
its next look (--promises-poll-ms), after the events it already took.`,
    "zh-CN": `每个文档都必须能加载（否则退出码为 2，并列出每个问题所在的文件、行和列；文件无法读取时退出码为 1）：
全部加载成功之前不会采用任何文档。与现行承诺集不同的文档成为下一个版本，并记录在账本的 promises 链中；
再次给出相同的正文不会新增版本。正在该存储上运行的 goodfaith serve 会在下一次检查时
（--promises-poll-ms）切换到新版本，此前已接收的事件仍按旧版本决定。`,
    sv: `Varje dokument måste gå att läsa in (annars avslutningskod 2, varje problem med fil, rad och
kolumn; 1 för en fil som inte går att läsa): inget antas förrän alla gör det. Dokument som skiljer
sig från den gällande uppsättningen blir nästa version, noterad i liggarens kedja promises; samma
texter igen lägger inte till någon. En goodfaith serve som körs över lagret byter till den nya
versionen nästa gång den tittar efter (--promises-poll-ms), efter de händelser den redan tagit emot.`,
  },
  promisesKeptNotes: {
    en: `goodfaith ingest and goodfaith serve adopt the documents given with --promises: a set that
differs from the one in effect becomes the next version (the same texts again add none; the
digest is SHA-256 over the texts in order, not the file names), recorded in the ledger's
promises chain. Without --promises they decide with the version in effect; goodfaith backtest
-p <new.yaml> --against (no files) compares a proposal with it.`,
    "zh-CN": `goodfaith ingest 和 goodfaith serve 会采用 --promises 指定的文档：与现行版本不同的承诺集
成为下一个版本（再次给出相同的正文不会新增版本；摘要是按顺序对各文档正文计算的 SHA-256，
与文件名无关），并记录在账本的 promises 链中。不带 --promises 时，它们使用现行版本；
goodfaith backtest -p <new.yaml> --against（不带文件）将提议与现行版本对比。`,
    sv: `goodfaith ingest och goodfaith serve antar dokumenten som anges med --promises: en uppsättning
som skiljer sig från den som gäller blir nästa version (samma texter igen lägger inte till
någon; kontrollsumman är SHA-256 över texterna i ordning, inte filnamnen), noterad i liggarens
kedja promises. Utan --promises beslutar de med den version som gäller; goodfaith backtest
-p <new.yaml> --against (utan filer) jämför ett förslag med den.`,
  },
  promisesShow: {
    en: "print the documents of a promise set exactly as adopted (the one in effect by default)",
    "zh-CN": "按采用时的原样输出某个承诺集的文档（默认为现行版本）",
    sv: "skriv ut dokumenten i en uppsättning löften exakt som de antogs (som standard den som gäller)",
  },
  promisesShowVersion: {
    en: "the version to show (see goodfaith promises history)",
    "zh-CN": "要显示的版本（见 goodfaith promises history）",
    sv: "versionen att visa (se goodfaith promises history)",
  },
  promisesShowJson: {
    en: "the set as JSON, each document's text in sources",
    "zh-CN": "以 JSON 输出该承诺集，各文档正文位于 sources 中",
    sv: "uppsättningen som JSON, varje dokuments text i sources",
  },
  promisesValidate: {
    en: "load promise documents and report every problem with file, line and column",
    "zh-CN": "加载承诺文档，报告每个问题所在的文件、行和列",
    sv: "läs in löftesdokument och rapportera varje problem med fil, rad och kolumn",
  },
  promisesRender: {
    en: "render the customer-facing promise page",
    "zh-CN": "生成给客户看的承诺页面",
    sv: "rendera löftessidan som kunderna ser",
  },
  promisesHtml: {
    en: "a standalone HTML page instead of Markdown",
    "zh-CN": "生成独立的 HTML 页面，而不是 Markdown",
    sv: "en fristående HTML-sida i stället för Markdown",
  },
  promisesDiff: {
    en: "what changed between two versions, promise by promise and field by field",
    "zh-CN": "两个版本之间有什么变化，逐项承诺、逐个字段列出",
    sv: "vad som ändrats mellan två versioner, löfte för löfte och fält för fält",
  },
  promisesDiffExit: {
    en: "Exit codes: 0 no change, 1 changed, 2 a file does not load.",
    "zh-CN": "退出码：0 没有变化，1 有变化，2 有文件无法加载。",
    sv: "Avslutningskoder: 0 ingen ändring, 1 ändrat, 2 en fil går inte att läsa in.",
  },
  promisesDiffThen: {
    en: "Then see what the change would cost:",
    "zh-CN": "接着看看这项改动要花多少钱：",
    sv: "Se sedan vad ändringen skulle kosta:",
  },
} as const satisfies Record<string, HelpEntry>;
