/**
 * The one catalogue of finding codes, as eemeli/yaml's `src/errors.ts`: every `yaml/`, `schema/`,
 * `config/`, `risk/` and completeness-rule code with what it requires, its default severity, the
 * tiers it applies to and how to fix it, in English and Chinese. `Code` is a closed union: a code
 * that is not written here does not compile. The loader, the schema layer, the rules (which take
 * their description, tiers and severity from here), SARIF, the README tables (held by a test) and
 * `kam explain` all read this file. It sits at the bottom of the layers and imports nothing.
 */

export type CodeTier = 'key' | 'ordinary' | 'prospect';
export type CodeSeverity = 'error' | 'warn';
export type CodeLang = 'en' | 'zh';
export type Text = Readonly<Record<CodeLang, string>>;

export interface CodeInfo {
  /** the requirement, one line (README table, SARIF `shortDescription`, a rule's description) */
  description: Text;
  /** the default severity of its findings; null for risk reasons, which add points, not findings */
  severity: CodeSeverity | null;
  /** the tiers a completeness rule applies to; null for codes that apply to every file */
  tiers: readonly CodeTier[] | null;
  /** what to change in the file */
  fix: Text;
}

const ALL: readonly CodeTier[] = ['key', 'ordinary', 'prospect'];
const text = (en: string, zh: string): Text => ({ en, zh });
const fileCheck = (description: Text, fix: Text): CodeInfo => ({ description, severity: 'error', tiers: null, fix });
/** A completeness rule's entry: it always has a severity and tiers. */
export interface RuleInfo extends CodeInfo {
  severity: CodeSeverity;
  tiers: readonly CodeTier[];
}

const rule = (severity: CodeSeverity, tiers: readonly CodeTier[], description: Text, fix: Text): RuleInfo => ({ description, severity, tiers, fix });
const risk = (description: Text, fix: Text): CodeInfo => ({ description, severity: null, tiers: null, fix });

/**
 * The error codes of eemeli's YAML parser (its `ErrorCode` union); each becomes `yaml/<kebab-case>`.
 * `load/parse.ts` holds the parser to this list at compile time.
 */
export const parserErrors = [
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_DIRECTIVE',
  'BAD_DQ_ESCAPE',
  'BAD_INDENT',
  'BAD_PROP_ORDER',
  'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'IMPOSSIBLE',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'NON_STRING_KEY',
  'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED',
  'UNEXPECTED_TOKEN',
  'BAD_COLLECTION_TYPE',
] as const;
export type ParserError = (typeof parserErrors)[number];

type Kebab<S extends string> = S extends `${infer A}_${infer B}` ? `${Lowercase<A>}-${Kebab<B>}` : Lowercase<S>;
type ParserCode = `yaml/${Kebab<ParserError>}`;

/** A parser code's requirement: the SARIF description kam has always given it. */
const parser = (code: ParserCode, zh: string, fixEn: string, fixZh: string): CodeInfo =>
  fileCheck(text(`The file is well-formed YAML (${code.slice(5).replace(/-/g, ' ')})`, `文件是格式正确的 YAML（${zh}）`), text(fixEn, fixZh));

