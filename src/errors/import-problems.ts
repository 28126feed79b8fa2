import type { HandWrittenMessages } from './catalogue.ts';
import { fillPlaceholders } from './template.ts';

/**
 * What can be wrong with a trade file being imported: a row (`IMPORT_ROW_INVALID`), the column mapping or the file
 * as a whole (`IMPORT_FILE_INVALID`). The code is stable for programs; the messages are the reason shown to people,
 * in English on the command line and in rejects files, in the request's language over the API.
 */
export interface ImportProblemDefinition {
  scope: 'row' | 'mapping' | 'file';
  /** The placeholders of the messages, each a value the problem is reported with. */
  params: readonly string[];
  messages: HandWrittenMessages;
}

export const importProblemCatalogue = {
  NOT_A_YEAR: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is not a year',
      ru: '«{value}» — не год',
      'zh-Hans': '“{value}”不是年份',
    },
  },
  NOT_A_MONTH: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is not a month (1–12)',
      ru: '«{value}» — не месяц (1–12)',
      'zh-Hans': '“{value}”不是月份（1–12）',
    },
  },
  NOT_A_PERIOD: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is neither YYYY nor YYYYMM',
      ru: '«{value}» не имеет вида ни YYYY, ни YYYYMM',
      'zh-Hans': '“{value}”既不是 YYYY 也不是 YYYYMM',
    },
  },
  NOT_A_NUMBER: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is not a number',
      ru: '«{value}» — не число',
      'zh-Hans': '“{value}”不是数字',
    },
  },
  NEGATIVE_VALUE: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is negative',
      ru: '«{value}» — отрицательное значение',
      'zh-Hans': '“{value}”是负数',
    },
  },
  VALUE_TOO_LARGE: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: 'the value {value} US dollars is beyond what a trade record can hold',
      ru: 'значение {value} долларов США больше, чем может вместить торговая запись',
      'zh-Hans': '金额 {value} 美元超出贸易记录所能容纳的范围',
    },
  },
  UNKNOWN_AREA_CODE: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is not a country or area code',
      ru: '«{value}» не является кодом страны или территории',
      'zh-Hans': '“{value}”不是国家或地区代码',
    },
  },
  UNKNOWN_BACI_COUNTRY: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: 'country code "{value}" is not in the BACI country codes file',
      ru: 'кода страны «{value}» нет в файле кодов стран BACI',
      'zh-Hans': '国家代码“{value}”不在 BACI 国家代码文件中',
    },
  },
  NOT_AN_HS_CODE: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is not an HS code or TOTAL',
      ru: '«{value}» не является кодом ГС (HS) или TOTAL',
      'zh-Hans': '“{value}”不是 HS 编码或 TOTAL',
    },
  },
  NOT_A_FLOW: {
    scope: 'row',
    params: ['value'],
    messages: {
      en: '"{value}" is not a flow (export, import, re-export, re-import, X, M, RX, RM)',
      ru: '«{value}» не является направлением торговли (export, import, re-export, re-import, X, M, RX, RM)',
      'zh-Hans': '“{value}”不是贸易流向（export、import、re-export、re-import、X、M、RX、RM）',
    },
  },
  COLUMN_MISSING: {
    scope: 'row',
    params: [],
    messages: {
      en: 'column missing from the header',
      ru: 'столбца нет в заголовке',
      'zh-Hans': '表头中没有该列',
    },
  },
  FIELD_COUNT: {
    scope: 'row',
    params: ['expected', 'found'],
    messages: {
      en: 'expected {expected} fields as in the header, found {found}',
      ru: 'ожидалось полей, как в заголовке: {expected}, найдено: {found}',
      'zh-Hans': '应与表头一样有 {expected} 个字段，实际有 {found} 个',
    },
  },
  MALFORMED_CSV: {
    scope: 'row',
    params: ['detail'],
    messages: {
      en: 'the CSV is malformed: {detail}',
      ru: 'нарушен формат CSV: {detail}',
      'zh-Hans': 'CSV 格式有误：{detail}',
    },
  },
  UNREADABLE: {
    scope: 'row',
    // The detail is an English sentence of its own, so English needs nothing around it.
    params: ['detail'],
    messages: {
      en: '{detail}',
      ru: 'строку не удаётся прочитать: {detail}',
      'zh-Hans': '无法读取该行：{detail}',
    },
  },
  UNKNOWN_MAPPING_FIELD: {
    scope: 'mapping',
    params: ['expected'],
    messages: {
      en: 'unknown mapping field; expected {expected}',
      ru: 'неизвестное поле сопоставления; ожидается одно из: {expected}',
      'zh-Hans': '未知的映射字段，应为以下之一：{expected}',
    },
  },
  MAPPING_FIELD_REQUIRED: {
    scope: 'mapping',
    params: [],
    messages: {
      en: 'the column mapping must name this field',
      ru: 'сопоставление столбцов должно указывать это поле',
      'zh-Hans': '列映射必须指定此字段',
    },
  },
  VALUE_SCALE_OUT_OF_RANGE: {
    scope: 'mapping',
    params: [],
    messages: {
      en: 'must be a power of ten from 0 to 9',
      ru: 'должен быть степенью десяти от 0 до 9',
      'zh-Hans': '必须是 0 到 9 之间的十的幂次',
    },
  },
  UNKNOWN_LAYOUT: {
    scope: 'file',
    params: [],
    messages: {
      en: 'the header matches neither UN Comtrade nor BACI; import it as a plain CSV with a column mapping',
      ru: 'заголовок не соответствует ни UN Comtrade, ни BACI; импортируйте файл как обычный CSV с сопоставлением столбцов',
      'zh-Hans': '表头既不符合 UN Comtrade 也不符合 BACI，请作为普通 CSV 并附上列映射导入',
    },
  },
  FORMAT_MISMATCH: {
    scope: 'file',
    params: ['format', 'layout'],
    messages: {
      en: 'the format {format} was named but the header is that of {layout}',
      ru: 'указан формат {format}, но заголовок соответствует {layout}',
      'zh-Hans': '指定的格式为 {format}，但表头属于 {layout}',
    },
  },
  BACI_COUNTRY_CODES_MISSING: {
    scope: 'file',
    params: [],
    messages: {
      en: 'a BACI file needs its country_codes_V*.csv beside it',
      ru: 'файлу BACI нужен его country_codes_V*.csv',
      'zh-Hans': 'BACI 文件需要附带其 country_codes_V*.csv',
    },
  },
  COLUMN_MAPPING_MISSING: {
    scope: 'file',
    params: [],
    messages: {
      en: 'a plain CSV needs a column mapping (year=…,reporter=…,partner=…,flow=…,value=…)',
      ru: 'обычному CSV нужно сопоставление столбцов (year=…,reporter=…,partner=…,flow=…,value=…)',
      'zh-Hans': '普通 CSV 需要列映射（year=…,reporter=…,partner=…,flow=…,value=…）',
    },
  },
  EMPTY_FILE: {
    scope: 'file',
    params: [],
    messages: {
      en: 'the file is empty',
      ru: 'файл пуст',
      'zh-Hans': '文件为空',
    },
  },
} as const satisfies Record<string, ImportProblemDefinition>;

