import type { Lang } from "../i18n/lang.js";
import type { Catalog } from "../issue.js";

/** Messages for problems in a promise document, in each language. */
export const promiseMessages: Readonly<Record<Lang, Catalog>> = {
  en: {
    "promise.yaml.syntax": "YAML syntax error",
    "promise.yaml.bad_indent":
      "the indentation does not line up: the keys of one mapping, and the items of one list, must start in the same column",
    "promise.yaml.tab_as_indent": "a tab is used for indentation; YAML indents with spaces only",
    "promise.yaml.stray_dash":
      'this "- " starts a list item among "key: value" lines: remove the "- ", or start every entry at this indentation with one',
    "promise.yaml.dash_space": 'a list item starts with "- ": a dash, then a space',
    "promise.yaml.under_value":
      'this line is indented under "{key}", but "{key}" already has a value on its line: line this up with "{key}", or leave "{key}:" alone on its line',
    "promise.yaml.block_as_implicit_key":
      'a value on the same line as its key cannot contain ": " — put the value in quotes, or start a nested mapping on the next line, indented',
    "promise.yaml.multiline_implicit_key":
      'expected "key: value" here: a key is followed by a colon and a space, on one line',
    "promise.yaml.unclosed": 'the "{char}" opened here is never closed',
    "promise.yaml.unclosed_quote": "the quoted text that starts here has no closing quote",
    "promise.yaml.duplicate_key": 'the key "{key}" appears twice in the same mapping',
    "promise.yaml.missing_char":
      "a closing quote, bracket or brace is missing, or a comma between items",
    "promise.yaml.unexpected_token":
      "this text does not fit here: check the indentation and punctuation of this line and the one before",
    "promise.yaml.bad_scalar_start": 'a value cannot start with "{char}" unless it is in quotes',
    "promise.yaml.bad_dq_escape":
      'unknown escape sequence in a double-quoted string; write "\\\\" for a backslash, or use single quotes',
    "promise.yaml.block_in_flow": "an indented list or mapping cannot be inside [ ] or { }",
    "promise.yaml.multiple_docs":
      'a promise file holds one YAML document: remove the extra "---" line',
    "promise.yaml.unresolved_alias": 'the alias "*{name}" has no anchor "&{name}" before it',
    "promise.yaml.resource_exhaustion":
      "the document is nested too deeply or expands too many aliases",
    "promise.not_utf8": "the file is not UTF-8 text: save it as UTF-8",
    "promise.empty_document":
      'the document is empty; expected a mapping with "goodfaith: 1" and a "promises:" list',
    "promise.not_mapping": 'expected a mapping (with a "promises:" list) at the top level',
    "promise.required": "this field is required",
    "promise.no_value": "no value given",
    "promise.unknown_field": 'unknown field "{field}"',
    "promise.unknown_field_suggest": 'unknown field "{field}"; did you mean "{suggestion}"?',
    "promise.misplaced_field":
      '"{field}" is not a field here but of {parent}: change its indentation to line up with the keys of {parent}',
    "promise.invalid_type": "expected {expected}",
    "promise.expected_string": "expected text",
    "promise.expected_number": "expected a number",
    "promise.expected_boolean": "expected true or false",
    "promise.expected_array": 'expected a list (items starting with "- ")',
    "promise.expected_object": 'expected a mapping ("key: value" lines)',
    "promise.expected_localized": "expected the text in each language: { en: …, zh-CN: …, sv: … }",
    "promise.invalid_value": "must be one of: {options}",
    "promise.empty": "must not be empty",
    "promise.too_small": "must have at least {minimum} entries",
    "promise.at_least": "must be at least {minimum}",
    "promise.too_big": "must be at most {maximum}",
    "promise.invalid_decimal": 'expected a decimal amount in quotes, such as "12.50"',
    "promise.invalid_currency":
      'expected an ISO 4217 currency code such as "EUR", or "PTS" for points',
    "promise.invalid_duration":
      'expected an ISO 8601 duration such as "P14D" or "PT2H" (weeks, days, hours, minutes, seconds)',
    "promise.invalid_id": "a promise id is lowercase letters, digits and dashes",
    "promise.invalid_amount":
      "an amount is one of {expr: …}, {fraction: …} or {fixed: …, currency: …}",
    "promise.invalid_money": '"{amount}" is not a valid amount in {currency}',
    "promise.cel.incomplete": "the expression ends too early: something is missing here",
    "promise.cel.unexpected": 'unexpected "{token}" here',
    "promise.cel.unexpected_suggest": 'unexpected "{token}" here; CEL writes "{suggestion}"',
    "promise.cel.expected": 'expected "{expected}" here, not "{found}"',
    "promise.cel.expected_field": 'expected a field name after "."',
    "promise.cel.unclosed": 'the "{char}" opened here is never closed',
    "promise.cel.unclosed_quote": "the quoted text that starts here has no closing quote",
    "promise.cel.reserved": '"{name}" is a reserved word in CEL and cannot be used as a name',
    "promise.cel.unknown_variable":
      'unknown name "{name}"; on {eventType} the names are: {available}',
    "promise.cel.unknown_variable_suggest": 'unknown name "{name}"; did you mean "{suggestion}"?',
    "promise.cel.unavailable_variable":
      '"{name}" is not available on {eventType}; the names there are: {available}',
    "promise.cel.unknown_field": '{type} has no field "{field}"; its fields are: {fields}',
    "promise.cel.unknown_field_suggest":
      '{type} has no field "{field}"; did you mean "{suggestion}"?',
    "promise.cel.unknown_function": 'there is no function "{function}"',
    "promise.cel.unknown_function_suggest":
      'there is no function "{function}"; did you mean "{suggestion}"?',
    "promise.cel.unknown_macro":
      '"{function}" is not a macro or a function; the macros are: {macros}',
    "promise.cel.unknown_macro_suggest":
      '"{function}" is not a macro or a function; did you mean "{suggestion}"?',
    "promise.cel.no_operator": "the operator {operator} does not apply to {left} and {right}",
    "promise.cel.no_operator_suggest":
      "the operator {operator} does not apply to {left} and {right}; did you mean {suggestion}?",
    "promise.cel.no_unary_operator": "the operator {operator} does not apply to {operand}",
    "promise.cel.no_call": "{call} does not exist; the function is declared as {signatures}",
    "promise.cel.not_bool": '"{operator}" needs a bool here, but this is {type}',
    "promise.cel.branch_types":
      'the two choices after "?" must have the same type, but are {left} and {right}',
    "promise.cel.not_indexable": "{type} cannot be indexed with [ ]",
    "promise.cel.result_type": "the expression must give {expected} here, but gives {actual}",
    "promise.cel.other": "the expression is not valid CEL: {detail}",
    "promise.unknown_event": '"{eventType}" is not an event type promises can listen to',
    "promise.unknown_event_suggest":
      '"{eventType}" is not an event type promises can listen to; did you mean "{suggestion}"?',
    "promise.invalid_event_list": "expected an event type, or a list of event types",
    "promise.duplicate_id": 'promise id "{id}" is used twice',
    "promise.amount_required": "a {kind} remedy needs an amount",
    "promise.reach_mismatch": 'reach "{reach}" does not fit event "{eventType}"',
    "promise.guard_required":
      "a warning promise listens to guard.check and says which guard check it enables",
    "promise.invalid": "invalid value",
    "promise.more_issues":
      "… and {count} more not shown ({total} problems in all): fix these first, then validate again",
  },
  "zh-CN": {
    "promise.yaml.syntax": "YAML 语法错误",
    "promise.yaml.bad_indent": "缩进未对齐：同一映射中的键、同一列表中的项必须从同一列开始",
    "promise.yaml.tab_as_indent": "此处用制表符缩进；YAML 只能用空格缩进",
    "promise.yaml.stray_dash":
      "此处的“- ”在若干“键: 值”行之间开始了一个列表项：请删除“- ”，或让此缩进层级的每一项都以它开头",
    "promise.yaml.dash_space": "列表项以“- ”开头：短横线后须有一个空格",
    "promise.yaml.under_value":
      "此行缩进在“{key}”之下，但“{key}”所在行已有值：请将此行与“{key}”对齐，或让“{key}:”单独成行",
    "promise.yaml.block_as_implicit_key":
      "与键同行的值不能包含“: ”：请给值加引号，或将嵌套映射另起一行并缩进",
    "promise.yaml.multiline_implicit_key": "此处应为“键: 值”：键后须紧跟冒号和空格，且在同一行",
    "promise.yaml.unclosed": "此处的“{char}”没有闭合",
    "promise.yaml.unclosed_quote": "从此处开始的引号文本缺少右引号",
    "promise.yaml.duplicate_key": "键“{key}”在同一映射中出现了两次",
    "promise.yaml.missing_char": "缺少右引号、右方括号或右花括号，或项之间缺少逗号",
    "promise.yaml.unexpected_token": "此处的内容不符合 YAML 格式：请检查本行及上一行的缩进和标点",
    "promise.yaml.bad_scalar_start": "值不能以“{char}”开头，除非加上引号",
    "promise.yaml.bad_dq_escape":
      "双引号字符串中有无效的转义序列；反斜杠请写作“\\\\”，或改用单引号",
    "promise.yaml.block_in_flow": "[ ] 或 { } 中不能包含缩进的列表或映射",
    "promise.yaml.multiple_docs": "一个承诺文件只能包含一个 YAML 文档：请删除多余的“---”行",
    "promise.yaml.unresolved_alias": "别名“*{name}”之前没有对应的锚点“&{name}”",
    "promise.yaml.resource_exhaustion": "文档嵌套过深，或展开的别名过多",
    "promise.not_utf8": "文件不是 UTF-8 文本：请以 UTF-8 编码保存",
    "promise.empty_document": "文档为空；应为包含“goodfaith: 1”和“promises:”列表的映射",
    "promise.not_mapping": "顶层应为映射（包含“promises:”列表）",
    "promise.required": "此字段为必填项",
    "promise.no_value": "未填写值",
    "promise.unknown_field": "未知字段“{field}”",
    "promise.unknown_field_suggest": "未知字段“{field}”；您是否想写“{suggestion}”？",
    "promise.misplaced_field":
      "“{field}”不是此处的字段，而属于 {parent}：请调整缩进，使其与 {parent} 的键对齐",
    "promise.invalid_type": "应为 {expected}",
    "promise.expected_string": "应为文本",
    "promise.expected_number": "应为数字",
    "promise.expected_boolean": "应为 true 或 false",
    "promise.expected_array": "应为列表（每项以“- ”开头）",
    "promise.expected_object": "应为映射（若干“键: 值”行）",
    "promise.expected_localized": "应为各语言的文本：{ en: …, zh-CN: …, sv: … }",
    "promise.invalid_value": "必须是以下之一：{options}",
    "promise.empty": "不能为空",
    "promise.too_small": "至少需要 {minimum} 项",
    "promise.at_least": "不能小于 {minimum}",
    "promise.too_big": "不能大于 {maximum}",
    "promise.invalid_decimal": '应为加引号的十进制金额，例如 "12.50"',
    "promise.invalid_currency": "应为 ISO 4217 货币代码（如“EUR”），积分请用“PTS”",
    "promise.invalid_duration": "应为 ISO 8601 时长，例如“P14D”或“PT2H”（周、天、小时、分钟、秒）",
    "promise.invalid_id": "承诺 ID 只能包含小写字母、数字和连字符",
    "promise.invalid_amount": "金额须为 {expr: …}、{fraction: …} 或 {fixed: …, currency: …} 之一",
    "promise.invalid_money": "“{amount}”不是有效的 {currency} 金额",
    "promise.cel.incomplete": "表达式提前结束：此处还缺少内容",
    "promise.cel.unexpected": "此处不应出现“{token}”",
    "promise.cel.unexpected_suggest": "此处不应出现“{token}”；CEL 中应写作“{suggestion}”",
    "promise.cel.expected": "此处应为“{expected}”，而不是“{found}”",
    "promise.cel.expected_field": "“.”之后应为字段名",
    "promise.cel.unclosed": "此处的“{char}”没有闭合",
    "promise.cel.unclosed_quote": "从此处开始的引号文本缺少右引号",
    "promise.cel.reserved": "“{name}”是 CEL 的保留字，不能用作名称",
    "promise.cel.unknown_variable": "未知名称“{name}”；{eventType} 中可用的名称有：{available}",
    "promise.cel.unknown_variable_suggest": "未知名称“{name}”；您是否想写“{suggestion}”？",
    "promise.cel.unavailable_variable": "{eventType} 中没有“{name}”；此处可用的名称有：{available}",
    "promise.cel.unknown_field": "{type} 没有字段“{field}”；它的字段有：{fields}",
    "promise.cel.unknown_field_suggest": "{type} 没有字段“{field}”；您是否想写“{suggestion}”？",
    "promise.cel.unknown_function": "没有名为“{function}”的函数",
    "promise.cel.unknown_function_suggest":
      "没有名为“{function}”的函数；您是否想写“{suggestion}”？",
    "promise.cel.unknown_macro": "“{function}”既不是宏也不是函数；可用的宏有：{macros}",
    "promise.cel.unknown_macro_suggest":
      "“{function}”既不是宏也不是函数；您是否想写“{suggestion}”？",
    "promise.cel.no_operator": "运算符 {operator} 不能用于 {left} 和 {right}",
    "promise.cel.no_operator_suggest":
      "运算符 {operator} 不能用于 {left} 和 {right}；您是否想写 {suggestion}？",
    "promise.cel.no_unary_operator": "运算符 {operator} 不能用于 {operand}",
    "promise.cel.no_call": "不存在 {call}；该函数的声明为 {signatures}",
    "promise.cel.not_bool": "“{operator}”要求此处为 bool，实际为 {type}",
    "promise.cel.branch_types": "“?”之后的两个分支类型必须相同，实际分别为 {left} 和 {right}",
    "promise.cel.not_indexable": "{type} 不能用 [ ] 取下标",
    "promise.cel.result_type": "此处表达式的结果必须是 {expected}，实际为 {actual}",
    "promise.cel.other": "表达式不是有效的 CEL：{detail}",
    "promise.unknown_event": "“{eventType}”不是承诺可以监听的事件类型",
    "promise.unknown_event_suggest":
      "“{eventType}”不是承诺可以监听的事件类型；您是否想写“{suggestion}”？",
    "promise.invalid_event_list": "应为一个事件类型或事件类型列表",
    "promise.duplicate_id": "承诺 ID“{id}”被重复使用",
    "promise.amount_required": "{kind} 类补救措施需要指定金额",
    "promise.reach_mismatch": "触达范围“{reach}”不适用于事件“{eventType}”",
    "promise.guard_required": "警告类承诺应监听 guard.check，并注明启用哪项购前检查",
    "promise.invalid": "值无效",
    "promise.more_issues":
      "……另有 {count} 个未显示（共 {total} 个问题）：请先修正以上问题，再重新校验",
  },
  sv: {
    "promise.yaml.syntax": "syntaxfel i YAML",
    "promise.yaml.bad_indent":
      "indragen stämmer inte: nycklarna i en mappning, och posterna i en lista, måste börja i samma kolumn",
    "promise.yaml.tab_as_indent": "en tabb används som indrag; YAML drar bara in med blanksteg",
    "promise.yaml.stray_dash":
      'detta "- " börjar en listpost bland rader med "nyckel: värde": ta bort "- ", eller börja varje post på den här indragsnivån med ett',
    "promise.yaml.dash_space":
      'en listpost börjar med "- ": ett bindestreck och sedan ett blanksteg',
    "promise.yaml.under_value":
      'raden är indragen under "{key}", men "{key}" har redan ett värde på sin rad: ställ raden i linje med "{key}", eller låt "{key}:" stå ensamt på sin rad',
    "promise.yaml.block_as_implicit_key":
      'ett värde på samma rad som sin nyckel kan inte innehålla ": " – sätt värdet inom citattecken, eller börja en inre mappning på nästa rad, indragen',
    "promise.yaml.multiline_implicit_key":
      'här förväntades "nyckel: värde": en nyckel följs av kolon och blanksteg, på samma rad',
    "promise.yaml.unclosed": '"{char}" som öppnas här stängs aldrig',
    "promise.yaml.unclosed_quote":
      "texten inom citattecken som börjar här saknar avslutande citattecken",
    "promise.yaml.duplicate_key": 'nyckeln "{key}" förekommer två gånger i samma mappning',
    "promise.yaml.missing_char":
      "ett avslutande citattecken, en hakparentes eller en klammerparentes saknas, eller ett kommatecken mellan poster",
    "promise.yaml.unexpected_token":
      "texten passar inte här: kontrollera indrag och skiljetecken på den här raden och raden före",
    "promise.yaml.bad_scalar_start": 'ett värde kan inte börja med "{char}" utan citattecken',
    "promise.yaml.bad_dq_escape":
      'okänd escape-sekvens i en sträng inom dubbla citattecken; skriv "\\\\" för ett omvänt snedstreck, eller använd enkla citattecken',
    "promise.yaml.block_in_flow":
      "en indragen lista eller mappning kan inte stå inom [ ] eller { }",
    "promise.yaml.multiple_docs":
      'en löftesfil innehåller ett enda YAML-dokument: ta bort den extra raden "---"',
    "promise.yaml.unresolved_alias": 'aliaset "*{name}" har inget ankare "&{name}" före sig',
    "promise.yaml.resource_exhaustion":
      "dokumentet är för djupt nästlat eller expanderar för många alias",
    "promise.not_utf8": "filen är inte UTF-8-text: spara den som UTF-8",
    "promise.empty_document":
      'dokumentet är tomt; förväntade en mappning med "goodfaith: 1" och en lista "promises:"',
    "promise.not_mapping": 'förväntade en mappning (med en lista "promises:") på översta nivån',
    "promise.required": "fältet måste anges",
    "promise.no_value": "inget värde angivet",
    "promise.unknown_field": 'okänt fält "{field}"',
    "promise.unknown_field_suggest": 'okänt fält "{field}"; menade du "{suggestion}"?',
    "promise.misplaced_field":
      '"{field}" är inget fält här utan hör till {parent}: ändra indraget så att det står i linje med nycklarna i {parent}',
    "promise.invalid_type": "förväntade {expected}",
    "promise.expected_string": "förväntade text",
    "promise.expected_number": "förväntade ett tal",
    "promise.expected_boolean": "förväntade true eller false",
    "promise.expected_array": 'förväntade en lista (poster som börjar med "- ")',
    "promise.expected_object": 'förväntade en mappning (rader med "nyckel: värde")',
    "promise.expected_localized": "förväntade texten på varje språk: { en: …, zh-CN: …, sv: … }",
    "promise.invalid_value": "måste vara något av: {options}",
    "promise.empty": "får inte vara tomt",
    "promise.too_small": "måste ha minst {minimum} poster",
    "promise.at_least": "måste vara minst {minimum}",
    "promise.too_big": "får vara högst {maximum}",
    "promise.invalid_decimal": 'förväntade ett decimalbelopp inom citattecken, t.ex. "12.50"',
    "promise.invalid_currency":
      'förväntade en valutakod enligt ISO 4217, t.ex. "EUR", eller "PTS" för poäng',
    "promise.invalid_duration":
      'förväntade en varaktighet enligt ISO 8601, t.ex. "P14D" eller "PT2H" (veckor, dagar, timmar, minuter, sekunder)',
    "promise.invalid_id": "ett löftes id består av små bokstäver, siffror och bindestreck",
    "promise.invalid_amount":
      "ett belopp är ett av {expr: …}, {fraction: …} eller {fixed: …, currency: …}",
    "promise.invalid_money": '"{amount}" är inte ett giltigt belopp i {currency}',
    "promise.cel.incomplete": "uttrycket tar slut för tidigt: något saknas här",
    "promise.cel.unexpected": 'oväntat "{token}" här',
    "promise.cel.unexpected_suggest": 'oväntat "{token}" här; i CEL skrivs det "{suggestion}"',
    "promise.cel.expected": 'här förväntades "{expected}", inte "{found}"',
    "promise.cel.expected_field": 'ett fältnamn förväntades efter "."',
    "promise.cel.unclosed": '"{char}" som öppnas här stängs aldrig',
    "promise.cel.unclosed_quote":
      "texten inom citattecken som börjar här saknar avslutande citattecken",
    "promise.cel.reserved": '"{name}" är ett reserverat ord i CEL och kan inte användas som namn',
    "promise.cel.unknown_variable": 'okänt namn "{name}"; på {eventType} finns namnen: {available}',
    "promise.cel.unknown_variable_suggest": 'okänt namn "{name}"; menade du "{suggestion}"?',
    "promise.cel.unavailable_variable":
      '"{name}" finns inte på {eventType}; där finns namnen: {available}',
    "promise.cel.unknown_field": '{type} har inget fält "{field}"; dess fält är: {fields}',
    "promise.cel.unknown_field_suggest":
      '{type} har inget fält "{field}"; menade du "{suggestion}"?',
    "promise.cel.unknown_function": 'det finns ingen funktion "{function}"',
    "promise.cel.unknown_function_suggest":
      'det finns ingen funktion "{function}"; menade du "{suggestion}"?',
    "promise.cel.unknown_macro":
      '"{function}" är varken ett makro eller en funktion; makrona är: {macros}',
    "promise.cel.unknown_macro_suggest":
      '"{function}" är varken ett makro eller en funktion; menade du "{suggestion}"?',
    "promise.cel.no_operator": "operatorn {operator} går inte att använda på {left} och {right}",
    "promise.cel.no_operator_suggest":
      "operatorn {operator} går inte att använda på {left} och {right}; menade du {suggestion}?",
    "promise.cel.no_unary_operator": "operatorn {operator} går inte att använda på {operand}",
    "promise.cel.no_call": "{call} finns inte; funktionen är deklarerad som {signatures}",
    "promise.cel.not_bool": '"{operator}" kräver bool här, men det här är {type}',
    "promise.cel.branch_types":
      'de två alternativen efter "?" måste ha samma typ, men är {left} och {right}',
    "promise.cel.not_indexable": "{type} kan inte indexeras med [ ]",
    "promise.cel.result_type": "uttrycket måste ge {expected} här, men ger {actual}",
    "promise.cel.other": "uttrycket är inte giltig CEL: {detail}",
    "promise.unknown_event": '"{eventType}" är ingen händelsetyp som löften kan lyssna på',
    "promise.unknown_event_suggest":
      '"{eventType}" är ingen händelsetyp som löften kan lyssna på; menade du "{suggestion}"?',
    "promise.invalid_event_list": "förväntade en händelsetyp eller en lista med händelsetyper",
    "promise.duplicate_id": 'löftets id "{id}" används två gånger',
    "promise.amount_required": "en gottgörelse av typen {kind} behöver ett belopp",
    "promise.reach_mismatch": 'räckvidden "{reach}" passar inte händelsen "{eventType}"',
    "promise.guard_required":
      "ett varningslöfte lyssnar på guard.check och anger vilken kontroll det slår på",
    "promise.invalid": "ogiltigt värde",
    "promise.more_issues":
      "… och {count} till visas inte ({total} problem totalt): rätta dessa först och validera sedan igen",
  },
};