const parserCodes = {
  'yaml/alias-props': parser('yaml/alias-props', '别名不能带锚点或标签', 'An alias (`*name`) cannot carry an anchor or a tag: remove them or copy the value.', '别名（`*name`）不能带锚点或标签：删掉它们，或直接写出值。'),
  'yaml/bad-alias': parser('yaml/bad-alias', '别名无效', 'The alias names no anchor defined before it: define `&name` first, or write the value out.', '别名指向的锚点在此之前没有定义：先定义 `&name`，或直接写出值。'),
  'yaml/bad-directive': parser('yaml/bad-directive', '指令无效', 'Remove the `%` directive line; plan files need none.', '删除以 `%` 开头的指令行；计划文件不需要指令。'),
  'yaml/bad-dq-escape': parser('yaml/bad-dq-escape', '双引号字符串中的转义无效', 'Fix the backslash escape inside the double-quoted text (write `\\\\` for a backslash), or use single quotes.', '修正双引号字符串中的反斜杠转义（反斜杠本身写作 `\\\\`），或改用单引号。'),
  'yaml/bad-indent': parser('yaml/bad-indent', '缩进错误', 'Indent the line like its siblings: entries of one mapping or list start in the same column, with spaces.', '让这一行与同级条目对齐：同一映射或列表的条目用空格缩进到同一列。'),
  'yaml/bad-prop-order': parser('yaml/bad-prop-order', '锚点和标签的顺序错误', 'Write the anchor and the tag before the value, not after it.', '把锚点和标签写在值之前，而不是之后。'),
  'yaml/bad-scalar-start': parser('yaml/bad-scalar-start', '值的开头字符无效', 'The value starts with a character YAML reserves (such as `@`, `` ` `` or `%`): put the value in quotes.', '值以 YAML 保留的字符开头（如 `@`、`` ` ``、`%`）：给值加上引号。'),
  'yaml/block-as-implicit-key': parser('yaml/block-as-implicit-key', '块结构不能作为键', 'A key must be plain text on one line: end the key with `: ` and put the block below it.', '键必须是一行普通文本：在键后写 `: `，把块内容放在下面。'),
  'yaml/block-in-flow': parser('yaml/block-in-flow', '流式结构中不能出现块结构', 'Inside `[...]` or `{...}` write values on one line, or turn the brackets into indented block lines.', '在 `[...]` 或 `{...}` 中把值写在一行内，或改写成缩进的块结构。'),
  'yaml/duplicate-key': parser('yaml/duplicate-key', '重复的键', 'The same key appears twice in one mapping: keep one of them (merge their contents).', '同一映射中同一个键出现了两次：只保留一个（合并其内容）。'),
  'yaml/impossible': parser('yaml/impossible', '解析器内部错误', 'The parser reached a state it should not: simplify the lines around the position and report it if it persists.', '解析器进入了不应出现的状态：简化该位置附近的内容；若仍出现请报告问题。'),
  'yaml/key-over-1024-chars': parser('yaml/key-over-1024-chars', '键超过 1024 个字符', 'Shorten the key to at most 1024 characters; long text belongs in the value.', '把键缩短到 1024 个字符以内；长文本应放在值里。'),
  'yaml/missing-char': parser('yaml/missing-char', '缺少字符', 'A closing character is missing (a quote, `]`, `}` or `:`): add it where the construct ends.', '缺少结束字符（引号、`]`、`}` 或 `:`）：在结构结束处补上。'),
  'yaml/multiline-implicit-key': parser('yaml/multiline-implicit-key', '键跨越了多行', 'A key must fit on one line: join it, or check for a missing `:` on the line before.', '键必须写在一行内：合并成一行，或检查上一行是否缺少 `:`。'),
  'yaml/multiple-anchors': parser('yaml/multiple-anchors', '一个节点有多个锚点', 'Give the node one anchor (`&name`) only.', '一个节点只能有一个锚点（`&name`）。'),
  'yaml/multiple-docs': parser('yaml/multiple-docs', '一个文件中有多个文档', 'A plan file holds one YAML document: remove the second `---` or move what follows it into its own file.', '一个计划文件只包含一个 YAML 文档：删除第二个 `---`，或把其后的内容移到单独的文件。'),
  'yaml/multiple-tags': parser('yaml/multiple-tags', '一个节点有多个标签', 'Give the node one tag only; plan files need no tags.', '一个节点只能有一个标签；计划文件不需要标签。'),
  'yaml/non-string-key': parser('yaml/non-string-key', '键不是文本', 'Keys are plain text: do not use a list or mapping as a key.', '键必须是普通文本：不要用列表或映射作键。'),
  'yaml/resource-exhaustion': parser('yaml/resource-exhaustion', '资源耗尽', 'The document expands beyond what the parser allows: remove the aliases or split the content.', '文档展开后超出解析器的限制：删除别名或拆分内容。'),
  'yaml/tab-as-indent': parser('yaml/tab-as-indent', '用制表符缩进', 'YAML does not allow tabs as indentation: indent with spaces (set your editor to insert spaces).', 'YAML 不允许用制表符缩进：改用空格（把编辑器设为插入空格）。'),
  'yaml/tag-resolve-failed': parser('yaml/tag-resolve-failed', '无法解析标签', 'Remove the `!tag`; plan files use plain values.', '删除 `!标签`；计划文件只用普通值。'),
  'yaml/unexpected-token': parser('yaml/unexpected-token', '意外的符号', 'Something stands where YAML expects no more: check for a missing `:`, a stray character or unbalanced quotes.', '此处出现了 YAML 不期望的内容：检查是否缺少 `:`、多了字符或引号不成对。'),
  'yaml/bad-collection-type': parser('yaml/bad-collection-type', '集合类型错误', 'The tag does not fit the collection (a mapping tag on a list, or the reverse): remove the tag.', '标签与集合类型不符（列表上用了映射标签或相反）：删除该标签。'),
} satisfies Record<ParserCode, CodeInfo>;