export type ImportProblemCode = keyof typeof importProblemCatalogue;

export const IMPORT_PROBLEM_CODES = Object.keys(importProblemCatalogue) as ImportProblemCode[];

export type ImportProblemParams<C extends ImportProblemCode> = { [P in (typeof importProblemCatalogue)[C]['params'][number]]: string | number };

/** One problem: its code and the values its messages name. */
export type ImportProblem = { [C in ImportProblemCode]: { code: C; params: ImportProblemParams<C> } }[ImportProblemCode];

/** A problem as positional arguments, `'NOT_A_YEAR', { value }`; the params of a problem that has none may be left out. */
export type ImportProblemArgs = {
  [C in ImportProblemCode]: keyof ImportProblemParams<C> extends never ? [code: C, params?: ImportProblemParams<C>] : [code: C, params: ImportProblemParams<C>];
}[ImportProblemCode];

export function isImportProblemCode(value: unknown): value is ImportProblemCode {
  return typeof value === 'string' && Object.hasOwn(importProblemCatalogue, value);
}

export function importProblem(...[code, params]: ImportProblemArgs): ImportProblem {
  return { code, params: params ?? {} } as ImportProblem;
}

/** The codes of one scope, for documentation. */
export function importProblemCodes(...scopes: ImportProblemDefinition['scope'][]): ImportProblemCode[] {
  return IMPORT_PROBLEM_CODES.filter((code) => (scopes as string[]).includes(importProblemCatalogue[code].scope));
}

/** The English reason, as the command line and the rejects file give it. */
export function importProblemReason(problem: ImportProblem): string {
  return fillPlaceholders(importProblemCatalogue[problem.code].messages.en, problem.params);
}

/** How an upload names a field of its `map` parameter before the problem with that field. */
export const mappingFieldMessages: HandWrittenMessages = {
  en: 'map, field {field}: {problem}',
  ru: 'map, поле {field}: {problem}',
  'zh-Hans': 'map 中的字段 {field}：{problem}',
};
