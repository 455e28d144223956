/**
 * The one catalogue of user-facing diagnostics. Codes are stable and never reused: retire an entry by
 * marking it `retired`, never by deleting it or giving its code to something else.
 * Message templates use `{name}` placeholders filled from the diagnostic's arguments.
 */
export type Severity = 'fatal' | 'error' | 'warning' | 'info';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface CatalogueEntry {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Text;
  /** What to do about it, shown after the message. Every entry has one. */
  readonly hint: Text;
  /** The paragraph `matterc explain` prints. */
  readonly summary: Text;
}

/** Keeps both texts' literal types, so that `{name}` placeholders can type the arguments each entry takes. */
const t = <const Z extends string, const E extends string>(
  zh: Z,
  en: E,
): { readonly zh: Z; readonly en: E } => ({
  zh,
  en,
});

export const D = {
  // ── 1xxx: reading and parsing files ──────────────────────────────────────────────────────────
  fileUnreadable: {
    code: 'MC1001',
    severity: 'error',
    message: t('无法读取文件：{reason}', 'Cannot read the file: {reason}'),
    hint: t('检查文件是否存在、是否有读取权限。', 'Check that the file exists and is readable.'),
    summary: t(
      '文件在检查过程中无法读取（权限不足、被删除或是特殊文件）。该文件中的文档不参与检查。',
      'The file could not be read while checking (permissions, deleted meanwhile, or a special file). Its documents are not checked.',
    ),
  },
  fileTooLarge: {
    code: 'MC1002',
    severity: 'error',
    message: t(
      '文件过大（{size}），超过上限 {limit}',
      'The file is too large ({size}); the limit is {limit}',
    ),
    hint: t(
      '把文件拆分为多个较小的文件（每个事项一个文件最好），或用 --max-file-size 调整上限。',
      'Split it into smaller files (one matter per file is best), or raise the limit with --max-file-size.',
    ),
    summary: t(
      '为防止误把导出数据或日志当作清单读入，超过上限的文件不解析。',
      'Files above the size limit are not parsed, so that data dumps or logs cannot stall a check.',
    ),
  },
  binaryFile: {
    code: 'MC1003',
    severity: 'error',
    message: t(
      '这是二进制文件，不是 YAML 文本（含有 NUL 字节）',
      'This is a binary file, not YAML text (it contains NUL bytes)',
    ),
    hint: t(
      '确认文件扩展名与内容一致，不要把压缩包或图片命名为 .yaml。',
      'Make sure the file really is YAML text.',
    ),
    summary: t(
      '文件含有 NUL 字节，不可能是 YAML 文本。',
      'The file contains NUL bytes, so it cannot be YAML text.',
    ),
  },
  gbkEncoding: {
    code: 'MC1004',
    severity: 'error',
    message: t(
      '文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码；按 GBK 解码的第一行是：“{line}”',
      'The file is not UTF-8; it looks like GBK/GB18030. Its first line decoded as GBK reads: "{line}"',
    ),
    hint: t(
      '用编辑器以 UTF-8 编码重新保存（如 VS Code 右下角“通过编码保存”→ UTF-8）。',
      'Re-save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8).',
    ),
    summary: t(
      'matterc 只接受 UTF-8 编码的文件。Windows 上的一些编辑器默认用 GBK 保存中文，这样的文件会被识别并提示转换。',
      'matterc reads UTF-8 only. Some Windows editors save Chinese text as GBK by default; such files are recognised and you are told how to convert them.',
    ),
  },
  invalidUtf8: {
    code: 'MC1005',
    severity: 'error',
    message: t('文件不是有效的 UTF-8 编码（从此处开始）', 'The file is not valid UTF-8 (from here on)'),
    hint: t('用编辑器以 UTF-8 编码重新保存。', 'Re-save the file as UTF-8.'),
    summary: t(
      '文件含有不合法的 UTF-8 字节序列。',
      'The file contains byte sequences that are not valid UTF-8.',
    ),
  },
  emptyFile: {
    code: 'MC1006',
    severity: 'error',
    message: t('文件中没有任何文档', 'The file holds no document'),
    hint: t(
      '写入至少一个带 kind 的文档，或删除此文件。',
      'Add at least one document with a kind, or delete the file.',
    ),
    summary: t(
      '空文件（或只有注释的文件）通常是误操作的结果，例如保存失败或复制不完整。',
      'An empty file (or one holding only comments) is usually a mistake such as a failed save or an incomplete copy.',
    ),
  },
  yamlSyntax: {
    code: 'MC1007',
    severity: 'error',
    message: t('YAML 语法错误：{detail}', 'YAML syntax error: {detail}'),
    hint: t(
      '在所示位置检查缩进（只用空格，同级对齐）、冒号后的空格和引号是否成对；含冒号或 # 的文本要加引号。',
      'At the position shown, check the indentation (spaces only, siblings aligned), the space after each colon and that every quote is closed; quote text that contains a colon or #.',
    ),
    summary: t(
      '文件不符合 YAML 1.2 语法。常见原因：缩进不一致、冒号后缺少空格、引号未闭合。',
      'The file is not valid YAML 1.2. Common causes: inconsistent indentation, no space after a colon, an unclosed quote.',
    ),
  },
  duplicateKey: {
    code: 'MC1008',
    severity: 'error',
    message: t('键“{key}”在同一映射中重复出现', 'The key "{key}" appears twice in the same mapping'),
    hint: t('删除或合并其中一个。', 'Remove or merge one of them.'),
    summary: t(
      '同一映射中的键必须唯一；重复时无法确定以哪个为准，数据可能丢失。',
      'Keys in a mapping must be unique; with duplicates it is unclear which one holds, and data would be lost.',
    ),
  },
  tabIndent: {
    code: 'MC1009',
    severity: 'error',
    message: t('不能用制表符（Tab）缩进', 'Tabs cannot be used for indentation'),
    hint: t('改用空格缩进（建议每级 2 个空格）。', 'Indent with spaces (two per level is customary).'),
    summary: t('YAML 只允许用空格缩进。', 'YAML allows only spaces for indentation.'),
  },
  aliasNotAllowed: {
    code: 'MC1010',
    severity: 'error',
    message: t('不支持 YAML 锚点（&）和别名（*）', 'YAML anchors (&) and aliases (*) are not supported'),
    hint: t(
      '把内容直接写出来；需要复用的材料、字段请放进材料目录或数据元字典，再按标识引用。',
      'Write the content out; put shared materials or fields in the registries and refer to them by id.',
    ),
    summary: t(
      '锚点和别名让同一内容出现在多处，审阅清单时难以看清，还可能被用来制造“别名炸弹”。清单之间的复用请用标识引用。',
      'Anchors and aliases hide where content comes from and can be abused as alias bombs. Reuse content through ids instead.',
    ),
  },
  nestingTooDeep: {
    code: 'MC1011',
    severity: 'error',
    message: t('嵌套层次过深（超过 {limit} 层）', 'Nesting is too deep (more than {limit} levels)'),
    hint: t(
      '把文档改回正常的结构（事项一般不超过十层嵌套）；导出数据或程序生成的文件不要放在清单目录中。',
      'Restore the usual structure (matters rarely nest beyond ten levels); keep data dumps and generated files out of the list folders.',
    ),
    summary: t(
      '清单文档的嵌套不会超过十来层。更深的嵌套几乎都是错误或恶意输入，不再继续解析。',
      'Matter documents never nest more than about ten levels. Deeper nesting is a mistake or hostile input and is not parsed further.',
    ),
  },
  forbiddenKey: {
    code: 'MC1012',
    severity: 'error',
    message: t('禁止使用键“{key}”', 'The key "{key}" is not allowed'),
    hint: t('删除这个键。', 'Remove this key.'),
    summary: t(
      '__proto__、constructor、prototype 在 JavaScript 中有特殊含义，可能被用来篡改程序行为，一律拒绝。',
      '__proto__, constructor and prototype have special meaning in JavaScript and could be used to tamper with the program, so they are always rejected.',
    ),
  },
  topLevelNotMap: {
    code: 'MC1013',
    severity: 'error',
    message: t(
      '文档的顶层必须是键值映射，这里是{found}',
      'The top level of a document must be a mapping, not {found}',
    ),
    hint: t(
      '以 kind: Matter 这样的键值对开始文档。',
      'Start the document with key-value pairs such as kind: Matter.',
    ),
    summary: t(
      '每个文档是一个映射（键: 值），第一项通常是 kind。顶层为列表或单个值的文档无法识别。',
      'Each document is a mapping (key: value), usually starting with kind. A document whose top level is a list or a single value cannot be read.',
    ),
  },
  complexKey: {
    code: 'MC1014',
    severity: 'error',
    message: t('键必须是简单的文本', 'Keys must be plain text'),
    hint: t('把键写成一个单词，例如 name。', 'Write the key as a single word such as name.'),
    summary: t('映射的键不能是列表、映射或空值。', 'A mapping key cannot be a list, a mapping or null.'),
  },
  byteOrderMark: {
    code: 'MC1015',
    severity: 'info',
    message: t('文件以 UTF-8 BOM 开头', 'The file starts with a UTF-8 byte order mark'),
    hint: t(
      '可以去掉 BOM（以“UTF-8”而非“UTF-8 with BOM”保存）。',
      'You may drop the BOM (save as "UTF-8", not "UTF-8 with BOM").',
    ),
    summary: t(
      'BOM 不影响检查（行列号已扣除），但有些工具会把它当作内容。',
      'The BOM does not affect checking (positions account for it), but some tools treat it as content.',
    ),
  },
  missingKind: {
    code: 'MC1016',
    severity: 'error',
    message: t('文档缺少 kind', 'The document has no kind'),
    hint: t(
      '加上 kind，取值为 Matter、Bundle、List、Department、Law、Material 或 Field。',
      'Add a kind: Matter, Bundle, List, Department, Law, Material or Field.',
    ),
    summary: t(
      'kind 决定文档按哪种模式检查。',
      'The kind decides which schema a document is checked against.',
    ),
  },
  unknownKind: {
    code: 'MC1017',
    severity: 'error',
    message: t('未知的文档类型“{kind}”', 'Unknown document kind "{kind}"'),
    hint: t(
      '把 kind 改为 Matter、Bundle、List、Department、Law、Material 或 Field 之一（首字母大写）。',
      'Set kind to one of Matter, Bundle, List, Department, Law, Material or Field (with a capital first letter).',
    ),
    summary: t(
      'kind 只能是 Matter（事项）、Bundle（一件事）、List（清单）、Department（部门）、Law（法律法规）、Material（材料目录）或 Field（数据元）。',
      'kind must be Matter, Bundle, List, Department, Law, Material or Field.',
    ),
  },
  tooManyProblems: {
    code: 'MC1019',
    severity: 'error',
    message: t(
      '此文件的问题过多，只列出前 {limit} 个',
      'Too many problems in this file; only the first {limit} are shown',
    ),
    hint: t(
      '先改正列出的问题再检查；大量同类问题往往来自同一个原因。',
      'Fix the problems shown and check again; floods usually share one cause.',
    ),
    summary: t(
      '为了让输出可读、让检查在恶意输入下也能很快结束，每个文件最多报告一定数量的解析问题。',
      'So that output stays readable and checks finish quickly even on hostile input, parse problems are capped per file.',
    ),
  },
  projectOutsideProjectFile: {
    code: 'MC1018',
    severity: 'error',
    message: t('kind: Project 只能写在 matterc.yaml 中', 'kind: Project belongs in matterc.yaml only'),
    hint: t('把项目设置移到 matterc.yaml。', 'Move the project settings to matterc.yaml.'),
    summary: t(
      '项目文件固定命名为 matterc.yaml，位于仓库根目录。',
      'The project file is always named matterc.yaml, at the repository root.',
    ),
  },

  // ── 2xxx: schema ─────────────────────────────────────────────────────────────────────────────
  unknownKey: {
    code: 'MC2001',
    severity: 'error',
    message: t('{where}中没有“{key}”这一项', '{where} has no property "{key}"'),
    hint: t(
      '检查“{key}”的拼写，或删除这一项；每种文档可用的键见 docs/language.md。',
      'Check the spelling of "{key}" or remove it; docs/language.md lists the keys each kind accepts.',
    ),
    summary: t(
      '每种文档只接受模式中定义的键，拼错的键会被发现，而不是被悄悄忽略。',
      'Each kind accepts only the keys its schema defines, so a misspelt key is caught instead of silently ignored.',
    ),
  },
  missingKey: {
    code: 'MC2002',
    severity: 'error',
    message: t(
      '{where}缺少必填项“{key}”（{title}）',
      '{where} is missing the required property "{key}" ({title})',
    ),
    hint: t('在{where}中补上“{key}”（{title}）。', 'Add "{key}" ({title}) to {where}.'),
    summary: t('模式规定的必填项没有填写。', 'A property the schema requires is missing.'),
  },
  wrongType: {
    code: 'MC2003',
    severity: 'error',
    message: t('“{title}”应为{expected}，这里是{actual}', '"{title}" must be {expected}, not {actual}'),
    hint: t(
      '把“{title}”改写为{expected}；列表的每一项另起一行，以“- ”开头。',
      'Rewrite "{title}" as {expected}; each item of a list goes on its own line starting with "- ".',
    ),
    summary: t(
      '值的类型与模式不符，例如应写列表却写了单个值。',
      'The value has the wrong type, e.g. a single value where a list is expected.',
    ),
  },
  invalidEnum: {
    code: 'MC2004',
    severity: 'error',
    message: t(
      '“{value}”不是有效的{title}；可选值：{allowed}',
      '"{value}" is not a valid {title}; allowed: {allowed}',
    ),
    hint: t(
      '从可选值中选一个，逐字照抄（包括全角括号）。',
      'Pick one of the allowed values and copy it exactly (full-width brackets included).',
    ),
    summary: t(
      '枚举项取自国家政务服务事项要素的标准取值，必须逐字一致（包括全角括号）。',
      'Enumerated values come from the national element model and must match exactly (including full-width brackets).',
    ),
  },
  invalidFormat: {
    code: 'MC2005',
    severity: 'error',
    message: t('“{value}”不符合{title}的格式', '"{value}" does not have the format of {title}'),
    hint: t('{description}', '{description}'),
    summary: t(
      '值不符合模式规定的格式，例如标识含有空格，或日期不是 YYYY-MM-DD。',
      'The value does not match the required format, e.g. an id with spaces or a date not in YYYY-MM-DD.',
    ),
  },
  outOfRange: {
    code: 'MC2006',
    severity: 'error',
    message: t(
      '{title}应{comparison} {limit}，这里是 {value}',
      '{title} must be {comparison} {limit}, not {value}',
    ),
    hint: t('把{title}改为{comparison} {limit} 的值。', 'Change {title} to a value {comparison} {limit}.'),
    summary: t('数值超出允许范围。', 'A number is outside its allowed range.'),
  },
  emptyValue: {
    code: 'MC2007',
    severity: 'error',
    message: t('“{title}”不能为空', '"{title}" cannot be empty'),
    hint: t(
      '填写“{title}”的内容；如果这一项不是必填的，也可以整项删除。',
      'Fill in "{title}"; if it is optional, you may remove the key instead.',
    ),
    summary: t('必填的文本或列表为空。', 'A text or list that must have content is empty.'),
  },
  duplicateValue: {
    code: 'MC2008',
    severity: 'error',
    message: t('“{title}”中重复列出了“{value}”', '"{title}" lists "{value}" twice'),
    hint: t('删除重复的一项。', 'Remove the duplicate.'),
    summary: t('列表中的取值不能重复。', 'Values in this list must be unique.'),
  },
  tooLong: {
    code: 'MC2009',
    severity: 'error',
    message: t(
      '“{title}”最多 {limit} 个字符，这里有 {length} 个',
      '"{title}" allows at most {limit} characters; this has {length}',
    ),
    hint: t(
      '把“{title}”缩短到 {limit} 个字符以内，详细说明写到其他字段中。',
      'Shorten "{title}" to {limit} characters or fewer and put the details in another field.',
    ),
    summary: t('文本超过允许的长度。', 'A text is longer than allowed.'),
  },
  schemaOther: {
    code: 'MC2099',
    severity: 'error',
    message: t('不符合模式：{detail}', 'Does not match the schema: {detail}'),
    hint: t(
      '对照 docs/language.md 中这一项的说明改正这里的值。',
      'Correct the value following the description of this key in docs/language.md.',
    ),
    summary: t('其他不符合模式的情况。', 'Another schema violation.'),
  },

  // ── 3xxx: linking ────────────────────────────────────────────────────────────────────────────
  duplicateId: {
    code: 'MC3001',
    severity: 'error',
    message: t('{kind}标识“{id}”已被使用', 'The {kind} id "{id}" is already used'),
    hint: t(
      '每个标识在同类文档中只能使用一次；改用新的标识。',
      'An id can be used only once per kind; choose another.',
    ),
    summary: t(
      '标识在同类文档中必须唯一，否则引用无法确定指向哪一个。两处位置都会列出。',
      'Ids must be unique per kind, otherwise a reference is ambiguous. Both places are shown.',
    ),
  },
  unresolvedRef: {
    code: 'MC3002',
    severity: 'error',
    message: t('找不到{kind}“{id}”', 'No {kind} with id "{id}"'),
    hint: t(
      '检查“{id}”的拼写；如果它定义在别的文件中，把那个文件加入检查范围（国家基线要写 national: true）。',
      'Check the spelling of "{id}"; if it is defined in another file, include that file in the check (the national baseline needs national: true).',
    ),
    summary: t(
      '引用的标识在已载入的文件中不存在。请检查拼写，或确认定义它的文件在检查范围内（国家基线需 national: true）。',
      'The referenced id is not defined in any loaded file. Check the spelling, or that the defining file is included (the national baseline needs national: true).',
    ),
  },
  duplicateItemId: {
    code: 'MC3003',
    severity: 'error',
    message: t('“{title}”中的标识“{id}”重复', 'The id "{id}" is repeated in "{title}"'),
    hint: t('同一列表中的每一项需要不同的标识。', 'Each item in the list needs its own id.'),
    summary: t(
      '材料、环节、条件等列表项的标识用于地方细化和版本比对，在同一列表中必须唯一。',
      'Ids of materials, steps, conditions and other items are used for refinement and diffs and must be unique within their list.',
    ),
  },
  extendsCycle: {
    code: 'MC3004',
    severity: 'error',
    message: t('清单之间的覆盖关系成环：{cycle}', 'Lists extend each other in a cycle: {cycle}'),
    hint: t(
      '地方清单覆盖上级清单，上级清单不能反过来覆盖地方清单。',
      'A local list extends its parents; a parent cannot extend it back.',
    ),
    summary: t('extends 必须自下而上，不能形成循环。', 'extends must point upwards and cannot form a cycle.'),
  },
  refWrongKind: {
    code: 'MC3005',
    severity: 'error',
    message: t('“{id}”是{actual}，这里应引用{kind}', '"{id}" is a {actual}; a {kind} is expected here'),
    hint: t(
      '改为引用一个{kind}的标识：事项只能细化事项，一件事只能细化一件事，一件事的组成是事项，清单的条目是一件事。',
      'Refer to a {kind} instead: a matter refines a matter, a bundle refines a bundle, bundles are made of matters and lists of bundles.',
    ),
    summary: t(
      '引用的标识存在，但属于另一类文档。每种引用只能指向一类文档（见 docs/language.md 的“标识与引用”）。',
      'The id exists but names a document of another kind. Each reference points to one kind (see "Ids and references" in docs/language.md).',
    ),
  },
  refinesCycle: {
    code: 'MC3006',
    severity: 'error',
    message: t('细化关系成环：{cycle}', 'Documents refine each other in a cycle: {cycle}'),
    hint: t(
      'refines 只能指向上级（国家 ← 省 ← 市、县）的事项或一件事；去掉环中不该有的那一处 refines。',
      'refines points to the parent layer’s matter or bundle (national ← provincial ← local); remove the refines that points back.',
    ),
    summary: t(
      '细化必须自下而上，不能形成循环；环中的每一处 refines 都会列出。成环的文档不参与细化检查。',
      'Refinement must point upwards and cannot form a cycle; every refines in the cycle is shown. Documents in the cycle are not checked for refinement.',
    ),
  },

  // ── 4xxx: checks from practice ───────────────────────────────────────────────────────────────
  instantNotInstantCase: {
    code: 'MC4001',
    severity: 'error',
    message: t(
      '承诺办结时限为“{limit}”，应为即办件、即审即办，这里是{caseType}',
      'The promised limit is "{limit}", so it must be 即办件 reviewed 即审即办, not {caseType}',
    ),
    hint: t(
      '改为 caseType: 即办件（审查类型为即审即办），或改承诺时限。',
      'Set caseType: 即办件 (review type 即审即办), or change the promised limit.',
    ),
    summary: t(
      '承诺当场办结的事项是即办件、即审即办；否则是承诺件、前审后批（温州事项数据质检规则）。',
      'A matter promised on the spot is 即办件 with 即审即办 review; otherwise it is 承诺件 with 前审后批 (Wenzhou data-quality rule).',
    ),
  },
  instantCaseNotInstant: {
    code: 'MC4002',
    severity: 'error',
    message: t(
      '{caseType}与承诺办结时限“{limit}”不符',
      '{caseType} does not agree with the promised limit "{limit}"',
    ),
    hint: t(
      '即办件的承诺时限写“即办”或“当场办结”；有办理天数的为承诺件、前审后批。',
      'An 即办件 promises 即办 or 当场办结; one with days is a 承诺件 reviewed 前审后批.',
    ),
    summary: t(
      '即办件的承诺时限必须是即办/当场办结，审查类型为即审即办；承诺件不能当场办结，审查类型为前审后批。',
      'An 即办件 must promise 即办 and be reviewed 即审即办; a 承诺件 cannot be instant and is reviewed 前审后批.',
    ),
  },
  fullyOnlineVisits: {
    code: 'MC4003',
    severity: 'error',
    message: t(
      '全程网办（Ⅳ级）的事项到办事现场次数应为 0，这里是 {visits}',
      'A fully online (level IV) matter needs 0 on-site visits, not {visits}',
    ),
    hint: t('改为 visits: 0，或取消 fullyOnline。', 'Set visits: 0, or drop fullyOnline.'),
    summary: t('全程网办意味着申请人无需到现场。', 'Fully online means the applicant never has to come in.'),
  },
  visitReasonMissing: {
    code: 'MC4004',
    severity: 'error',
    message: t(
      '到办事现场 {visits} 次，但没有说明必须到现场的原因',
      '{visits} on-site visit(s) but no reason why the applicant must come in',
    ),
    hint: t(
      '填写 visitReason，例如“需现场核验身份并采集指纹”。',
      'Fill in visitReason, e.g. identity checks that need the person present.',
    ),
    summary: t(
      '凡要求申请人到现场的，须说明必须现场办理的原因。',
      'Every required on-site visit must be justified.',
    ),
  },
  feeBasisMissing: {
    code: 'MC4005',
    severity: 'error',
    message: t('收费事项缺少收费依据', 'A charged matter needs its fee basis'),
    hint: t('在 fee.basis 中写明收费的法律或政策依据。', 'List the legal basis in fee.basis.'),
    summary: t('收费必须有法定依据。', 'Every fee needs a legal basis.'),
  },
  feeItemsMissing: {
    code: 'MC4006',
    severity: 'error',
    message: t('收费事项缺少收费项目和标准', 'A charged matter needs its fee items and amounts'),
    hint: t('在 fee.items 中列出收费项目名称与收费标准。', 'List the fee items and amounts in fee.items.'),
    summary: t('办事指南必须公开收费项目和收费标准。', 'Guides must publish fee items and amounts.'),
  },
  freeWithOnlinePayment: {
    code: 'MC4007',
    severity: 'error',
    message: t('不收费的事项不应声明支持网上支付', 'A free matter should not claim online payment'),
    hint: t('删除 fee.onlinePayment。', 'Remove fee.onlinePayment.'),
    summary: t(
      '不收费时“是否支持网上支付”无意义，会误导申请人。',
      'Online payment makes no sense for a free matter and misleads applicants.',
    ),
  },
  promisedExceedsStatutory: {
    code: 'MC4008',
    severity: 'error',
    message: t(
      '承诺办结时限“{promised}”长于法定办结时限“{statutory}”',
      'The promised limit "{promised}" is longer than the statutory limit "{statutory}"',
    ),
    hint: t(
      '承诺时限应不长于法定时限（通常是它的压缩）。',
      'The promise must not exceed the statutory limit (it is usually a compression of it).',
    ),
    summary: t(
      '承诺办结时限是对法定办结时限的压缩，不能更长。不同单位之间只有在任何日历下都更长才报错：N 个工作日至少是 N 个自然日、至多 N + 2·⌈N/5⌉ + 8 个自然日；与小时比较时 1 个工作日按 8 小时计。',
      'The promised limit compresses the statutory one and cannot be longer. Across units it is reported only when longer under every calendar: N working days last at least N and at most N + 2·⌈N/5⌉ + 8 calendar days; against hours a working day counts 8 hours.',
    ),
  },
  catchAllCondition: {
    code: 'MC4009',
    severity: 'error',
    message: t(
      '受理条件含有兜底条款“{phrase}”',
      'The acceptance condition contains the catch-all clause "{phrase}"',
    ),
    hint: t(
      '写出具体条件；确有其他法定条件的，逐条列出并注明依据。',
      'Spell the conditions out; list any other statutory condition with its basis.',
    ),
    summary: t(
      '办事指南的办理条件不得含有“法律、法规规定的其他条件”之类的兜底条款（江苏《“不见面审批”事项办事指南编写规范》）。',
      'Guides must not contain catch-all clauses such as “法律、法规规定的其他条件” (Jiangsu guide-writing norm).',
    ),
  },
  licenseStepsMissing: {
    code: 'MC4010',
    severity: 'error',
    message: t('行政许可的办理流程缺少{phases}环节', 'The licensing procedure lacks the {phases} step(s)'),
    hint: t(
      '补上这些环节，或在 stepsNote 中说明为何不设。',
      'Add the steps, or explain in stepsNote why they are absent.',
    ),
    summary: t(
      '行政许可依《中华人民共和国行政许可法》须经受理、审查、决定、送达。流程与此不同时（如当场作出决定），须在 stepsNote 中说明。',
      'Under the Administrative Licensing Law a license goes through acceptance, review, decision and delivery. Where it differs (e.g. decided on the spot), stepsNote must say why.',
    ),
  },
  basicCodeLength: {
    code: 'MC4020',
    severity: 'error',
    message: t(
      '基本编码应为 12 位，这里是 {length} 位',
      'The basic code must have 12 characters, not {length}',
    ),
    hint: t(
      '国家基本编码形如 000123018000；地方自定编码请写在 localBasicCode。',
      'A national basic code looks like 000123018000; put local codes in localBasicCode.',
    ),
    summary: t(
      '国家基本编码为 12 位：2 位来源/区域（00 为国家目录）+ 2 位事项类型 + 2 位部门代码 + 3 位主项顺序号 + 3 位子项顺序号。',
      'The national basic code has 12 characters: 2 source/region (00 = national) + 2 matter type + 2 department + 3 main item + 3 sub-item.',
    ),
  },
  basicCodeNotDigits: {
    code: 'MC4021',
    severity: 'error',
    message: t(
      '基本编码只能由数字组成，第 {position} 位是“{char}”',
      'The basic code must be all digits; character {position} is "{char}"',
    ),
    hint: t(
      '删除基本编码中的空格、字母和符号，只保留 12 位数字。',
      'Remove spaces, letters and symbols so that the basic code is 12 digits.',
    ),
    summary: t('国家基本编码的 12 位全是数字。', 'All 12 characters of a national basic code are digits.'),
  },
  basicCodeTypeMismatch: {
    code: 'MC4022',
    severity: 'error',
    message: t(
      '基本编码第 3–4 位“{segment}”表示{codeType}，与事项类型“{type}”（{expected}）不符',
      'Characters 3–4 of the basic code ("{segment}") mean {codeType}, which contradicts the matter type {type} ({expected})',
    ),
    hint: t(
      '对照国家基本目录核对基本编码第 3–4 位和事项类型（type），改正写错的那一个。',
      'Check characters 3–4 of the basic code and the matter type (type) against the national directory and correct whichever is wrong.',
    ),
    summary: t(
      '基本编码第 3–4 位是事项类型代码：01 行政许可 … 10 其他行政权力，20 公共服务。',
      'Characters 3–4 of the basic code are the matter type: 01 license … 10 other power, 20 public service.',
    ),
  },
  basicCodeRegion: {
    code: 'MC4023',
    severity: 'error',
    message: t(
      '基本编码前 2 位“{segment}”既不是国家目录（00）也不是省级行政区划代码',
      'The first two characters "{segment}" are neither 00 (national) nor a province code',
    ),
    hint: t(
      '国家基本目录的事项以 00 开头，本省增设的事项以本省行政区划代码的前 2 位开头（如 21 辽宁）；照目录改正。',
      'National directory matters start with 00, matters a province adds with its two-digit GB/T 2260 code (e.g. 21 for Liaoning); correct it from the directory.',
    ),
    summary: t(
      '基本编码前 2 位为 00（国家基本目录）或 GB/T 2260 省级代码（如 21 辽宁）。',
      'The first two characters are 00 (national directory) or a GB/T 2260 province code.',
    ),
  },
  implCodeLength: {
    code: 'MC4024',
    severity: 'error',
    message: t(
      '实施编码应为 33 位，这里是 {length} 位',
      'The implementation code must have 33 characters, not {length}',
    ),
    hint: t(
      '按“统一社会信用代码 18 位 + 行使层级 1 位 + 基本编码 12 位 + 扩展码 2 位”重新拼写实施编码。',
      'Rebuild the code as USCC (18) + level (1) + basic code (12) + extension (2).',
    ),
    summary: t(
      '国家实施编码为 33 位：实施主体统一社会信用代码（18 位）+ 行使层级（1 位）+ 基本编码（12 位）+ 扩展码（2 位）。',
      'The national implementation code has 33 characters: implementing body USCC (18) + level (1) + basic code (12) + extension (2).',
    ),
  },
  implCodeBasicMismatch: {
    code: 'MC4025',
    severity: 'error',
    message: t(
      '实施编码中的基本编码“{embedded}”与 basicCode“{basic}”不一致',
      'The basic code inside the implementation code ("{embedded}") differs from basicCode ("{basic}")',
    ),
    hint: t(
      '让实施编码第 20–31 位与 basicCode 一致，改正写错的那一个。',
      'Make characters 20–31 of the implementation code equal basicCode, correcting whichever is wrong.',
    ),
    summary: t(
      '实施编码第 20–31 位就是该事项的基本编码。',
      "Characters 20–31 of the implementation code are the matter's basic code.",
    ),
  },
  implCodeLevelMismatch: {
    code: 'MC4026',
    severity: 'error',
    message: t(
      '实施编码第 19 位“{digit}”表示{level}，不在事项的行使层级（{levels}）中',
      'Character 19 of the implementation code ("{digit}") means {level}, which is not among the levels ({levels})',
    ),
    hint: t(
      '把实施编码第 19 位改为实施主体所在层级的代码，或在行使层级（levels）中补上{level}。',
      'Change character 19 to the level code of the implementing body, or add {level} to the levels.',
    ),
    summary: t(
      '实施编码第 19 位是行使层级代码：1 国家级 … 6 分级管理。',
      'Character 19 of the implementation code is the level: 1 national … 6 graded.',
    ),
  },
  usccCheckDigit: {
    code: 'MC4027',
    severity: 'error',
    message: t(
      '统一社会信用代码“{uscc}”的校验位应为“{expected}”，这里是“{actual}”',
      'The check digit of the USCC "{uscc}" should be "{expected}", not "{actual}"',
    ),
    hint: t(
      '核对实施主体的统一社会信用代码，多半是抄错了一位。',
      "Check the implementing body's USCC; one character is probably mistyped.",
    ),
    summary: t(
      '统一社会信用代码第 18 位是按 GB 32100-2015 计算的校验位。',
      'Character 18 of the USCC is a check character computed per GB 32100-2015.',
    ),
  },
  orgCodeInsteadOfUscc: {
    code: 'MC4028',
    severity: 'error',
    message: t(
      '“{value}”是 9 位组织机构代码，不是 18 位统一社会信用代码',
      '"{value}" is a 9-character organisation code, not an 18-character USCC',
    ),
    hint: t(
      '改用实施主体的 18 位统一社会信用代码（组织机构代码是其中第 9–17 位）。',
      'Use the 18-character USCC (the organisation code is its characters 9–17).',
    ),
    summary: t(
      '2015 年起组织机构代码并入统一社会信用代码，编码中应使用后者。',
      'Since 2015 the organisation code is part of the USCC; codes must use the USCC.',
    ),
  },
  usccOneShort: {
    code: 'MC4029',
    severity: 'error',
    message: t(
      '“{value}”只有 17 位，统一社会信用代码应为 18 位',
      '"{value}" has only 17 characters; a USCC has 18',
    ),
    hint: t(
      '多半漏了一位（常见为漏掉校验位）；核对原始证照。',
      'A character is probably missing (often the check character); check the certificate.',
    ),
    summary: t('统一社会信用代码固定为 18 位。', 'A USCC always has 18 characters.'),
  },
  hyphenatedOrgCode: {
    code: 'MC4030',
    severity: 'error',
    message: t('“{value}”是带连字符的旧式组织机构代码', '"{value}" is an old hyphenated organisation code'),
    hint: t('改用 18 位统一社会信用代码。', 'Use the 18-character USCC.'),
    summary: t(
      '旧式组织机构代码写作 8 位本体 + “-” + 校验位，会使编码多出一段。',
      'Old organisation codes are written 8 characters + "-" + check, which adds a segment to codes.',
    ),
  },
  placeholderCode: {
    code: 'MC4031',
    severity: 'error',
    message: t('“{value}”是占位数字，不是真实编码', '"{value}" is a placeholder, not a real code'),
    hint: t('填入真实编码；暂时不知道的，不填。', 'Use the real code; leave it out until it is known.'),
    summary: t(
      '全部相同的数字（如 4444444444、1111111111111111）是录入时的占位值。',
      'A run of identical digits (4444444444, 1111111111111111) is a placeholder left at data entry.',
    ),
  },
  letterPrefixCode: {
    code: 'MC4032',
    severity: 'error',
    message: t(
      '“{value}”是带字母前缀的地方编码，不是国家编码',
      '"{value}" is a local code with a letter prefix, not a national code',
    ),
    hint: t(
      '地方编码写在 {localKey}，这里只填国家编码。',
      'Put local codes in {localKey}; this property takes the national code only.',
    ),
    summary: t(
      '四川等地的旧编码带字母事项类型（1A 许可、XK 等）或 A-/E-/G- 前缀，应放在地方编码字段。',
      'Older local schemes (e.g. Sichuan 1A, Guizhou XK, A-/E-/G- prefixes) go in the local code properties.',
    ),
  },
  usccInvalidChar: {
    code: 'MC4033',
    severity: 'error',
    message: t(
      '统一社会信用代码“{uscc}”第 {position} 位“{char}”不是合法字符',
      'Character {position} ("{char}") of the USCC "{uscc}" is not allowed',
    ),
    hint: t(
      '从营业执照或法人证书上重新抄写统一社会信用代码，注意区分 0 与 O、1 与 I。',
      'Copy the USCC again from the registration certificate, minding 0 versus O and 1 versus I.',
    ),
    summary: t(
      '统一社会信用代码只用数字和除 I、O、Z、S、V 以外的大写字母。',
      'A USCC uses digits and upper-case letters other than I, O, Z, S, V.',
    ),
  },
  segmentedCode: {
    code: 'MC4034',
    severity: 'error',
    message: t(
      '“{value}”是用连字符分段的地方实施编码，不是 33 位国家实施编码',
      '"{value}" is a hyphen-segmented local code, not a 33-character national code',
    ),
    hint: t('写在 localImplCode。', 'Put it in localImplCode.'),
    summary: t(
      '四川等地的实施编码用“-”分为多段，应放在地方实施编码字段。',
      'Some provinces segment codes with hyphens; such codes go in localImplCode.',
    ),
  },
  usccLength: {
    code: 'MC4035',
    severity: 'error',
    message: t('统一社会信用代码应为 18 位，这里是 {length} 位', 'A USCC has 18 characters, not {length}'),
    hint: t(
      '从证书上重新抄写完整的 18 位代码，检查是否漏位或夹有空格。',
      'Copy the full 18 characters again from the certificate and look for missing characters or spaces.',
    ),
    summary: t(
      '统一社会信用代码（GB 32100-2015）固定为 18 位。',
      'A USCC (GB 32100-2015) always has 18 characters.',
    ),
  },
  mailApplicationMissing: {
    code: 'MC4040',
    severity: 'error',
    message: t(
      '到办事现场 0 次且不支持网上办理，办理形式应包含快递申请',
      'No on-site visit and no online handling: handlingForms must include 快递申请',
    ),
    hint: t('在 handlingForms 中加上 快递申请 或 网上办理。', 'Add 快递申请 or 网上办理 to handlingForms.'),
    summary: t(
      '申请人既不到现场、也不能网上办，只能通过快递（邮寄）申请。',
      'If the applicant neither comes in nor applies online, the application must be possible by post.',
    ),
  },
  resultTypeMismatch: {
    code: 'MC4041',
    severity: 'error',
    message: t(
      '审批结果“{name}”是证照，结果类型应为证照，这里是{type}',
      'The result "{name}" is a licence, so its type must be 证照, not {type}',
    ),
    hint: t(
      '把结果类型改为“证照”；如果它确实不是证照，就修改结果名称。',
      'Set the result type to 证照; if it really is not a licence, rename the result.',
    ),
    summary: t(
      '审批结果名称以“证”结尾的（凭证、证明除外）是证照（温州事项数据质检规则）。',
      'A result whose name ends in 证 (except 凭证 and 证明) is a licence (Wenzhou data-quality rule).',
    ),
  },
  sameContactNumbers: {
    code: 'MC4042',
    severity: 'error',
    message: t(
      '咨询电话与监督投诉电话相同（{phone}）',
      'The consultation and complaint numbers are the same ({phone})',
    ),
    hint: t(
      '监督投诉电话应是监督部门的电话，与咨询电话不同。',
      'The complaint line belongs to the supervising body and differs from the consultation line.',
    ),
    summary: t(
      '咨询电话和投诉电话必须都填、互不相同并带区号。',
      'Both numbers are required, must differ and carry the area code.',
    ),
  },
  licenseWithoutFaq: {
    code: 'MC4043',
    severity: 'warning',
    message: t('行政许可事项没有常见问题', 'The licence has no frequently asked questions'),
    hint: t('在 faq 中至少写一个申请人常问的问题。', 'Add at least one question applicants often ask.'),
    summary: t(
      '行政许可事项至少应有一个常见问题（温州事项数据质检规则）。',
      'A licence should have at least one FAQ (Wenzhou data-quality rule).',
    ),
  },
  stageAudienceMismatch: {
    code: 'MC4044',
    severity: 'error',
    message: t(
      '“{stage}”是{stageAudience}的生命周期阶段，而一件事面向{audience}',
      '"{stage}" is a stage of {stageAudience}, but the bundle serves {audience}',
    ),
    hint: t(
      '改用面向{audience}的生命周期阶段，或更正一件事的服务对象。',
      'Choose a life-cycle stage for {audience}, or correct the bundle’s audience.',
    ),
    summary: t(
      '国办发〔2025〕24号把经营主体和个人的生命周期阶段分开列出；阶段须与服务对象一致。',
      'Guo Ban Fa [2025] 24 lists separate life-cycle stages for businesses and individuals; the stage must match the audience.',
    ),
  },
  repealedLawCited: {
    code: 'MC4045',
    severity: 'error',
    message: t('设定依据引用了已废止的《{title}》', 'The legal basis cites the repealed {title}'),
    hint: t('改引现行有效的法规{replacement}。', 'Cite the law in force instead{replacement}.'),
    summary: t('设定依据不能引用已废止的法律法规。', 'A legal basis cannot cite a repealed law.'),
  },
  areaCodeMissing: {
    code: 'MC4046',
    severity: 'warning',
    message: t('电话“{phone}”没有区号', 'The number "{phone}" has no area code'),
    hint: t(
      '写成 0571-12345678 的形式；12345 等服务热线和手机号码除外。',
      'Write it as 0571-12345678; service lines such as 12345 and mobile numbers are fine.',
    ),
    summary: t(
      '办事指南中的固定电话须带区号，外地申请人才能拨通。',
      'Landline numbers in guides must carry the area code so that callers from elsewhere get through.',
    ),
  },

  // ── 5xxx: sub-languages ──────────────────────────────────────────────────────────────────────
  invalidDuration: {
    code: 'MC5001',
    severity: 'error',
    message: t('无法识别的时限“{text}”', 'Unrecognised time limit "{text}"'),
    hint: t(
      '写成 即办、当场办结、5个工作日、20日、2小时 这样的形式。',
      'Write it like 即办, 当场办结, 5个工作日, 20日, 2小时 or 10 working days.',
    ),
    summary: t(
      '时限由数字和单位组成：工作日、日（自然日）、小时；或“即办”。',
      'A limit is a number with a unit (working days, days, hours), or 即办.',
    ),
  },

  conditionUnexpected: {
    code: 'MC5010',
    severity: 'error',
    message: t('条件表达式中此处不应出现“{found}”', 'Unexpected "{found}" in the condition'),
    hint: t(
      '检查运算符和括号；中文“且/或/非”前后需要空格。',
      'Check operators and parentheses; 且/或/非 need spaces around them.',
    ),
    summary: t(
      '条件表达式不符合语法。条件由字段路径、比较（== != > >= < <=）、in [...]、exists(...)、and/or/not（或 且/或/非）组成。',
      'The condition does not follow the grammar: field paths, comparisons, in [...], exists(...), and/or/not (或 且/或/非).',
    ),
  },
  conditionIncomplete: {
    code: 'MC5011',
    severity: 'error',
    message: t('条件表达式不完整{expected}', 'The condition is incomplete{expected}'),
    hint: t('补全比较的另一侧或闭合括号。', 'Complete the comparison or close the parenthesis.'),
    summary: t(
      '条件在结尾处缺少内容，例如比较运算符后没有值。',
      'The condition ends too early, e.g. nothing after a comparison operator.',
    ),
  },
  unterminatedString: {
    code: 'MC5012',
    severity: 'error',
    message: t('字符串缺少结束引号', 'The string has no closing quote'),
    hint: t(
      '在文本末尾补上对应的引号（"…"、\'…\'、“…”、‘…’、「…」须成对）。',
      'Close the string with the matching quote.',
    ),
    summary: t(
      '未闭合的字符串是词法错误，不会被跳过或猜测。',
      'An unclosed string is a lexical error; it is never skipped or guessed.',
    ),
  },
  conditionBadCharacter: {
    code: 'MC5013',
    severity: 'error',
    message: t('条件表达式中不能出现“{text}”', '"{text}" cannot appear in a condition'),
    hint: t(
      '删除或改写“{text}”：条件只由字段路径、比较符、且/或/非、括号和值组成，文本值要加引号（写法见 docs/language.md）。',
      'Remove or rewrite "{text}": a condition consists of field paths, comparisons, and/or/not, parentheses and values, with text values in quotes (see docs/language.md).',
    ),
    summary: t(
      '条件表达式中出现了无法识别的字符。',
      'The condition contains a character the language does not know.',
    ),
  },
  unknownField: {
    code: 'MC5014',
    severity: 'error',
    message: t('找不到字段“{path}”', 'No field "{path}"'),
    hint: t(
      '检查“{path}”的拼写，或在数据元字典（Field）中声明这个字段。',
      'Check the spelling of "{path}", or declare the field in the data-element dictionary (Field).',
    ),
    summary: t(
      '条件中的每个路径都必须是数据元字典（Field）中声明的字段。',
      'Every path in a condition must be a field declared in the data-element dictionary (Field).',
    ),
  },
  conditionTypeMismatch: {
    code: 'MC5015',
    severity: 'error',
    message: t('{left}与{right}不能用“{op}”运算或比较', '{left} and {right} cannot be combined with "{op}"'),
    hint: t(
      '两侧类型须一致，例如年龄（整数）应与数字比较：年龄 >= 60。',
      'Both sides need the same type, e.g. compare an age with a number: 年龄 >= 60.',
    ),
    summary: t(
      '条件是有类型的：文本、数字、日期、时长、金额、是/否不能混用。',
      'Conditions are typed: text, numbers, dates, durations, money and booleans do not mix.',
    ),
  },
  conditionNotBoolean: {
    code: 'MC5016',
    severity: 'error',
    message: t(
      '这里需要一个成立或不成立的条件，而不是{found}',
      'A true/false condition is needed here, not {found}',
    ),
    hint: t('写成比较，例如 申请人.年龄 >= 60。', 'Write a comparison such as 申请人.年龄 >= 60.'),
    summary: t(
      'and/or/not 的两侧和整个条件都必须是“是/否”。',
      'The operands of and/or/not and the whole condition must be true/false.',
    ),
  },
  conditionNotOrdered: {
    code: 'MC5017',
    severity: 'error',
    message: t('{type}不能比较大小（“{op}”）', '{type} values cannot be ordered ("{op}")'),
    hint: t('文本和是/否只能用 == 或 != 比较。', 'Text and booleans compare only with == or !=.'),
    summary: t(
      '只有数字、金额、日期和时长可以比较大小。',
      'Only numbers, money, dates and durations can be ordered.',
    ),
  },
  notAnOption: {
    code: 'MC5018',
    severity: 'error',
    message: t(
      '“{value}”不是字段“{path}”的可选值；可选值：{options}',
      '"{value}" is not an option of "{path}"; options: {options}',
    ),
    hint: t(
      '改用可选值之一，或在数据元字典中为“{path}”增加这个选项。',
      'Use one of the options, or add this option to "{path}" in the data-element dictionary.',
    ),
    summary: t(
      '枚举字段只能与其可选值比较，写错的值会让条件永远不成立。',
      'An enumerated field compares only with its options; a misspelt value would make the condition never hold.',
    ),
  },
  possiblyAbsent: {
    code: 'MC5019',
    severity: 'error',
    message: t(
      '字段“{path}”不一定填写，使用前须先判断 exists({path})',
      'The field "{path}" may be absent; test exists({path}) before using it',
    ),
    hint: t(
      '写成 exists({path}) and …，或 not exists({path}) or …。',
      'Write exists({path}) and …, or not exists({path}) or ….',
    ),
    summary: t(
      '只有表单中必填的字段才一定有值。可能缺失的字段直接比较时，各执行目标（表单、流程引擎）的结果会不一致，因此必须先判断是否存在。',
      'Only required form fields always have a value. Comparing a possibly absent field gives different results in different engines, so presence must be tested first.',
    ),
  },
  durationUnitMismatch: {
    code: 'MC5020',
    severity: 'error',
    message: t(
      '工作日、自然日和小时不能直接比较或相加',
      'Working days, calendar days and hours cannot be compared or added directly',
    ),
    hint: t('两侧使用同一单位。', 'Use the same unit on both sides.'),
    summary: t(
      '工作日与自然日之间没有固定换算，条件中的时长必须同单位。',
      'Working and calendar days have no fixed ratio; durations in a condition must share a unit.',
    ),
  },
  conditionAlwaysFalse: {
    code: 'MC5030',
    severity: 'error',
    message: t(
      '没有申请人能满足这个条件：{conflict}不能同时成立',
      'No applicant can satisfy this: {conflict} cannot all hold',
    ),
    hint: t(
      '检查比较方向和取值，例如是否把 >= 写成了 <。',
      'Check the comparison directions and values, e.g. >= written as <.',
    ),
    summary: t(
      '条件（或其中用 and 连接的一部分）在任何情况下都不成立，相关材料、环节或字段永远不会出现。',
      'The condition (or a conjunction inside it) can never hold, so what it guards never applies.',
    ),
  },
  conditionAlwaysTrue: {
    code: 'MC5031',
    severity: 'warning',
    message: t('这个条件对所有申请人都成立', 'This condition holds for every applicant'),
    hint: t(
      '删除 when，或改写为真正区分情形的条件。',
      'Remove when, or write a condition that really distinguishes cases.',
    ),
    summary: t(
      '永远成立的条件没有作用，往往是写错了比较。',
      'A condition that always holds has no effect and usually hides a mistake.',
    ),
  },
  variantsOverlap: {
    code: 'MC5032',
    severity: 'warning',
    message: t(
      '材料“{material}”的两种情形可能同时适用，例如：{witness}',
      'Two variants of the material "{material}" can apply at once, e.g. {witness}',
    ),
    hint: t(
      '让各情形的条件互斥，申请人才知道该交哪一份。',
      "Make the variants' conditions exclusive so applicants know which one to bring.",
    ),
    summary: t(
      '同一材料按情形列出多次（如本人办理/委托办理）时，各情形的条件应当互斥。',
      'When a material is listed several times for different situations, their conditions must be mutually exclusive.',
    ),
  },
  citationSyntax: {
    code: 'MC5040',
    severity: 'error',
    message: t('无法识别的法律依据引用：{detail}', 'Unrecognised legal citation: {detail}'),
    hint: t(
      '写成《法规名称》第N条第N款第（N）项，或 国发〔2024〕3号 这样的文号。',
      'Write 《Title》第N条第N款第（N）项, or a document number such as 国发〔2024〕3号.',
    ),
    summary: t(
      '设定依据须写成可核对的规范引用：法规名称加条、款、项、目，或文号、附件条目。',
      'A legal basis must be a checkable citation: a title with article, paragraph, item, sub-item, or a document number or annex item.',
    ),
  },
  citationIrregular: {
    code: 'MC5041',
    severity: 'warning',
    message: t('引用写法不规范：{what}', 'Irregular citation: {what}'),
    hint: t('规范写法：{normalized}', 'Normalized: {normalized}'),
    summary: t(
      '文号应使用六角括号〔〕，条款用中文数字，法规名称加书名号并写全称。不规范的写法能被识别，但应改正。',
      'Document numbers use 〔〕, articles use Chinese numerals, titles are in 《》 and in full. Irregular forms are understood but should be fixed.',
    ),
  },
  unknownLaw: {
    code: 'MC5042',
    severity: 'error',
    message: t('法律法规登记表中没有《{title}》', 'The law registry has no "{title}"'),
    hint: t(
      '在 Law 登记表中登记该法规（含简称），或改正名称。',
      'Register the law (with its short names) in the Law registry, or correct the title.',
    ),
    summary: t(
      '引用的法规必须在法律法规登记表中，才能核对其时效和条款。',
      'A cited law must be in the Law registry so that its status and provisions can be checked.',
    ),
  },
  lawNotYetInForce: {
    code: 'MC5043',
    severity: 'error',
    message: t(
      '《{title}》自 {effective} 起施行，清单生效时尚未施行',
      '"{title}" takes effect on {effective}, after the list does',
    ),
    hint: t(
      '改用清单生效时已经施行的依据，或把清单生效日期改为不早于 {effective}。',
      'Cite a basis already in force when the list takes effect, or move the list’s effective date to {effective} or later.',
    ),
    summary: t(
      '设定依据在清单生效之日必须已经施行。',
      'A legal basis must be in force on the day the list takes effect.',
    ),
  },
  citationLawMismatch: {
    code: 'MC5044',
    severity: 'error',
    message: t(
      '引用的《{cited}》与 law 指向的《{registered}》不是同一法规',
      'The citation names "{cited}" but law points to "{registered}"',
    ),
    hint: t(
      '删除 law（由引用自动关联），或改正其中之一。',
      'Drop law (the citation links itself), or correct one of them.',
    ),
    summary: t(
      '依据的 law 与引用文本必须指向同一部法规。',
      'The law id and the citation text must name the same law.',
    ),
  },

  // ── 6xxx: refinement (national → local), waivers, coverage, bundle composition ───────────────
  addedMaterial: {
    code: 'MC6001',
    severity: 'error',
    message: t(
      '地方要求申请人提交上级没有要求的材料“{material}”',
      'The local matter requires "{material}", which the parent does not',
    ),
    hint: t(
      '删除该材料，或改为非必要、容缺后补或由部门共享获取；确需要求的，须经批准并登记豁免。',
      'Remove it, make it optional, deferrable or shared; if it is truly required, record an approved waiver.',
    ),
    summary: t(
      '细化只能减轻负担：地方必须提交的材料只能是上级必须提交的材料的子集（可改为免交、共享或容缺），不得增加。',
      'Refinement may only lighten the burden: the materials a local matter requires must be a subset of the parent’s (they may become exempt, shared or deferrable), never more.',
    ),
  },
  longerPromise: {
    code: 'MC6002',
    severity: 'error',
    message: t(
      '承诺办结时限“{local}”长于上级的“{parent}”',
      'The promised limit "{local}" is longer than the parent’s "{parent}"',
    ),
    hint: t('地方承诺时限不得长于上级。', 'A local promise cannot be longer than the parent’s.'),
    summary: t(
      '地方细化时承诺办结时限只能缩短，不能延长（比较规则见时限说明）。',
      'A local refinement may only shorten the promised limit (comparison rule as for durations).',
    ),
  },
  moreVisits: {
    code: 'MC6003',
    severity: 'error',
    message: t(
      '到办事现场 {local} 次，多于上级的 {parent} 次',
      '{local} on-site visit(s), more than the parent’s {parent}',
    ),
    hint: t(
      '把到办事现场次数减到 {parent} 次以内；确需多跑的，按程序登记经批准的豁免（waivers）。',
      'Reduce on-site visits to {parent} or fewer; if more are truly needed, register an approved waiver (waivers).',
    ),
    summary: t('地方细化时到现场次数只能减少。', 'A local refinement may only reduce on-site visits.'),
  },
  addedFee: {
    code: 'MC6004',
    severity: 'error',
    message: t(
      '地方增加了上级没有的收费{item}',
      'The local matter adds a fee the parent does not charge{item}',
    ),
    hint: t(
      '删除新增的收费；确有法定依据的，按程序登记经批准的豁免（waivers）。',
      'Remove the added fee; if a law requires it, register an approved waiver (waivers).',
    ),
    summary: t('地方细化不得增加收费或收费项目。', 'A local refinement cannot add fees or fee items.'),
  },
  lowerOnlineDepth: {
    code: 'MC6005',
    severity: 'error',
    message: t(
      '网上办理深度低于上级：缺少{missing}',
      'Online depth is lower than the parent’s: {missing} missing',
    ),
    hint: t(
      '恢复上级已有的网办方式（{missing}）；确实做不到的，按程序登记经批准的豁免（waivers）。',
      'Restore the online handling the parent offers ({missing}); if that is impossible, register an approved waiver (waivers).',
    ),
    summary: t(
      '地方细化时网上办理深度只能提高（包括不得取消全程网办）。',
      'A local refinement may only deepen online handling (and cannot drop fully online handling).',
    ),
  },
  addedApprovalStep: {
    code: 'MC6006',
    severity: 'error',
    message: t(
      '地方增加了上级没有的审批环节“{step}”（{phase}）',
      'The local matter adds the approval step "{step}" ({phase}) the parent does not have',
    ),
    hint: t(
      '审查、决定类环节不得增加；确有必要的须经批准并登记豁免。',
      'Review and decision steps cannot be added; record an approved waiver if one is truly needed.',
    ),
    summary: t(
      '“换个名目或是隐性审批”是典型的地方加码：细化不得增加审查、决定类环节。',
      'Hidden extra approval is the classic local burden: refinements cannot add review or decision steps.',
    ),
  },
  stricterEligibility: {
    code: 'MC6007',
    severity: 'error',
    message: t(
      '申请资格比上级更严，例如 {witness} 的申请人按上级可以办、按地方不能办',
      'Eligibility is stricter than the parent’s: e.g. an applicant with {witness} qualifies there but not here',
    ),
    hint: t(
      '放宽条件，使上级允许的申请人在本地同样可以办理。',
      'Relax the condition so that everyone the parent admits is admitted here too.',
    ),
    summary: t(
      '用条件分析比较资格条件：只要存在上级允许、地方拒绝的申请人，地方条件就更严。更宽松的条件是允许的。',
      'Eligibility conditions are compared by analysis: if some applicant qualifies under the parent but not locally, the local condition is stricter. Looser conditions are fine.',
    ),
  },
  droppedComponent: {
    code: 'MC6008',
    severity: 'error',
    message: t('缺少上级一件事的组成事项“{component}”', 'The parent’s component "{component}" is missing'),
    hint: t(
      '保留该组成事项（标识与上级相同）；可以增加地方组成事项。',
      'Keep the component (same id as the parent’s); local add-on components are welcome.',
    ),
    summary: t(
      '国家一件事的组成事项必须全部保留，地方可以增加组成事项（集成更多）。',
      'Every component of a national bundle must be kept; local add-ons are allowed.',
    ),
  },
  droppedBasis: {
    code: 'MC6009',
    severity: 'error',
    message: t('缺少上级的设定依据“{basis}”', 'The parent’s legal basis "{basis}" is missing'),
    hint: t('保留上级依据；地方依据可以增加。', 'Keep the parent’s basis; local bases may be added.'),
    summary: t(
      '上级的设定依据必须保留，地方可以补充本地依据。',
      'The parent’s legal basis must be kept; local bases may be added.',
    ),
  },
  nationalItemMissing: {
    code: 'MC6010',
    severity: 'error',
    message: t(
      '清单覆盖“{list}”，但缺少其中的“{item}”',
      'The list extends "{list}" but omits its item "{item}"',
    ),
    hint: t(
      '在 items 中加入该一件事，或加入细化它的本地一件事（refines）。',
      'Add the bundle to items, or a local bundle that refines it.',
    ),
    summary: t(
      '地方清单必须实施所覆盖的上级清单中的每一件事。',
      'A local list must implement every item of the lists it extends.',
    ),
  },
  itemIdCollision: {
    code: 'MC6011',
    severity: 'error',
    message: t(
      '清单条目“{id}”与上级清单的条目同名，但指向不同的一件事',
      'The list item "{id}" reuses a parent item id for a different bundle',
    ),
    hint: t(
      '细化上级条目时指向细化它的一件事；新增条目请换用新标识。',
      'To refine the parent item point to a bundle that refines it; new items need new ids.',
    ),
    summary: t(
      '条目标识在各层清单之间是对应关系的依据，不能挪作他用。',
      'Item ids tie the layers together and cannot be reused for something else.',
    ),
  },
  duplicatesParentItem: {
    code: 'MC6012',
    severity: 'warning',
    message: t(
      '本地一件事“{local}”与上级的“{parent}”{how}，却没有声明细化关系',
      'The local bundle "{local}" {how} the parent’s "{parent}" but does not declare that it refines it',
    ),
    hint: t('加上 refines: {parent}，或把它们区分开。', 'Add refines: {parent}, or tell them apart.'),
    summary: t(
      '重复建设同一件事会造成“同一件事不同标准”；地方版本应声明细化上级。',
      'Duplicating a parent bundle creates two standards for one thing; declare the refinement.',
    ),
  },
  componentNotRefining: {
    code: 'MC6013',
    severity: 'error',
    message: t(
      '组成事项“{component}”对应上级的“{parentMatter}”，但事项“{matter}”没有细化它',
      'Component "{component}" corresponds to the parent’s "{parentMatter}", but the matter "{matter}" does not refine it',
    ),
    hint: t(
      '在事项中写 refines: {parentMatter}，或直接使用上级事项。',
      'Add refines: {parentMatter} to the matter, or use the parent’s matter.',
    ),
    summary: t(
      '同标识的组成事项一一对应，地方事项必须是上级事项本身或它的细化。',
      'Components with the same id correspond; the local matter must be the parent’s or refine it.',
    ),
  },
  waived: {
    code: 'MC6020',
    severity: 'warning',
    message: t(
      '已豁免（{document}，{approver}，至 {expires}）：{problem}',
      'Waived ({document}, {approver}, until {expires}): {problem}',
    ),
    hint: t(
      '在 {expires} 前解决这个问题或续办豁免，到期后它会重新成为错误。',
      'Fix the problem or renew the waiver before {expires}; after that it is an error again.',
    ),
    summary: t(
      '经批准的豁免把细化问题降为警告，并在报告中列出，到期后恢复为错误。',
      'An approved waiver turns a refinement problem into a warning listed in reports; it becomes an error again when it expires.',
    ),
  },
  waiverExpired: {
    code: 'MC6021',
    severity: 'error',
    message: t('豁免“{id}”已于 {expires} 到期', 'The waiver "{id}" expired on {expires}'),
    hint: t('续批并更新到期日，或消除该偏离。', 'Renew it with a new expiry date, or remove the deviation.'),
    summary: t(
      '过期的豁免不再生效，被豁免的问题重新报错。',
      'An expired waiver no longer applies; the problem it covered is an error again.',
    ),
  },
  waiverUnused: {
    code: 'MC6022',
    severity: 'error',
    message: t('豁免“{id}”没有对应任何问题', 'The waiver "{id}" matches no problem'),
    hint: t(
      '偏离已消除时删除该豁免，或改正对象、条目和代码。',
      'Delete it if the deviation is gone, or correct its subject, item and code.',
    ),
    summary: t(
      '不对应任何问题的豁免是过时的授权，会掩盖将来的加码，必须删除。',
      'A waiver matching nothing is a stale authorisation that could hide future burdens; remove it.',
    ),
  },
  fieldConflict: {
    code: 'MC6030',
    severity: 'error',
    message: t(
      '一表申请中字段“{name}”有冲突的定义：{definitions}',
      'The merged form defines "{name}" in conflicting ways: {definitions}',
    ),
    hint: t(
      '让各组成事项使用数据元字典中的同一个字段。',
      'Make the components use one field of the dictionary.',
    ),
    summary: t(
      '一件事的各组成事项的表单按数据元字典合并为一张表；同名字段类型或格式不一致时无法合并。',
      'Component forms merge into one through the dictionary; same-named fields of different types or formats cannot merge.',
    ),
  },
  workflowCycle: {
    code: 'MC6031',
    severity: 'error',
    message: t(
      '组成事项之间的材料依赖成环：{cycle}',
      'The components depend on each other’s materials in a cycle: {cycle}',
    ),
    hint: t(
      '去掉环中的一处材料依赖（例如改由申请人自行提交该材料），让组成事项能排出先后。',
      'Remove one material dependency from the cycle (e.g. let the applicant bring that material) so that the components can be ordered.',
    ),
    summary: t(
      '组成事项按“一个产出、另一个使用”的材料排序，成环则无法办理。',
      'Components are ordered by produced → consumed materials; a cycle cannot be carried out.',
    ),
  },
  criticalPathTooLong: {
    code: 'MC6032',
    severity: 'error',
    message: t(
      '关键路径 {path} 至少需要 {needed}，超过承诺的“{promised}”',
      'The critical path {path} needs at least {needed}, more than the promised "{promised}"',
    ),
    hint: t(
      '缩短路径上事项的时限、改为并联，或调整承诺时限。',
      'Shorten the limits on the path, run steps in parallel, or change the promise.',
    ),
    summary: t(
      '组成事项默认并联办理，只有材料依赖（一个产出、另一个使用）使其串联。串联路径上的时限之和必须不超过一件事的承诺时限。',
      'Components run in parallel unless a material dependency orders them; the limits along the longest chain must fit the bundle’s promise.',
    ),
  },
  notCheckedFurther: {
    code: 'MC6040',
    severity: 'info',
    message: t(
      '{kind}“{id}”有{reason}，未参与细化、清单覆盖、一件事组合和条件的检查',
      'The {kind} "{id}" has {reason}; it was left out of the refinement, list coverage, bundle composition and condition checks',
    ),
    hint: t(
      '先改正这个文档中的错误，再检查一次：这些检查随后会进行，也可能报告新的问题。',
      'Correct the errors in this document and check again: those checks will then run and may report new problems.',
    ),
    summary: t(
      '有结构或引用错误的文档不参与跨文档的检查（细化、清单覆盖、一件事组合，以及用到有错误的数据元的条件），以免一处错误在别的文件中引出误导性的问题（如声称缺少它其实写了的 refines 或清单条目，或说条件中的字段不存在）。依赖它的判断也不做，每个这样的文档给出一条提示。',
      'A document with schema or reference errors takes no part in the cross-document checks (refinement, list coverage, bundle composition, and conditions that use a Field with errors), so that one mistake does not cause misleading problems in other files (such as claiming that a refines or list item it has is missing, or that a field a condition uses does not exist). Judgements that depend on it are not made either; each such document gets one note.',
    ),
  },

  // ── 9xxx: the tool could not run ─────────────────────────────────────────────────────────────
  pathNotFound: {
    code: 'MC9001',
    severity: 'fatal',
    message: t('路径不存在：{path}', 'No such path: {path}'),
    hint: t(
      '检查路径的拼写，并确认在清单仓库的根目录下运行命令。',
      'Check the spelling of the path and run the command from the repository root.',
    ),
    summary: t(
      '命令行给出的文件或目录不存在。',
      'A file or directory given on the command line does not exist.',
    ),
  },
  badOption: {
    code: 'MC9002',
    severity: 'fatal',
    message: t(
      '选项 {option} 的值“{value}”无效；可选：{allowed}',
      'Invalid value "{value}" for {option}; allowed: {allowed}',
    ),
    hint: t('把 {option} 改为可选值之一：{allowed}。', 'Give {option} one of the allowed values: {allowed}.'),
    summary: t(
      '命令行选项的取值不在允许范围内。',
      'A command-line option has a value outside its allowed set.',
    ),
  },
  unknownCode: {
    code: 'MC9003',
    severity: 'fatal',
    message: t('没有诊断代码 {code}', 'There is no diagnostic code {code}'),
    hint: t('运行 matterc explain --list 查看全部代码。', 'Run matterc explain --list to see every code.'),
    summary: t(
      'matterc explain 只能解释目录中的诊断代码。',
      'matterc explain explains catalogue codes only.',
    ),
  },
  cannotWrite: {
    code: 'MC9004',
    severity: 'fatal',
    message: t('无法写入 {path}：{reason}', 'Cannot write {path}: {reason}'),
    hint: t(
      '确认输出目录可写、磁盘有剩余空间，或换一个输出目录。',
      'Make sure the output directory is writable and the disk has space, or choose another output directory.',
    ),
    summary: t('输出目录不可写或磁盘已满。', 'The output directory is not writable or the disk is full.'),
  },
  noInput: {
    code: 'MC9005',
    severity: 'fatal',
    message: t('没有找到要检查的 YAML 文件：{path}', 'No YAML files to check in {path}'),
    hint: t(
      '给出 .yaml/.yml 文件或包含它们的目录，或在含 matterc.yaml 的目录中运行。',
      'Give .yaml/.yml files or directories holding them, or run where matterc.yaml is.',
    ),
    summary: t('给出的路径中没有 .yaml 或 .yml 文件。', 'The given paths contain no .yaml or .yml files.'),
  },
  targetNotEmpty: {
    code: 'MC9006',
    severity: 'fatal',
    message: t(
      '目标目录 {path} 已存在且不为空，其中有不是 matterc 写出的文件（如 {file}）',
      'The target directory {path} exists and is not empty: it holds files matterc did not write (such as {file})',
    ),
    hint: t(
      '换一个新的或空的目录；确需与这些文件放在一起时加 --force（它们保持不动，不会被删除或覆盖）。',
      'Choose a new or empty directory; to write next to these files, pass --force (they are kept: never deleted or overwritten).',
    ),
    summary: t(
      'matterc 只替换它自己写出的目录：build 和 schema 在输出目录中留下清单文件 .matterc-build.json，列出写出的文件；没有该清单的非空目录不会被替换。init 只创建不存在的文件。加 --force 时写在已有文件旁边，不是 matterc 写出的文件从不删除或覆盖。',
      'matterc replaces only directories it wrote itself: build and schema leave a manifest, .matterc-build.json, listing the files they wrote; a non-empty directory without one is never replaced. init only creates files that do not exist. With --force the output is written next to existing files; files matterc did not write are never deleted or overwritten.',
    ),
  },
  outputReplaces: {
    code: 'MC9020',
    severity: 'fatal',
    message: t(
      '不能写到 {path}：它就是或包含{what}，写出结果会替换它',
      'Cannot write to {path}: it is or contains {what}, which the output would replace',
    ),
    hint: t(
      '输出到一个专用的新目录，例如在仓库根目录运行 matterc build --out site。',
      'Write to a directory of its own, e.g. run matterc build --out site in the repository root.',
    ),
    summary: t(
      '生成的目录会整个替换输出目录。输出目录不能是或包含输入的路径、源文件所在的目录、当前目录、项目根目录（含 matterc.yaml）、git 仓库根目录（含 .git）、主目录或 matterc 自身的程序文件。',
      'The generated directory replaces the output directory as a whole, so the output may not be or contain an input path, a folder of source files, the working directory, a project root (holding matterc.yaml), a git work tree (holding .git), the home directory or matterc’s own files.',
    ),
  },
  outputInside: {
    code: 'MC9021',
    severity: 'fatal',
    message: t('不能写到 {path}：它位于{what} 之中', 'Cannot write to {path}: it lies inside {what}'),
    hint: t(
      '把输出放在源文件目录和 .git 之外，例如仓库根目录下的 site/。',
      'Put the output outside source folders and .git, e.g. site/ in the repository root.',
    ),
    summary: t(
      '生成的文件不能写进存放源文件的目录（下次检查会把它们当作输入），也不能写进 git 的 .git 目录。输入路径本身（如项目根目录）之下的新目录可以作为输出。',
      'Generated files may not go into a folder of source files (the next check would read them as input) nor into git’s .git directory. A new directory below an input path itself (such as a project root) is fine.',
    ),
  },
  notOverwritten: {
    code: 'MC9022',
    severity: 'fatal',
    message: t(
      '{path} 已存在且不是 matterc 写出的，不会覆盖它',
      '{path} exists and was not written by matterc; it is not overwritten',
    ),
    hint: t(
      '把该文件移走或改名后重试，或换一个输出目录。',
      'Move or rename that file and try again, or choose another output directory.',
    ),
    summary: t(
      'matterc 从不覆盖不是它写出的文件。输出需要写到一个已有的文件（或把文件当作目录）时，什么都不写。',
      'matterc never overwrites a file it did not write. When an output would land on such a file (or needs a directory where it is), nothing is written.',
    ),
  },
  unknownItem: {
    code: 'MC9007',
    severity: 'fatal',
    message: t('清单“{list}”中没有“{item}”', 'The list "{list}" has no item "{item}"'),
    hint: t(
      '用一件事的标识或清单条目的标识，如 newborn。',
      'Use a bundle id or a list item id, such as newborn.',
    ),
    summary: t(
      'matterc why 的第一个参数是生效清单中的一件事。',
      'The first argument of matterc why is an item of the effective list.',
    ),
  },
  unknownPath: {
    code: 'MC9008',
    severity: 'fatal',
    message: t('“{item}”的任何一层都没有“{path}”', 'No layer of "{item}" has "{path}"'),
    hint: t(
      '路径用 / 分隔，列表元素用其标识，如 components/birth-registration/promisedLimit。',
      'Separate segments with /, address list elements by id, e.g. components/birth-registration/promisedLimit.',
    ),
    summary: t(
      'matterc why 的第二个参数是一件事中的值的路径。',
      'The second argument of matterc why is the path of a value in the item.',
    ),
  },
  unsafeTemplate: {
    code: 'MC9010',
    severity: 'fatal',
    message: t(
      '模板 {file} 使用了不转义的输出（{{{…}}} 或 {{&…}}）',
      'The template {file} prints data unescaped ({{{…}}} or {{&…}})',
    ),
    hint: t('改用 {{…}}：数据一律转义后输出。', 'Use {{…}}: data is always escaped.'),
    summary: t(
      '事项数据来自各地录入，可能含有 <script> 等内容；模板必须转义输出，不转义的模板拒绝使用，不生成任何文件。',
      'Matter data comes from many editors and may contain <script> and the like; templates must escape it. A template that does not is refused and nothing is written.',
    ),
  },
  needTwoSides: {
    code: 'MC9009',
    severity: 'fatal',
    message: t(
      'matterc compare 需要至少两个仓库，这里是 {count} 个',
      'matterc compare needs at least two repositories, not {count}',
    ),
    hint: t(
      '给出两个或更多省份清单仓库的路径，例如：matterc compare ../liaoning ../zhejiang。',
      'Give the paths of two or more provinces’ repositories, e.g. matterc compare ../liaoning ../zhejiang.',
    ),
    summary: t(
      '比较同一件事在不同省份的标准，需要两个或更多省份的清单仓库。',
      'Comparing one item across provinces needs two or more repositories.',
    ),
  },
  // Command lines commander refuses (src/cli/options.ts): each names the option or argument.
  unknownOption: {
    code: 'MC9030',
    severity: 'fatal',
    message: t(
      'matterc {command} 没有选项 {option}{suggestion}',
      'matterc {command} has no option {option}{suggestion}',
    ),
    hint: t(
      '运行 matterc {command} --help 查看可用的选项。',
      'Run matterc {command} --help to see the options it takes.',
    ),
    summary: t(
      '命令行中有该命令不认识的选项，可能是拼写错误或属于别的命令。',
      'The command line has an option this command does not know: a typo, or an option of another command.',
    ),
  },
  optionNeedsValue: {
    code: 'MC9031',
    severity: 'fatal',
    message: t('选项 {option} 缺少取值', 'The option {option} needs a value'),
    hint: t(
      '在 {option} 后写上取值；运行 matterc {command} --help 查看取值的写法。',
      'Write the value after {option}; run matterc {command} --help to see its form.',
    ),
    summary: t(
      '这个选项需要一个取值（如 --date 2025-06-30），但命令行在它之后就结束了。',
      'The option takes a value (such as --date 2025-06-30) but the command line ends after it.',
    ),
  },
  optionRequired: {
    code: 'MC9032',
    severity: 'fatal',
    message: t('matterc {command} 必须给出选项 {option}', 'matterc {command} needs the option {option}'),
    hint: t(
      '加上 {option} 及其取值；运行 matterc {command} --help 查看用法。',
      'Add {option} with its value; run matterc {command} --help for the usage.',
    ),
    summary: t('这个命令缺少必需的选项。', 'A required option of the command is missing.'),
  },
  argumentMissing: {
    code: 'MC9033',
    severity: 'fatal',
    message: t(
      'matterc {command} 缺少参数 {argument}',
      'matterc {command} is missing the argument {argument}',
    ),
    hint: t(
      '运行 matterc {command} --help 查看需要哪些参数。',
      'Run matterc {command} --help to see its arguments.',
    ),
    summary: t('这个命令需要的参数没有给出。', 'An argument the command needs was not given.'),
  },
  tooManyArguments: {
    code: 'MC9034',
    severity: 'fatal',
    message: t(
      'matterc {command} 最多接受 {expected} 个参数，这里给了 {given} 个',
      'matterc {command} takes at most {expected} arguments, not {given}',
    ),
    hint: t(
      '删去多余的参数；含空格的路径请加引号。运行 matterc {command} --help 查看用法。',
      'Remove the extra arguments; quote paths with spaces. Run matterc {command} --help for the usage.',
    ),
    summary: t(
      '命令行的参数比这个命令接受的多。',
      'The command line has more arguments than the command takes.',
    ),
  },
  unknownCommand: {
    code: 'MC9035',
    severity: 'fatal',
    message: t('没有命令 {command}{suggestion}', 'There is no command {command}{suggestion}'),
    hint: t('运行 matterc --help 查看全部命令。', 'Run matterc --help to see every command.'),
    summary: t(
      'matterc 之后的第一个词不是它的命令。',
      'The first word after matterc is not one of its commands.',
    ),
  },
  badArgument: {
    code: 'MC9036',
    severity: 'fatal',
    message: t('命令行参数 {argument} 无效：{reason}', 'Invalid command-line argument {argument}: {reason}'),
    hint: t('运行 matterc {command} --help 查看用法。', 'Run matterc {command} --help for the usage.'),
    summary: t(
      '命令行参数无法使用，例如含有 NUL 字符（文件名和取值都不能含有它）。',
      'A command-line argument cannot be used, e.g. it holds a NUL character (no file name or value can).',
    ),
  },
  cannotReadInput: {
    code: 'MC9037',
    severity: 'fatal',
    message: t('无法读取 {path}：{reason}', 'Cannot read {path}: {reason}'),
    hint: t(
      '给出一个可读取的文件（不是目录），例如申请数据 application.json。',
      'Give a readable file (not a directory), such as the application data application.json.',
    ),
    summary: t(
      '命令行给出的文件是目录，或没有读取权限。',
      'A file given on the command line is a directory or cannot be read.',
    ),
  },
  // ── 71xx: diff between revisions ─────────────────────────────────────────────────────────────
  burdenIncreased: {
    code: 'MC7101',
    severity: 'error',
    message: t('加重群众负担：{change}', 'Burden increased: {change}'),
    hint: t(
      '撤回这项改动，或在清单的 waivers 中登记经批准的豁免（代码 {law}）。',
      'Revert it, or record an approved waiver in the list’s waivers (code {law}).',
    ),
    summary: t(
      '与基准版本相比，这项改动让申请人多交材料、多走环节、多跑现场、多付费用、等更久、受更严的条件，或删掉了国家清单的事项。改革不可逆：没有有效豁免的这类改动不能合并。',
      'Compared with the base revision, the change makes applicants bring more, go through more steps, visit more, pay more, wait longer or meet stricter conditions, or drops an item of a national list. Reform is not reversed: such a change without a valid waiver cannot be merged.',
    ),
  },
  burdenIncreasedWaived: {
    code: 'MC7102',
    severity: 'warning',
    message: t(
      '加重群众负担，但有有效豁免 {waiver}（{document}，至 {expires}）：{change}',
      'Burden increased, covered by waiver {waiver} ({document}, until {expires}): {change}',
    ),
    hint: t(
      '合并前确认豁免 {waiver} 仍然适用；到期（{expires}）前撤销这项改动或续办豁免。',
      'Before merging, confirm that waiver {waiver} still applies; before it expires ({expires}) undo the change or renew the waiver.',
    ),
    summary: t(
      '这项加重负担的改动有经批准、尚未到期的豁免，不会使流水线失败，但仍列出供审查。',
      'This burden increase is covered by an approved waiver in force: it does not fail the pipeline but is listed for review.',
    ),
  },
  burdenReduced: {
    code: 'MC7103',
    severity: 'info',
    message: t('减轻群众负担：{change}', 'Burden reduced: {change}'),
    hint: t(
      '无需处理；可在变更说明中写明这项便民改进。',
      'Nothing to do; mention the improvement in the change description.',
    ),
    summary: t(
      '与基准版本相比，申请人少交材料、少走环节、少跑现场、少付费用、等待更短或条件更宽。',
      'Compared with the base revision, applicants bring less, go through fewer steps, visit less, pay less, wait less or meet looser conditions.',
    ),
  },
  neutralChange: {
    code: 'MC7104',
    severity: 'info',
    message: t('不影响负担的改动：{change}', 'Neutral change: {change}'),
    hint: t(
      '无需处理；合并前确认这项改动符合本意。',
      'Nothing to do; confirm before merging that the change is intended.',
    ),
    summary: t(
      '新增事项或清单条目、新增集成的组成事项，以及看不出轻重的改动（如部门、编码、依据）。',
      'New items or matters, newly integrated components, and changes with no direction for the applicant (departments, codes, legal basis).',
    ),
  },
  editorialChange: {
    code: 'MC7105',
    severity: 'info',
    message: t('文字性改动：{change}', 'Editorial change: {change}'),
    hint: t('无需处理；审查时可以快速浏览。', 'Nothing to do; reviewers can skim it.'),
    summary: t(
      '只改了措辞、顺序、注释或格式，含义不变。',
      'Only wording, order, comments or layout changed; the meaning did not.',
    ),
  },
  headHasErrors: {
    code: 'MC7110',
    severity: 'warning',
    message: t(
      '{side}有 {n} 个错误，未通过 schema 校验的文档不参与比较',
      'The {side} revision has {n} errors; documents failing the schema are not compared',
    ),
    hint: t('先运行 matterc check 修正这些错误。', 'Run matterc check and fix them first.'),
    summary: t(
      '比较只针对通过 schema 校验的文档；有错误的文档可能让变更分类不完整。',
      'Only schema-valid documents are compared; errors may leave the classification incomplete.',
    ),
  },
  notCompared: {
    code: 'MC7120',
    severity: 'error',
    message: t(
      '{side}的 {path} 有错误（{codes}），未能比较；在修正前不能判定本次改动可以合并',
      '{path} in the {side} revision has errors ({codes}) and could not be compared; the change cannot be called mergeable until they are fixed',
    ),
    hint: t(
      '在该版本中运行 matterc check 修正这些错误，然后重新运行 matterc diff。',
      'Run matterc check on that revision, fix the errors, then run matterc diff again.',
    ),
    summary: t(
      '无法读取或未通过 schema 校验的文档不参与比较，其中的改动可能加重群众负担而无人察觉。因此只要有一个文档未能比较，diff 就以 1 退出（--fail-on none 除外），报告列出这些文档。',
      'A document that cannot be read or fails the schema is not compared, and a change in it could add to the citizens’ burden unseen. So while any document could not be compared, diff exits 1 (unless --fail-on none) and its report names them.',
    ),
  },
  badRevision: {
    code: 'MC9011',
    severity: 'fatal',
    message: t(
      '“{spec}”既不是目录，也不是当前 git 仓库中的版本：{reason}',
      '"{spec}" is neither a directory nor a revision of this git repository: {reason}',
    ),
    hint: t(
      '给出目录，或 git 版本（分支、标签、提交，如 origin/main）；CI 中请先获取目标分支（fetch-depth: 0）。',
      'Give a directory or a git revision (branch, tag, commit such as origin/main); in CI fetch the target branch first (fetch-depth: 0).',
    ),
    summary: t(
      'matterc diff 的两侧可以是目录，也可以是当前仓库的 git 版本（通过 git 读取）。',
      'Each side of matterc diff is a directory or a git revision of the current repository (read through git).',
    ),
  },
  // ── 72xx: fmt ───────────────────────────────────────────────────────────────────────────────
  notFormatted: {
    code: 'MC7201',
    severity: 'error',
    message: t('文件未按规范格式化：{changes}', 'The file is not formatted canonically: {changes}'),
    hint: t('运行 matterc fmt {path} 改写该文件。', 'Run matterc fmt {path} to rewrite it.'),
    summary: t(
      'matterc fmt --check 发现该文件与规范格式不同（键的顺序、时限写法、依据引用格式、中文标点或行尾空白），位置是第一处不同。运行 matterc fmt 改写后含义不变，注释和其余内容保持原样。',
      'matterc fmt --check found the file differs from the canonical form (key order, durations, citations, Chinese punctuation or trailing whitespace), at the first difference shown. Running matterc fmt rewrites it without changing its meaning, keeping comments and everything else.',
    ),
  },
  fmtUnsafe: {
    code: 'MC7202',
    severity: 'error',
    message: t(
      '无法安全地格式化此文件（{reason}），文件保持原样',
      'The file cannot be formatted safely ({reason}); it is left as it is',
    ),
    hint: t(
      '这是 matterc fmt 的缺陷，请附上该文件报告问题。',
      'This is a bug in matterc fmt; please report it with the file.',
    ),
    summary: t(
      'matterc fmt 写入前会重新读取格式化结果，与原文件逐项比较：文档、各项取值（规范化的文本除外）和注释都必须相同。比较不通过时不写入，原文件不受影响。',
      'Before writing, matterc fmt reads its result back and compares it with the original: the documents, every value (normalized text aside) and every comment must be the same. If they are not, nothing is written and the file is untouched.',
    ),
  },
  // ── 73xx: baselines ───────────────────────────────────────────────────────────────────────────
  staleBaseline: {
    code: 'MC7301',
    severity: 'info',
    message: t(
      '基线 {file} 中有 {n} 个问题已不再出现',
      '{n} problems recorded in the baseline {file} no longer occur',
    ),
    hint: t(
      '运行 matterc check --baseline {file} --update-baseline 把它们从基线中删去。',
      'Run matterc check --baseline {file} --update-baseline to drop them from the baseline.',
    ),
    summary: t(
      '这些问题已经修正。及时更新基线，免得以后重新出现时被当作旧问题放过。',
      'They have been fixed. Update the baseline so that they are not let through as old problems if they come back.',
    ),
  },
  badBaseline: {
    code: 'MC9013',
    severity: 'fatal',
    message: t('无法读取基线文件 {file}：{reason}', 'Cannot read the baseline file {file}: {reason}'),
    hint: t(
      '用 matterc check --baseline {file} --update-baseline 重新生成。',
      'Regenerate it with matterc check --baseline {file} --update-baseline.',
    ),
    summary: t(
      '基线文件是 matterc 写出的 JSON（version 1，problems 列表）。文件缺失或格式不对时不检查，以免把所有问题都当成新问题或旧问题。',
      'A baseline is the JSON matterc writes (version 1, a problems list). When it is missing or malformed nothing is checked, so that no problem is wrongly taken as new or as recorded.',
    ),
  },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticName = keyof typeof D;

/** Labels for related positions and hints; not diagnostics themselves. */
export const LABELS = {
  firstDefinedHere: t('首次定义于此', 'first defined here'),
  firstKeyHere: t('第一次出现于此', 'first occurrence'),
  didYouMean: t('是否指{candidates}？', 'Did you mean {candidates}?'),
  candidates: t('可选：{candidates}', 'Candidates: {candidates}'),
  lawDefinedHere: t('法规定义于此', 'the law is defined here'),
  statutoryLimitHere: t('法定办结时限', 'the statutory limit'),
  cycleMember: t('环中的一处', 'part of the cycle'),
  none: t('（无）', '(none)'),
  missingSpace: t('“且/或/非”前后需要空格：{fixed}', '且/或/非 need spaces around them: {fixed}'),
  variantHere: t('另一种情形', 'the other variant'),
  listEffectiveHere: t('清单生效日期', 'the list takes effect here'),
  parentDefinitionHere: t('上级的定义', 'the parent’s definition'),
  waiverHere: t('豁免登记于此', 'the waiver'),
  parentItemHere: t('上级清单的条目', 'the parent list’s item'),
  or: t('或', 'or'),
  baseVersion: t('变更前', 'before the change'),
  headVersion: t('变更后', 'after the change'),
} as const;

export type LabelName = keyof typeof LABELS;

/** Every entry in code order, as `matterc explain --list` and docs/diagnostics.md show them. */
export const ALL_ENTRIES: readonly CatalogueEntry[] = (Object.values(D) as CatalogueEntry[]).sort((a, b) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
);

export function entryByCode(code: string): CatalogueEntry | undefined {
  return ALL_ENTRIES.find((entry) => entry.code.toUpperCase() === code.toUpperCase());
}

/** Chinese and English details for the `yaml` library's error codes, used in MC1007 messages. */
export const YAML_ERROR_DETAILS: Readonly<Record<string, Text>> = {
  ALIAS_PROPS: t('别名不能带锚点或标签', 'an alias cannot have an anchor or tag'),
  BAD_ALIAS: t('别名写法不正确', 'malformed alias'),
  BAD_DIRECTIVE: t('无法识别的 % 指令', 'unrecognised % directive'),
  BAD_DQ_ESCAPE: t('双引号字符串中有无效的转义', 'invalid escape in a double-quoted string'),
  BAD_INDENT: t('缩进不正确', 'wrong indentation'),
  BAD_PROP_ORDER: t('锚点和标签的位置不正确', 'anchor and tag are in the wrong place'),
  BAD_SCALAR_START: t(
    '值不能以这个字符开头（以 @、` 或 | > 开头的文本要加引号）',
    'a plain value cannot start with this character (quote it)',
  ),
  BLOCK_AS_IMPLICIT_KEY: t(
    '块结构不能用作键（是否漏了冒号或缩进不对？）',
    'a block cannot be a key (missing colon or wrong indentation?)',
  ),
  BLOCK_IN_FLOW: t('方括号或花括号内不能使用块结构', 'block structure inside [ ] or { }'),
  IMPOSSIBLE: t('无法解析的结构', 'unparseable structure'),
  KEY_OVER_1024_CHARS: t('键超过 1024 个字符', 'a key longer than 1024 characters'),
  MISSING_CHAR: t(
    '缺少字符（引号、括号未闭合或冒号后缺少空格）',
    'missing character (an unclosed quote or bracket, or no space after a colon)',
  ),
  MULTILINE_IMPLICIT_KEY: t(
    '键不能跨行（是否漏了冒号或引号未闭合？）',
    'a key cannot span lines (missing colon or unclosed quote?)',
  ),
  MULTIPLE_ANCHORS: t('一个节点有多个锚点', 'a node with several anchors'),
  MULTIPLE_DOCS: t('此处不能开始新文档', 'a new document cannot start here'),
  MULTIPLE_TAGS: t('一个节点有多个标签', 'a node with several tags'),
  NON_STRING_KEY: t('键必须是文本', 'keys must be text'),
  TAG_RESOLVE_FAILED: t('标签无法解析', 'the tag cannot be resolved'),
  UNEXPECTED_TOKEN: t('此处出现了意外的内容', 'unexpected content here'),
  BAD_COLLECTION_TYPE: t('集合类型不正确', 'wrong collection type'),
};

/** Words used inside messages and reports: argument values, severities, summaries, CLI status lines. */
export const TERMS = {
  // value types, as the schema names them
  typeString: t('文本', 'text'),
  typeInteger: t('整数', 'an integer'),
  typeNumber: t('数字', 'a number'),
  typeBoolean: t('true 或 false', 'true or false'),
  typeArray: t('列表', 'a list'),
  typeObject: t('键值映射', 'a mapping'),
  typeNull: t('空值', 'null'),
  typeScalar: t('单个值', 'a single value'),
  // document kinds
  kindMatter: t('事项', 'matter'),
  kindBundle: t('一件事', 'bundle'),
  kindList: t('清单', 'list'),
  kindDepartment: t('部门', 'department'),
  kindLaw: t('法律法规', 'law'),
  kindMaterial: t('材料', 'material'),
  kindField: t('数据元', 'field'),
  // why a document was left out of the cross-document checks (MC6040)
  faultSchema: t('结构错误', 'schema errors'),
  faultLink: t('引用错误', 'reference errors'),
  faultSyntax: t('语法错误', 'syntax errors'),
  // reasons a file cannot be read
  readPermission: t('没有读取权限', 'permission denied'),
  readVanished: t('文件已不存在（检查期间被删除？）', 'the file no longer exists (deleted while checking?)'),
  readIsDirectory: t('这是目录', 'it is a directory'),
  readSystem: t('系统错误 {code}', 'system error {code}'),
  readSpecialFile: t(
    '这不是普通文件（设备、管道或套接字）',
    'it is not a regular file (a device, pipe or socket)',
  ),
  // codes
  unknownTypeCode: t('未知的类型代码', 'an unknown type code'),
  unknownLevel: t('未知层级', 'an unknown level'),
  lawTitleQuoted: t('《{title}》', ' ({title})'),
  // severities
  fatal: t('无法运行', 'fatal'),
  error: t('错误', 'error'),
  warning: t('警告', 'warning'),
  info: t('提示', 'info'),
  // pretty output
  hintPrefix: t('提示：', 'hint: '),
  relatedPrefix: t('相关：', 'related: '),
  summary: t(
    '检查了 {files} 个文件、{documents} 个文档：{counts}。',
    '{counts} in {files} file(s), {documents} document(s).',
  ),
  countErrors: t('{n} 个错误', '{n} error(s)'),
  countWarnings: t('{n} 个警告', '{n} warning(s)'),
  countInfos: t('{n} 个提示', '{n} note(s)'),
  // CLI
  buildDone: t(
    '已生成 {n} 个文件到 {dir}（{warnings} 个警告）。',
    'Built {n} files into {dir} ({warnings} warning(s)).',
  ),
  buildSeeWarnings: t('运行 matterc check 查看这些警告。', ' Run matterc check to see them.'),
  buildNotWritten: t(
    '因有错误，未写出 {dir}：其中原有内容保持不变。',
    'Because of the errors nothing was written to {dir}: what it held is unchanged.',
  ),
  initKept: t(
    '保留了 {n} 个已有文件（未覆盖）：{files}',
    'Kept {n} existing file(s) as they were (not overwritten): {files}',
  ),
  placeInput: t('输入路径 {path}', 'the input path {path}'),
  placeSources: t('源文件目录 {path}', 'the source folder {path}'),
  placeCwd: t('当前目录', 'the working directory'),
  placeHome: t('主目录', 'the home directory'),
  placeTool: t(' matterc 自身的程序文件', 'matterc’s own files'),
  placeGit: t(' git 仓库 {path}', 'the git repository {path}'),
  placeProject: t('项目根目录 {path}', 'the project root {path}'),
  placeGitDir: t(' git 的内部目录 {path}', 'git’s own directory {path}'),
  schemaWritten: t('已写出 {n} 个模式文件到 {dir}', 'Wrote {n} schemas to {dir}'),
  initDone: t(
    '已在 {dir} 创建 {n} 个文件。下一步：cd {dir} && npm install && npm run check',
    'Created {n} files in {dir}. Next: cd {dir} && npm install && npm run check',
  ),
  whatToDo: t('怎么办：', 'What to do: '),
  regionDigits: t('6 位数字', '6 digits'),
  calendarDate: t('实际存在的日期，写作 YYYY-MM-DD', 'a real day written YYYY-MM-DD'),
  nonEmptyPath: t('非空的路径', 'a non-empty path'),
  existingDirectory: t('已存在的目录', 'an existing directory'),
  argumentNul: t('含有 NUL 字符', 'it contains a NUL character'),
  optionDidYouMean: t('；是否指 {name}？', '; did you mean {name}?'),
  positiveNumber: t('大于 0 的数', 'a number above 0'),
  // condition value types
  valueString: t('文本', 'text'),
  valueNumber: t('数字', 'a number'),
  valueBoolean: t('是/否', 'a boolean'),
  valueDate: t('日期', 'a date'),
  valueDuration: t('时长', 'a duration'),
  valueMoney: t('金额', 'money'),
  fieldPath: t('字段路径', 'a field path'),
  fieldWord: t('字段', 'field'),
  sameComponents: t('组成事项相同', 'has the same components as'),
  similarName: t('名称几乎相同', 'has nearly the same name as'),
  feeItemSuffix: t('“{name}”', ' "{name}"'),
  elementComponents: t('组成事项', 'components'),
  elementPromisedLimit: t('承诺办结时限', 'promised limit'),
  elementVisits: t('到现场次数', 'on-site visits'),
  elementEligible: t('申请资格', 'eligibility'),
  elementMaterials: t('必要材料', 'required materials'),
  elementSteps: t('办理环节', 'steps'),
  elementPresent: t('组成事项', 'component'),
  noSuchMatter: t('（无此事项）', '(no such matter)'),
  compareHeading: t('同一件事不同标准：{name}', 'One thing, different standards: {name}'),
  compareElement: t('要素', 'element'),
  compareDiffers: t('不同', 'differs'),
  compareSame: t('各地相同的 {n} 项未列出。', '{n} element(s) that agree everywhere are not listed.'),
  whyHeading: t('{item} › {path}', '{item} › {path}'),
  whyUnset: t('未设定（沿用上级）', 'not set (inherited)'),
  whyEffective: t('生效值：{value}（{where}）', 'Effective value: {value} ({where})'),
  whyNone: t('没有任何一层设定该值', 'no layer sets this value'),
  reportTitle: t('重点事项清单报告：{name}', 'Key-matter list report: {name}'),
  reportCoverage: t('覆盖上级国家清单', 'Coverage of the national lists'),
  reportCoverageOf: t(
    '{name}（收录 {known} 项，发布 {published} 项）',
    '{name} ({known} item(s) recorded, {published} published)',
  ),
  reportNationalItem: t('国家清单事项', 'national item'),
  baselineTitle: t('国家基线：“高效办成一件事”重点事项清单', 'National baseline: the key-matter lists'),
  baselineTotal: t(
    '国家清单共 {lists} 批，发布 {published} 项，本基线收录 {known} 项。',
    '{lists} national list(s): {published} item(s) published, {known} recorded in this baseline.',
  ),
  baselineDocument: t('来源文件：{document}', 'Source document: {document}'),
  baselineColumns: t('事项|服务对象|来源', 'item|audience|source'),
  baselineInferred: t('推断', 'inferred'),
  reportImplementedBy: t('本地实施', 'implemented by'),
  reportMissing: t('未实施', 'missing'),
  reportConflicts: t('细化问题', 'Refinement problems'),
  reportNone: t('无。', 'None.'),
  reportWaivers: t('豁免', 'Waivers'),
  reportWaiverColumns: t(
    '标识|代码|对象|条目|批准文号|批准机关|到期日|状态',
    'id|code|subject|item|document|approver|expires|status',
  ),
  reportWaiverInForce: t('有效', 'in force'),
  reportWaiverExpired: t('已过期', 'expired'),
  reportWaiverUnused: t('未对应任何问题', 'matches nothing'),
  reportMetrics: t('改革成效（由数据计算）', 'Reform metrics (computed from the data)'),
  reportMetricColumns: t(
    '一件事|申请表|表单字段|申请材料|办理环节|到现场次数|办理时间',
    'bundle|forms|fields|materials|steps|visits|time',
  ),
  reportTotal: t('合计', 'total'),
  reportIncomplete: t('数据不全', 'incomplete'),
  plain: t('{x}', '{x}'),
  parenthesized: t('（{x}）', ' ({x})'),
  instant: t('即办', 'on the spot'),
  hours: t('{n}小时', '{n} h'),
  days: t('{n}日', '{n} day(s)'),
  daysHours: t('{d}日{h}小时', '{d} day(s) {h} h'),
  hoursRange: t('{from}至{to}', '{from} to {to}'),
  atLeast: t('至少 {x}', 'at least {x}'),
  citeTrailing: t('多余的内容“{x}”', 'unexpected trailing text "{x}"'),
  citeNoNumber: t('“第”后缺少序号', 'no number after 第'),
  citeNoUnit: t('“{x}”后缺少“条”“款”“项”或“目”', '"{x}" lacks 条, 款, 项 or 目'),
  citeNoTitle: t('缺少法规名称或文号', 'no law title or document number'),
  citeIncomplete: t('引用不完整', 'the citation is incomplete'),
  citeUnexpected: t('此处不应有“{x}”', 'unexpected "{x}"'),
  citeBadChar: t('无法识别的“{x}”', 'unrecognised "{x}"'),
  citeUnclosed: t('“{open}”没有对应的“{close}”', '"{open}" has no matching "{close}"'),
  citeTooDeep: t('括号嵌套过深', 'parentheses nested too deeply'),
  citeMore: t('此后另有{n}处问题', '{n} more problem(s) after this'),
  citeInternal: t('内部错误：{e}', 'internal error: {e}'),
  citeEmptyTitle: t('书名号内没有法规名称', 'nothing between 《 and 》'),
  citeBadNumber: t('“{x}”不是有效的数字', '"{x}" is not a valid number'),
  citeOrder: t(
    '“{x}”的位置不对：条、款、项、目须依次各写一次',
    '"{x}" is out of place: 条, 款, 项 and 目 come once each, in that order',
  ),
  citeAnnexItem: t('附件中的条目应写作“第N项”', 'an annex entry is written 第N项'),
  absentField: t('{path} 未填写', '{path} absent'),
  expectedSuffix: t('，缺少“{expected}”', ': "{expected}" is missing'),
  // citation irregularities
  irregularBrackets: t('文号应使用六角括号〔〕', 'document numbers use 〔〕'),
  irregularArabic: t('条款序号应使用中文数字', 'articles and paragraphs use Chinese numerals'),
  irregularNoQuotes: t('法规名称应加书名号《》', 'the title belongs in 《》'),
  irregularShortTitle: t('应写法规全称', 'the full title is expected'),
  // ── output formats
  baselinedMarker: t('[已记入基线]', '[baselined]'),
  countBaselined: t('{n} 个已记入基线', '{n} baselined'),
  // ── diff
  diffDocumentAdded: t('新增{kind}“{name}”', 'New {kind} "{name}"'),
  diffDocumentRemoved: t('删除{kind}“{name}”', '{kind} "{name}" removed'),
  diffWording: t('{element}的文字由“{from}”改为“{to}”', 'Wording of {element}: "{from}" → "{to}"'),
  diffOther: t('{element}由“{from}”改为“{to}”', '{element}: "{from}" → "{to}"'),
  diffOrder: t('{element}的顺序调整', 'Order of {element} changed'),
  diffFormatting: t('仅注释、空行或书写格式变化', 'Only comments, blank lines or layout changed'),
  diffMaterialAdded: t('新增{necessity}材料“{name}”', 'New {necessity} material "{name}"'),
  diffOptionalMaterialAdded: t('新增{necessity}材料“{name}”', 'New {necessity} material "{name}"'),
  diffMaterialRemoved: t('删除材料“{name}”', 'Material "{name}" removed'),
  diffMaterialReplaced: t('材料“{from}”换成“{to}”', 'Material "{from}" replaced by "{to}"'),
  diffNecessity: t('材料“{name}”由“{from}”改为“{to}”', 'Material "{name}": {from} → {to}'),
  diffCopies: t(
    '材料“{name}”的{element}由 {from} 份改为 {to} 份',
    'Material "{name}": {element} {from} → {to}',
  ),
  diffMaterialWhen: t(
    '材料“{name}”的适用情形由“{from}”改为“{to}”',
    'Material "{name}" applies when "{from}" → "{to}"',
  ),
  diffMaterialShared: t(
    '材料“{name}”的{element}由否改为是，申请人无需自行提交',
    'Material "{name}": {element} now yes, so applicants need not bring it',
  ),
  diffMaterialNotShared: t(
    '材料“{name}”的{element}由是改为否，申请人需要自行提交',
    'Material "{name}": {element} now no, so applicants must bring it',
  ),
  diffStepAdded: t('新增办理环节“{name}”', 'New step "{name}"'),
  diffStepRemoved: t('删除办理环节“{name}”', 'Step "{name}" removed'),
  diffStepLimit: t('“{name}”的时限由 {from} 改为 {to}', 'Time limit of "{name}": {from} → {to}'),
  diffStepWhen: t(
    '环节“{name}”的适用情形由“{from}”改为“{to}”',
    'Step "{name}" applies when "{from}" → "{to}"',
  ),
  diffConditionAdded: t('新增受理条件：{text}', 'New acceptance condition: {text}'),
  diffConditionRemoved: t('删除受理条件：{text}', 'Acceptance condition removed: {text}'),
  diffConditionWhen: t(
    '受理条件“{name}”的适用情形由“{from}”改为“{to}”',
    'Condition "{name}" applies when "{from}" → "{to}"',
  ),
  diffEligible: t('申请条件由“{from}”改为“{to}”', 'Eligibility: "{from}" → "{to}"'),
  diffEveryone: t('所有申请人', 'every applicant'),
  diffFieldAdded: t('新增必填信息项“{name}”', 'New required form field "{name}"'),
  diffOptionalFieldAdded: t('新增选填信息项“{name}”', 'New optional form field "{name}"'),
  diffFieldRemoved: t('删除信息项“{name}”', 'Form field "{name}" removed'),
  diffFieldNowRequired: t('信息项“{name}”改为必填', 'Form field "{name}" is now required'),
  diffFieldNowOptional: t('信息项“{name}”改为选填', 'Form field "{name}" is now optional'),
  diffFieldWhen: t(
    '信息项“{name}”的适用情形由“{from}”改为“{to}”',
    'Form field "{name}" applies when "{from}" → "{to}"',
  ),
  diffSpecialAdded: t('新增特别程序“{name}”', 'New special procedure "{name}"'),
  diffSpecialRemoved: t('删除特别程序“{name}”', 'Special procedure "{name}" removed'),
  diffBasisAdded: t('新增依据：{citation}', 'New legal basis: {citation}'),
  diffBasisRemoved: t('删除依据：{citation}', 'Legal basis removed: {citation}'),
  diffFaqAdded: t('新增常见问题：{text}', 'New FAQ: {text}'),
  diffFaqRemoved: t('删除常见问题：{text}', 'FAQ removed: {text}'),
  diffLimit: t('{element}由 {from} 改为 {to}', '{element}: {from} → {to}'),
  diffVisits: t('到办事现场次数由 {from} 次改为 {to} 次', 'Visits in person: {from} → {to}'),
  diffFeeNowCharged: t('由不收费改为收费', 'Now charged (was free)'),
  diffFeeNowFree: t('由收费改为不收费', 'Now free (was charged)'),
  diffFeeItemAdded: t('新增收费项目“{name}”（{standard}）', 'New fee "{name}" ({standard})'),
  diffFeeItemRemoved: t('删除收费项目“{name}”', 'Fee "{name}" removed'),
  diffFeeStandard: t('收费项目“{name}”的标准由“{from}”改为“{to}”', 'Fee "{name}": "{from}" → "{to}"'),
  diffOptionsLost: t('{element}不再包含：{options}', '{element} no longer offers: {options}'),
  diffOptionsGained: t('{element}新增：{options}', '{element} now also offers: {options}'),
  diffFullyOnlineLost: t('不再全程网办', 'No longer fully online'),
  diffFullyOnlineGained: t('改为全程网办', 'Now fully online'),
  diffComponentAdded: t('新增组成事项“{name}”（集成办理）', 'New component "{name}" (integrated)'),
  diffComponentRemoved: t(
    '删除组成事项“{name}”，申请人需另行办理',
    'Component "{name}" removed: applicants must apply for it separately',
  ),
  diffComponentNowRequired: t('组成事项“{name}”由可选改为必办', 'Component "{name}" is now mandatory'),
  diffComponentNowOptional: t('组成事项“{name}”由必办改为可选', 'Component "{name}" is now optional'),
  diffComponentMatter: t(
    '组成事项“{name}”改用事项 {to}（原为 {from}）',
    'Component "{name}" now uses matter {to} (was {from})',
  ),
  diffComponentWhen: t(
    '组成事项“{name}”的适用情形由“{from}”改为“{to}”',
    'Component "{name}" applies when "{from}" → "{to}"',
  ),
  diffItemAdded: t('清单新增“{name}”', 'New list item "{name}"'),
  diffNationalItemDropped: t('删除了{list}中的“{name}”', '"{name}" of {list} dropped'),
  diffLocalItemDropped: t('删除本地清单条目“{name}”', 'Local list item "{name}" removed'),
  diffItemBundle: t(
    '“{name}”改由一件事 {to} 办理（原为 {from}）',
    '"{name}" is now served by bundle {to} (was {from})',
  ),
  diffItemImplemented: t(
    '本清单改为自行细化“{name}”（{bundle}）',
    'The list now implements "{name}" itself ({bundle})',
  ),
  diffWaiverAdded: t('新增豁免 {id}（{code}，{subject}）', 'New waiver {id} ({code}, {subject})'),
  diffWaiverRemoved: t('删除豁免 {id}', 'Waiver {id} removed'),
  diffClassBurdenIncreased: t('加重负担', 'Burden increased'),
  diffClassBurdenReduced: t('减轻负担', 'Burden reduced'),
  diffClassNeutral: t('中性', 'Neutral'),
  diffClassEditorial: t('文字性', 'Editorial'),
  diffTitle: t('清单变更审查：{base} → {head}', 'List change review: {base} → {head}'),
  diffVerdictFail: t(
    '**结论：不能合并。** 有 {n} 项未豁免的改动达到 `--fail-on {failOn}`。',
    '**Verdict: do not merge.** {n} unwaived changes reach `--fail-on {failOn}`.',
  ),
  diffVerdictPass: t(
    '**结论：可以合并。** 没有未豁免的改动达到 `--fail-on {failOn}`。',
    '**Verdict: mergeable.** No unwaived change reaches `--fail-on {failOn}`.',
  ),
  diffVerdictIncomplete: t(
    '**结论：不能合并。** 有 {n} 个文件未能比较（已在报告中列出），其中的改动无法判定。',
    '**Verdict: do not merge.** {n} files could not be compared (listed in this report); their changes cannot be judged.',
  ),
  diffNotComparedTitle: t('未能比较的文档', 'Documents not compared'),
  diffSide: t('版本', 'Revision'),
  diffFile: t('文件', 'File'),
  diffProblems: t('问题', 'Problems'),
  diffNoChanges: t('两个版本在含义上没有差别。', 'The two revisions mean the same.'),
  diffCount: t('数量', 'Count'),
  diffClass: t('类别', 'Class'),
  diffChange: t('改动', 'Change'),
  diffWhere: t('对象', 'Subject'),
  diffBefore: t('变更前', 'Before'),
  diffAfter: t('变更后', 'After'),
  diffWaivedBy: t(
    '已豁免：{waiver}（{document}，至 {expires}）',
    'waived: {waiver} ({document}, until {expires})',
  ),
  diffWaivedCount: t('其中 {n} 项已豁免', '{n} waived'),
  diffSummary: t(
    '{increased} 项加重负担（{waived} 项已豁免），{reduced} 项减轻负担，{neutral} 项中性，{editorial} 项文字性',
    '{increased} burden increased ({waived} waived), {reduced} reduced, {neutral} neutral, {editorial} editorial',
  ),
  diffBaseSide: t('基准版本', 'base'),
  diffWorkingTree: t('工作区', 'working tree'),
  diffHeadSide: t('新版本', 'head'),
  // ── fmt
  fmtChangeOrder: t('键的顺序', 'key order'),
  fmtChangeDuration: t('时限写法', 'durations'),
  fmtChangeCitation: t('依据引用格式', 'citations'),
  fmtChangePunctuation: t('中文标点', 'punctuation'),
  fmtChangeWhitespace: t('行尾空白', 'trailing whitespace'),
  fmtWritten: t('已格式化 {path}（{changes}）', 'Formatted {path} ({changes})'),
  fmtSummaryWrite: t(
    '共 {files} 个文件：格式化了 {changed} 个，{failed} 个无法格式化',
    '{files} files: {changed} formatted, {failed} could not be formatted',
  ),
  fmtSummaryCheck: t(
    '共 {files} 个文件：{changed} 个需要格式化，{failed} 个无法格式化',
    '{files} files: {changed} need formatting, {failed} could not be formatted',
  ),
  // ── baselines
  watching: t(
    '正在监视文件变化，保存后自动重新检查（Ctrl+C 退出）…',
    'Watching for changes; saving a file checks again (Ctrl+C to stop)…',
  ),
  watchRerun: t(
    '重新检查：解析 {parsed} 个文件，复用 {reused} 个，用时 {ms} 毫秒',
    'Checked again: {parsed} files parsed, {reused} reused, {ms} ms',
  ),
  baselineWritten: t('已把 {n} 个问题写入基线 {file}', 'Wrote {n} problems to the baseline {file}'),
} as const satisfies Record<string, Text>;

/** Wording of the generated pages and BPMN diagrams (site views, process diagrams, application forms). */
export const PAGE = {
  siteTitle: t('办事指南', 'Service guide'),
  other: t('其他', 'other'),
  unknown: t('未知', 'unknown'),
  conditionAnd: t(' 且 ', ' and '),
  conditionOrElse: t('；或 ', '; or '),
  originals: t('原件 {n} 份', '{n} original(s)'),
  copies: t('复印件 {n} 份', '{n} copy(ies)'),
  materialRequired: t('必要', 'required'),
  materialOptional: t('非必要', 'optional'),
  usedFor: t('用于：{names}', 'used for: {names}'),
  feeCharged: t('收费：{items}', 'charged: {items}'),
  feeItem: t('{name}（{standard}）', '{name} ({standard})'),
  feeSeeMatter: t('见事项', 'see the matter'),
  feeFree: t('不收费', 'free'),
  reasonProduced: t(
    '由本一件事的其他事项产生，内部流转',
    'produced by another matter of this bundle and passed on internally',
  ),
  reasonELicense: t('调取电子证照，无需提交', 'taken from the electronic licence library; not submitted'),
  reasonShareable: t(
    '通过政务数据共享获取，无需提交',
    'obtained through government data sharing; not submitted',
  ),
  reasonIssuedInBundle: t(
    '由本一件事中的核发部门直接获取',
    'obtained directly from the issuing department of this bundle',
  ),
  metricForms: t('申请表', 'application forms'),
  metricFields: t('填报字段', 'form fields'),
  metricMaterials: t('申请材料', 'materials'),
  metricSteps: t('办理环节', 'steps'),
  metricVisits: t('跑动次数', 'visits'),
  metricTime: t('办理时间', 'processing time'),
  // BPMN
  laneIntake: t('一窗受理', 'single-window intake'),
  laneSupervision: t('电子监察', 'electronic supervision'),
  unknownDepartment: t('未指定部门', 'department not given'),
  bpmnSubmit: t('申请人提交申请', 'the applicant applies'),
  bpmnIntake: t('一窗受理', 'single-window intake'),
  bpmnDeliver: t('统一出件', 'results delivered together'),
  bpmnEnd: t('办结', 'done'),
  bpmnJoin: t('汇合', 'join'),
  bpmnFork: t('分发', 'fork'),
  bpmnParallelFork: t('并联分发', 'parallel fork'),
  bpmnParallelJoin: t('并联汇合', 'parallel join'),
  bpmnTimeout: t('超时（{limit}）', 'overdue ({limit})'),
  bpmnEscalate: t('超时督办：{name}', 'overdue follow-up: {name}'),
  bpmnEscalated: t('督办完成', 'follow-up done'),
  bpmnYes: t('是：{condition}', 'yes: {condition}'),
  bpmnNo: t('否', 'no'),
  // Application forms (forms/<bundle>.html and .schema.json); `{title}` is a field's name
  formTitle: t('{name} — 一表申请', '{name} — single application form'),
  formIntro: t(
    '一表申请：填写一次，即可同时申请本件事包含的各个事项。带 {mark} 的为必填项；部分字段按您的回答显示或隐藏。',
    'Single application form: fill it in once to apply for every matter of this bundle. Fields marked {mark} are required; some fields show or hide depending on your answers.',
  ),
  formFixThese: t('请修改以下问题', 'Please correct the following'),
  formSubmit: t('生成申请数据', 'Produce the application data'),
  formOutputTitle: t('申请数据（JSON）', 'Application data (JSON)'),
  formDownload: t('下载 JSON 文件', 'Download the JSON file'),
  formRequiredMark: t('（必填）', ' (required)'),
  formChoose: t('请选择', 'Please choose'),
  formYes: t('是', 'Yes'),
  formNo: t('否', 'No'),
  formUnit: t('单位：{unit}', 'unit: {unit}'),
  formUnitYuan: t('单位：元', 'unit: yuan'),
  formShowWhen: t('在满足“{condition}”时填写', 'fill in when “{condition}” holds'),
  formRequiredWhen: t('“{condition}”时必填', 'required when “{condition}” holds'),
  formHelpSeparator: t('；', '; '),
  formMissing: t('请填写“{title}”', 'Please fill in “{title}”'),
  formNotInteger: t('“{title}”应为整数', '“{title}” must be a whole number'),
  formNotNumber: t('“{title}”应为数字', '“{title}” must be a number'),
  formNotDate: t('“{title}”应为日期（年-月-日）', '“{title}” must be a date (year-month-day)'),
  formNotOption: t('“{title}”应为可选值之一', '“{title}” must be one of the options'),
  formBadFormat: t('“{title}”格式不正确', '“{title}” is not in the right format'),
  formBadFormatExpected: t(
    '“{title}”格式不正确：应为{expected}',
    '“{title}” is not in the right format: expected {expected}',
  ),
  formatIdNumber: t(
    '18位公民身份号码，末位为GB 11643校验码（0–9或X）',
    '18-character citizen identity number ending in its GB 11643 check character (0–9 or X)',
  ),
  formatUscc: t(
    '18位统一社会信用代码，末位为GB 32100校验码',
    '18-character unified social credit code ending in its GB 32100 check character',
  ),
  formatMobile: t('11位手机号码，以1开头', '11-digit mobile number starting with 1'),
  formatLandline: t('固定电话号码，如 0760-88888888', 'landline number, such as 0760-88888888'),
  formatPostcode: t('6位数字邮政编码', '6-digit postcode'),
  formatDivision: t('6位或12位行政区划代码', '6- or 12-digit administrative division code'),
  formatEmail: t('电子邮箱地址，如 name@example.cn', 'email address, such as name@example.cn'),
  formSchemaTitle: t('{name}（一表申请）', '{name} (single application form)'),
  formSchemaDescription: t(
    '一件事“{name}”（{bundle}）的合并申请数据；公民身份号码、统一社会信用代码格式含校验位。',
    'The merged application data of the bundle “{name}” ({bundle}); citizen identity numbers and unified social credit codes include their check characters.',
  ),
  formConditionNotInSchema: t(
    '“{title}”（{path}）在“{condition}”时必填，JSON Schema 无法表达该条件，按选填处理。',
    '“{title}” ({path}) is required when “{condition}” holds, which JSON Schema cannot express; treated as optional.',
  ),
  formRequiredWhenComment: t('{path}：{condition} 时必填', '{path}: required when {condition}'),
  formNoteUnparsed: t(
    '某个使用该字段的条件无法解析，按始终显示处理。',
    'A condition of a use of this field does not parse; the field is always shown.',
  ),
  formNoteShowSelf: t(
    '显示条件“{condition}”引用字段本身，表单始终显示该字段。',
    'The display condition “{condition}” refers to the field itself; the form always shows the field.',
  ),
  formNoteRequiredSelf: t(
    '必填条件“{condition}”引用字段本身，按选填处理。',
    'The condition “{condition}” that makes the field required refers to the field itself; treated as optional.',
  ),
} as const satisfies Record<string, Text>;