export const codes = {
  ...parserCodes,
  'yaml/invalid': fileCheck(text('The file is well-formed YAML', '文件是格式正确的 YAML'), text('Fix the YAML syntax at the position given; `kam validate FILE` shows the problem alone.', '修正所示位置的 YAML 语法；`kam validate 文件` 可单独查看该问题。')),
  'yaml/too-large': fileCheck(text('The file is at most 1 MiB', '文件不超过 1 MiB'), text('Split the content or remove what does not belong in a plan (pasted data, embedded files); the limit is 1 MiB.', '拆分内容，或删除不属于计划的内容（粘贴的数据、嵌入的文件）；上限为 1 MiB。')),
  'yaml/binary': fileCheck(text('The file is text, not binary', '文件是文本，不是二进制'), text('The file holds a NUL byte: it is not a text file. Replace it with the YAML text, or move it out of the workspace folders.', '文件含有 NUL 字节，不是文本文件：换成 YAML 文本，或把它移出工作区的目录。')),
  'yaml/encoding': fileCheck(text('The file is UTF-8', '文件使用 UTF-8 编码'), text('Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8); GBK or Latin-1 files are not read.', '把文件另存为 UTF-8 编码（多数编辑器中为“以编码保存”→ UTF-8）；GBK 或 Latin-1 文件无法读取。')),
  'yaml/empty': fileCheck(text('The file holds a mapping', '文件包含一个映射'), text('Write the file\'s fields as `key: value` lines (at least `id` and `name`), or delete the file.', '用 `键: 值` 的形式写入字段（至少 `id` 和 `name`），或删除该文件。')),
  'yaml/unreadable': fileCheck(text('The file can be read', '文件可以读取'), text('Check the file\'s permissions and that it is a regular file; for `kam diff`, fetch the full history (no shallow clone).', '检查文件权限以及它是否为普通文件；对 `kam diff`，请获取完整历史（不要浅克隆）。')),
  'load/outside': fileCheck(text('The file is inside the workspace (a link may point only within it, and not into .git)', '文件位于工作区内（链接只能指向工作区内，且不能指向 .git）'), text('Replace the link with the file itself, or point it at a file inside the workspace; kam reads nothing outside the workspace and nothing of git\'s own files.', '把链接换成文件本身，或让它指向工作区内的文件；kam 不读取工作区之外的内容，也不读取 git 自身的文件。')),
  'load/not-a-file': fileCheck(text('The file is a regular file (not a folder, FIFO, socket or device)', '文件是普通文件（不是文件夹、FIFO、套接字或设备）'), text('Replace it with a regular YAML file, or move it out of the workspace folders; kam never opens FIFOs, sockets or devices.', '换成普通的 YAML 文件，或把它移出工作区的目录；kam 不会打开 FIFO、套接字或设备。')),
  'yaml/alias-bomb': fileCheck(text('YAML aliases do not expand beyond a safe size', 'YAML 别名展开不超过安全大小'), text('Write the values out instead of repeating them through aliases (`*name`); more than 100 alias expansions are refused.', '直接写出值，不要通过别名（`*name`）反复引用；超过 100 次别名展开会被拒绝。')),

  'schema/type': fileCheck(text('Every value has the type the format reference gives it (text, number, list, mapping)', '每个值的类型符合格式说明（文本、数字、列表、映射）'), text('Change the value to the type the message names: quote text, drop quotes around numbers, use `- item` lines for lists.', '把值改成消息所说的类型：文本加引号，数字去掉引号，列表用 `- 条目` 行。')),
  'schema/required': fileCheck(text('Required fields are present', '必填字段齐全'), text('Add the field the message names (every file needs `id` and `name`).', '补上消息所说的字段（每个文件都需要 `id` 和 `name`）。')),
  'schema/enum': fileCheck(text('Fields with a fixed set of values use one of them', '取值固定的字段使用其中之一'), text('Use one of the values the message lists; the "did you mean" names the closest.', '使用消息列出的值之一；“did you mean”给出最接近的值。')),
  'schema/range': fileCheck(text('Numbers lie in their allowed range (ratios in [0, 1], scores 0-10)', '数字在允许范围内（比例在 [0, 1]，评分 0-10）'), text('Bring the number into the range given: write a share as a ratio (0.35, not 35), a score from 0 to 10.', '把数字改到给定范围内：比例写成小数（0.35 而不是 35），评分为 0 到 10。')),
  'schema/slug': fileCheck(text('Ids are slugs: lower-case letters, digits and "-"', 'id 是 slug：小写字母、数字和 "-"'), text('Write the id with lower-case letters, digits and `-` only (`globex-cn`), and rename the file to match.', 'id 只用小写字母、数字和 `-`（如 `globex-cn`），并相应重命名文件。')),
  'schema/date': fileCheck(text('Dates are real calendar dates written YYYY-MM-DD', '日期是真实存在的日期，写作 YYYY-MM-DD'), text('Write the date as `YYYY-MM-DD` (2026-03-31) and check the day exists in that month.', '把日期写成 `YYYY-MM-DD`（如 2026-03-31），并确认该月有这一天。')),
  'schema/unknown-key': fileCheck(text('No keys beyond those of the format reference (except keys starting with x-)', '除以 x- 开头的键外，没有格式说明之外的键'), text('Fix the spelling (the "did you mean" names the closest key), or prefix your own keys with `x-` to keep them.', '修正拼写（“did you mean”给出最接近的键），或给自定义的键加上 `x-` 前缀以保留它们。')),
  'schema/id-mismatch': fileCheck(text("An account's or competitor's id equals its file name", '客户或竞争对手的 id 与文件名相同'), text('Make `id` and the file name agree: rename the file to `<id>.yaml`, or change the id.', '让 `id` 与文件名一致：把文件重命名为 `<id>.yaml`，或修改 id。')),
  'schema/invalid': fileCheck(text('The value satisfies the format reference', '值符合格式说明'), text('Change the value as the message says; `kam schema` writes the JSON Schemas your editor can check against.', '按消息修改该值；`kam schema` 会生成可供编辑器检查的 JSON Schema。')),
  'schema/duplicate-id': fileCheck(text('No two files define the same id', '没有两个文件定义相同的 id'), text('Give each account and competitor its own id (and file name), or delete the copy.', '让每个客户和竞争对手有各自的 id（和文件名），或删除重复的文件。')),

  'schema/contact-ref': fileCheck(text("A contact's `reports_to` and `influences` name contacts of the same account", '联系人的 `reports_to` 和 `influences` 指向同一客户的其他联系人'), text('Write the `name` of another contact of this account exactly as it is spelled there (the "did you mean" names the closest), or add that contact.', '按该客户中另一位联系人的 `name` 原样填写（“did you mean”给出最接近的名字），或先添加该联系人。')),
  'schema/reporting-cycle': fileCheck(text('`reports_to` lines form no cycle (nobody reports to themselves, directly or through others)', '`reports_to` 不形成环（没有人直接或间接向自己汇报）'), text('Break the cycle: the contact at the top of the chain reports to nobody, so remove its `reports_to`.', '打破这个环：链条顶端的联系人不向任何人汇报，删除其 `reports_to`。')),
  'config/fx-missing': fileCheck(text("An account's `currency` has a rate in `kam.yaml: fx`", '客户的 `currency` 在 `kam.yaml: fx` 中有汇率'), text('Add the rate into the workspace currency to `kam.yaml: fx` (`fx: { USD: 7.2 }`: 1 USD = 7.2 of the workspace currency; or one rate per year), or remove the account\'s `currency` if its amounts are in the workspace currency. Until then its money is not converted and it is left out of V and ABC.', '在 `kam.yaml: fx` 中添加折算为工作区币种的汇率（`fx: { USD: 7.2 }`：1 美元 = 7.2 工作区币种；也可按年份给出），若金额本就是工作区币种则删除该客户的 `currency`。在此之前其金额不折算，也不参与 V 和 ABC 排名。')),

  'config/unknown-rule': fileCheck(text('`kam.yaml: rules` names only rules that exist', '`kam.yaml: rules` 只列出存在的规则'), text('Fix the rule id (the "did you mean" names the closest) or remove the line; `kam explain` lists every code.', '修正规则 id（“did you mean”给出最接近的规则）或删除该行；`kam explain` 列出所有代码。')),

  'risk/criteria': risk(text('purchase criteria: who meets them, we or a competitor (weapon 3: safe / alert / alarm)', '采购标准：谁满足，我们还是竞争对手（武器 3：安全 / 警戒 / 警报）'), text('Set `self.meets_criteria` and each competitor\'s `meets_criteria`; work on the criteria we miss and a competitor meets.', '填写 `self.meets_criteria` 和每个竞争对手的 `meets_criteria`；针对我们未满足而竞争对手满足的标准采取行动。')),
  'risk/relationship': risk(text('relationship defensive or regressing', '关系处于防御或倒退状态'), text('Plan actions that move `assessment.relationship` back to stable or growing, and update it when it changes.', '制定行动使 `assessment.relationship` 回到稳定或增长，状态变化时更新该字段。')),
  'risk/lifecycle': risk(text('lifecycle stage defense, hibernation or suspension', '生命周期处于防守、休眠或暂停阶段'), text('Plan how to move the account out of that stage, and update `assessment.lifecycle` when it does.', '规划如何让客户走出该阶段，并在变化后更新 `assessment.lifecycle`。')),
  'risk/single-threaded': risk(text('at most one contact, or at most one person on our side holding the contacts', '最多一个联系人，或我方最多一人维护所有联系人'), text('Add contacts at the customer and give them different `owner`s on our side.', '在客户方增加联系人，并由我方不同的人（`owner`）分别维护。')),
  'risk/no-executive': risk(text('no executive-level contact', '没有高管级联系人'), text('Add a contact with `level: executive` and keep in touch with them.', '添加一位 `level: executive` 的联系人并保持联系。')),
  'risk/open-issues': risk(text('service issues open longer than checks.service_sla_days (+1 each, at most +3)', '服务问题未解决超过 checks.service_sla_days（每个 +1，最多 +3）'), text('Resolve the issues and set their `resolved` date.', '解决这些问题并填写 `resolved` 日期。')),
  'risk/satisfaction': risk(text('latest satisfaction below 6, or lower than the one before', '最近一次满意度低于 6，或低于上一次'), text('Find out why satisfaction fell, act on it and record the next survey in `service.satisfaction`.', '查明满意度下降的原因并改进，在 `service.satisfaction` 中记录下一次调查。')),
  'risk/revenue-drop': risk(text('latest revenue down 10 % or more on the year before', '最近一年收入比上一年下降 10% 或更多'), text('Look for the cause of the drop and plan objectives that win the revenue back.', '查找下降原因，并制定挽回收入的目标。')),
  'risk/price': risk(text('our price position above market (weapon 7)', '我方价格高于市场（武器 7）'), text('Argue the value that justifies the price, or review `self.price_position` if it is no longer true.', '阐明支撑价格的价值；若已不属实，更新 `self.price_position`。')),

  'team/account-lead': rule('error', ['key', 'ordinary'], text('`team.account_lead` set', '已填写 `team.account_lead`'), text('Name the person who leads the account in `team.account_lead`.', '在 `team.account_lead` 中写明负责该客户的人。')),
  'team/executive-sponsor': rule('error', ['key'], text('`team.executive_sponsor` set', '已填写 `team.executive_sponsor`'), text('Name the executive on our side who sponsors the account in `team.executive_sponsor`.', '在 `team.executive_sponsor` 中写明我方支持该客户的高管。')),
  'contacts/decision-maker': rule('error', ['key', 'ordinary'], text('a contact with role `decision_maker`', '有一位角色为 `decision_maker` 的联系人'), text('Add the contact who decides the purchase with `role: decision_maker`.', '添加做采购决定的联系人，并设 `role: decision_maker`。')),
  'contacts/executive': rule('warn', ['key'], text('a contact at level `executive`', '有一位级别为 `executive` 的联系人'), text('Add a contact at the customer with `level: executive`.', '添加一位客户方 `level: executive` 的联系人。')),
  'contacts/multi-threaded': rule('warn', ['key'], text('three or more contacts, at two or more levels, held by two or more people on our side', '三位或更多联系人，分属两个或更多级别，由我方两人或更多人维护'), text('Add contacts at other levels and give them different `owner`s on our side.', '添加其他级别的联系人，并由我方不同的人（`owner`）维护。')),
  'contacts/stale': rule('warn', ['key'], text('every decision maker and every executive-level contact has a `last_contact` within `checks.contact_stale_days` of today', '每位决策者和高管级联系人的 `last_contact` 都在今天之前的 `checks.contact_stale_days` 天内'), text('Meet the contacts named and update their `last_contact` date.', '与所列联系人见面，并更新其 `last_contact` 日期。')),
  'customer/swot': rule('error', ['key'], text('all four SWOT lists non-empty', 'SWOT 的四个列表都不为空'), text('Fill in `customer.swot`: strengths, weaknesses, opportunities and threats, one item at least each.', '填写 `customer.swot` 的优势、劣势、机会和威胁，每项至少一条。')),
  'customer/buying-process': rule('warn', ['key'], text('`customer.structure.buying_process` and `selection_criteria` set', '已填写 `customer.structure.buying_process` 和 `selection_criteria`'), text('Describe how the customer buys and what it selects on under `customer.structure`.', '在 `customer.structure` 下写明客户的采购流程和选择标准。')),
  'competitors/analysed': rule('error', ['key'], text("at least one competitor with strengths and weaknesses (the entry's own lists, or where they are empty those of the profile it refers to)", '至少一个竞争对手写明了优势和劣势（条目自身的列表，为空时取其引用的档案中的列表）'), text('List a competitor under `competitors` with `strengths` and `weaknesses`, or fill them in its profile in `competitors/`.', '在 `competitors` 下列出竞争对手并写明 `strengths` 和 `weaknesses`，或在 `competitors/` 中的档案里填写。')),
  'self/analysis': rule('error', ['key'], text('`self.strengths`, `self.weaknesses`, `assessment.lifecycle` set', '已填写 `self.strengths`、`self.weaknesses`、`assessment.lifecycle`'), text('Write our strengths and weaknesses at this account under `self`, and its lifecycle stage in `assessment.lifecycle`.', '在 `self` 下写明我方在该客户的优势和劣势，在 `assessment.lifecycle` 中写明生命周期阶段。')),
  'plan/summary': rule('error', ['key', 'ordinary'], text('`plan.summary` set', '已填写 `plan.summary`'), text('Write the plan in a few sentences in `plan.summary`.', '在 `plan.summary` 中用几句话概括计划。')),
  'plan/objectives': rule('error', ['key'], text('an objective with `target` and `due`', '有一个带 `target` 和 `due` 的目标'), text('Add an objective under `plan.objectives` with a measurable `target` and a `due` date.', '在 `plan.objectives` 下添加一个有可衡量 `target` 和 `due` 日期的目标。')),
  'plan/actions': rule('error', ['key', 'ordinary'], text('an open action; every action has `owner` and `due`', '有未完成的行动；每个行动都有 `owner` 和 `due`'), text('Add an open action under `plan.actions`, and give every action an `owner` and a `due` date.', '在 `plan.actions` 下添加未完成的行动，并为每个行动指定 `owner` 和 `due` 日期。')),
  'plan/overdue': rule('warn', ALL, text('no open action (`planned`, `in_progress`, `blocked`) due before today', '没有在今天之前到期的未完成行动（`planned`、`in_progress`、`blocked`）'), text('Finish the action and set its `status: done`, or agree a new `due` date.', '完成该行动并设 `status: done`，或商定新的 `due` 日期。')),
  'plan/revenue': rule('warn', ['key'], text('a `revenue_plan` entry for the current year', '有当年的 `revenue_plan` 条目'), text('Add this year to `financials.revenue_plan`.', '在 `financials.revenue_plan` 中添加今年的条目。')),
  'plan/stale': rule('warn', ['key', 'ordinary'], text('`reviewed` within `checks.stale_after_days` (for the tier) of today', '`reviewed` 在今天之前的 `checks.stale_after_days`（按层级）天内'), text('Review the plan with the team and set `reviewed` to the date of the review.', '与团队一起审阅计划，并把 `reviewed` 设为审阅日期。')),
  'intel/depth': rule('warn', ['key'], text('an intel item of level 3 or 4', '有一条 3 级或 4 级的情报'), text('Record intelligence beyond public sources (level 3 or 4) under `intel`.', '在 `intel` 下记录公开来源之外的情报（3 级或 4 级）。')),
  'service/open-issues': rule('warn', ALL, text('no service issue open longer than `checks.service_sla_days`', '没有未解决超过 `checks.service_sla_days` 的服务问题'), text('Resolve the issue and set its `resolved` date.', '解决该问题并填写 `resolved` 日期。')),
  'refs/competitor': rule('error', ALL, text('every `competitors[].ref` names a file in `competitors/`', '每个 `competitors[].ref` 都对应 `competitors/` 中的一个文件'), text('Fix the `ref` to an existing profile id, or create `competitors/<ref>.yaml` (`kam new competitor`).', '把 `ref` 改成已有档案的 id，或创建 `competitors/<ref>.yaml`（`kam new competitor`）。')),
  'tier/drift': rule('warn', ALL, text('`declared_tier`, when given, equals the computed tier', '填写了 `declared_tier` 时，它与计算出的层级相同'), text('Set `assessment.declared_tier` to the tier `kam score` computes, or remove it; or revisit the scores that decide the tier.', '把 `assessment.declared_tier` 改为 `kam score` 计算出的层级或删除它；或重新审视决定层级的评分。')),
  'assessment/missing': rule('warn', ALL, text('an `assessment` that gives A and R their inputs (attractiveness, potential, relationship, relationship level)', '`assessment` 给出 A 和 R 的输入（吸引力、潜力、关系状态、关系层次）'), text('Assess the account: set `assessment.attractiveness`, `potential.volume` and `potential.margin`, `relationship` and `relationship_level`. Until then A and R are unknown and the account is not on the matrix.', '评估该客户：填写 `assessment.attractiveness`、`potential.volume` 和 `potential.margin`、`relationship` 以及 `relationship_level`。在此之前 A 和 R 未知，客户也不在矩阵中。')),
} as const satisfies Record<string, CodeInfo>;

/** Every finding code kam knows. */
export type Code = keyof typeof codes;
export const codeList = Object.keys(codes) as Code[];

type Prefixed<P extends string> = Extract<Code, `${P}/${string}`>;
export type YamlCode = Prefixed<'yaml'>;
export type SchemaCode = Prefixed<'schema'>;
export type ConfigCode = Prefixed<'config'>;
export type RiskCode = Prefixed<'risk'>;
/** What kam refuses to read at all (a link out of the workspace, a FIFO): listed with the file checks. */
export type LoadCode = Prefixed<'load'>;
/** The completeness rules' ids; `src/rules/index.ts` holds one rule for each. */
export type RuleCode = Exclude<Code, YamlCode | SchemaCode | ConfigCode | RiskCode | LoadCode>;

/** The groups `kam explain` lists, in order. */
export const codeGroups = ['yaml', 'schema', 'config', 'risk', 'rules'] as const;
export type CodeGroup = (typeof codeGroups)[number];
export const groupOf = (code: Code): CodeGroup => {
  const prefix = code.slice(0, code.indexOf('/'));
  // the files kam refuses to read are file checks, listed with the YAML ones
  if (prefix === 'load') return 'yaml';
  return (codeGroups as readonly string[]).includes(prefix) ? (prefix as CodeGroup) : 'rules';
};

export const isCode = (word: string): word is Code => Object.hasOwn(codes, word);

/** The `yaml/` code of a parser error (`DUPLICATE_KEY` → `yaml/duplicate-key`). */
export const parserCode = (error: ParserError): ParserCode => `yaml/${error.toLowerCase().replace(/_/g, '-')}` as ParserCode;

/** The loader's own `yaml/` codes, by name (the parser's come from `parserCode`). */
export const fileCodes = {
  invalid: 'yaml/invalid',
  tooLarge: 'yaml/too-large',
  binary: 'yaml/binary',
  encoding: 'yaml/encoding',
  empty: 'yaml/empty',
  unreadable: 'yaml/unreadable',
  aliasBomb: 'yaml/alias-bomb',
  outside: 'load/outside',
  notAFile: 'load/not-a-file',
} as const satisfies Record<string, YamlCode | LoadCode>;

/** The codes of schema findings, by name; zod issues map to these in `schema/issues.ts`. */
export const schemaCodes = {
  type: 'schema/type',
  required: 'schema/required',
  enum: 'schema/enum',
  range: 'schema/range',
  slug: 'schema/slug',
  date: 'schema/date',
  unknownKey: 'schema/unknown-key',
  idMismatch: 'schema/id-mismatch',
  invalid: 'schema/invalid',
  duplicateId: 'schema/duplicate-id',
  contactRef: 'schema/contact-ref',
  reportingCycle: 'schema/reporting-cycle',
} as const satisfies Record<string, SchemaCode>;

/** The codes of `kam.yaml` setting findings, by name. */
export const configCodes = {
  unknownRule: 'config/unknown-rule',
  fxMissing: 'config/fx-missing',
} as const satisfies Record<string, ConfigCode>;
