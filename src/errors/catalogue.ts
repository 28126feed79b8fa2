import { importProblemCodes } from './import-problems.ts';

/** A message written by hand in each language; zh-Hant is converted from zh-Hans. */
export interface HandWrittenMessages {
  en: string;
  ru: string;
  'zh-Hans': string;
}

/**
 * Every error code the API returns, with its HTTP status and message in each hand-written language.
 * zh-Hant messages are generated from zh-Hans with OpenCC. `docs/errors.md` is generated from this file.
 */
export interface ErrorDefinition {
  status: number;
  /** When a client meets this error, for the documentation. */
  when: string;
  messages: HandWrittenMessages;
}

const codeList = (codes: readonly string[]) => codes.map((code) => `\`${code}\``).join(', ');

export const errorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    when: 'The request does not match the route schema: a missing or malformed field, or a field the route does not know. `details` lists each problem with its path.',
    messages: {
      en: 'The request is invalid: {problem}',
      ru: 'Некорректный запрос: {problem}',
      'zh-Hans': '请求无效：{problem}',
    },
  },
  MALFORMED_BODY: {
    status: 400,
    when: 'The body is not valid JSON.',
    messages: {
      en: 'The request body is not valid JSON.',
      ru: 'Тело запроса не является корректным JSON.',
      'zh-Hans': '请求正文不是有效的 JSON。',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: 'The body has a content type other than `application/json` (or `multipart/form-data` on upload routes).',
    messages: {
      en: 'Content type {contentType} is not accepted here; send application/json (multipart/form-data for uploads).',
      ru: 'Тип содержимого {contentType} здесь не поддерживается; отправьте application/json (multipart/form-data для загрузки файлов).',
      'zh-Hans': '此处不接受内容类型 {contentType}，请发送 application/json（上传文件时为 multipart/form-data）。',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: 'The body exceeds the route limit.',
    messages: {
      en: 'The request body is too large.',
      ru: 'Тело запроса слишком велико.',
      'zh-Hans': '请求正文过大。',
    },
  },
  BAD_REQUEST: {
    status: 400,
    when: 'The HTTP request itself is malformed in a way no more specific code describes (a bad header, say).',
    messages: {
      en: 'The request cannot be processed: {reason}',
      ru: 'Запрос не может быть обработан: {reason}',
      'zh-Hans': '无法处理该请求：{reason}',
    },
  },
  NOT_FOUND: {
    status: 404,
    when: 'No route answers this method and path.',
    messages: {
      en: 'There is no {method} {path} in the API.',
      ru: 'В API нет {method} {path}.',
      'zh-Hans': 'API 中没有 {method} {path}。',
    },
  },
  NOT_AUTHENTICATED: {
    status: 401,
    when: 'The route needs a logged-in user and the request has no valid session cookie.',
    messages: {
      en: 'Please log in to do this.',
      ru: 'Войдите в систему, чтобы выполнить это действие.',
      'zh-Hans': '请先登录。',
    },
  },
  FORBIDDEN: {
    status: 403,
    when: "The user's role does not allow this action.",
    messages: {
      en: 'Your role ({role}) does not allow this action.',
      ru: 'Ваша роль ({role}) не позволяет выполнить это действие.',
      'zh-Hans': '您的角色（{role}）无权执行此操作。',
    },
  },
  CSRF_CHECK_FAILED: {
    status: 403,
    when: 'A state-changing request lacks the `X-CSRF-Token` header of its session, or comes from another origin.',
    messages: {
      en: 'The request failed the cross-site request check; reload the page and try again.',
      ru: 'Запрос не прошёл проверку межсайтовой подделки; обновите страницу и повторите попытку.',
      'zh-Hans': '请求未通过跨站请求校验，请刷新页面后重试。',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    when: 'Login with an unknown email or a wrong password (the two are not told apart).',
    messages: {
      en: 'The email or password is wrong.',
      ru: 'Неверный адрес электронной почты или пароль.',
      'zh-Hans': '邮箱或密码错误。',
    },
  },
  TOO_MANY_LOGIN_ATTEMPTS: {
    status: 429,
    when: 'Too many failed logins for this email or from this address in the last 15 minutes. `Retry-After` says when to try again.',
    messages: {
      en: 'Too many failed login attempts; try again in {minutes} minutes.',
      ru: 'Слишком много неудачных попыток входа; повторите через {minutes} мин.',
      'zh-Hans': '登录失败次数过多，请在 {minutes} 分钟后重试。',
    },
  },
  EMAIL_TAKEN: {
    status: 409,
    when: 'Registration or account creation with an email that already has an account.',
    messages: {
      en: 'An account with this email already exists.',
      ru: 'Учётная запись с этим адресом уже существует.',
      'zh-Hans': '该邮箱已注册。',
    },
  },
  INVALID_EMAIL: {
    status: 400,
    when: 'An email address without the form name@domain.',
    messages: {
      en: '{email} is not an email address.',
      ru: '{email} не является адресом электронной почты.',
      'zh-Hans': '{email} 不是有效的邮箱地址。',
    },
  },
  WEAK_PASSWORD: {
    status: 400,
    when: 'The password is shorter than 10 characters or is the email itself.',
    messages: {
      en: 'Choose a password of at least 10 characters that is not your email.',
      ru: 'Пароль должен содержать не менее 10 символов и не совпадать с адресом почты.',
      'zh-Hans': '密码至少 10 个字符，且不能与邮箱相同。',
    },
  },
  ORGANISATION_KIND_MISMATCH: {
    status: 400,
    when: 'The organisation kind does not fit the role: members belong to enterprises or agencies, providers to logistics, legal or financial providers.',
    messages: {
      en: 'An account with role {role} cannot belong to an organisation of kind {kind}.',
      ru: 'Учётная запись с ролью {role} не может принадлежать организации типа {kind}.',
      'zh-Hans': '角色为 {role} 的账户不能隶属于类型为 {kind} 的机构。',
    },
  },
  UNKNOWN_COUNTRY: {
    status: 400,
    when: 'A country code that is not an ISO 3166-1 alpha-3 code.',
    messages: {
      en: '{code} is not an ISO 3166-1 alpha-3 country code.',
      ru: '{code} не является кодом страны ISO 3166-1 alpha-3.',
      'zh-Hans': '{code} 不是 ISO 3166-1 三字母国家代码。',
    },
  },
  STATE_NOT_FOUND: {
    status: 404,
    when: 'The registry has no state with this ISO alpha-3 code.',
    messages: {
      en: 'The registry has no state {iso3}.',
      ru: 'В реестре нет государства {iso3}.',
      'zh-Hans': '名录中没有国家 {iso3}。',
    },
  },
  STATE_EXISTS: {
    status: 409,
    when: 'Adding a state that the registry already has.',
    messages: {
      en: 'The registry already has state {iso3}.',
      ru: 'Государство {iso3} уже есть в реестре.',
      'zh-Hans': '名录中已有国家 {iso3}。',
    },
  },
  STATUS_ENTRY_EXISTS: {
    status: 409,
    when: 'Adding a status entry identical in state, status and date to an existing one.',
    messages: {
      en: '{iso3} already has status {status} from {since}.',
      ru: 'У {iso3} уже есть статус {status} с {since}.',
      'zh-Hans': '{iso3} 自 {since} 起已有 {status} 身份。',
    },
  },
  INVALID_DATE: {
    status: 400,
    when: 'A date that is not a real calendar date in the form YYYY-MM-DD (or YYYY where a year alone is allowed).',
    messages: {
      en: '{value} is not a valid date.',
      ru: '{value} — некорректная дата.',
      'zh-Hans': '{value} 不是有效日期。',
    },
  },
  INVALID_PERIOD: {
    status: 400,
    when: 'An indicator period not of the form YYYY, YYYY-MM, YYYY-MM-DD or a range START/END of those, or a range that ends before it starts.',
    messages: {
      en: '{value} is not a valid period; use YYYY, YYYY-MM, YYYY-MM-DD or START/END.',
      ru: '{value} — некорректный период; используйте YYYY, YYYY-MM, YYYY-MM-DD или НАЧАЛО/КОНЕЦ.',
      'zh-Hans': '{value} 不是有效期间，请使用 YYYY、YYYY-MM、YYYY-MM-DD 或 起/止。',
    },
  },
  INDICATOR_NOT_FOUND: {
    status: 404,
    when: 'No reported indicator has this id.',
    messages: {
      en: 'No reported indicator has id {id}.',
      ru: 'Нет опубликованного показателя с идентификатором {id}.',
      'zh-Hans': '没有编号为 {id} 的公布指标。',
    },
  },
  INDICATOR_KEY_TAKEN: {
    status: 409,
    when: 'Adding an indicator whose key another indicator already has.',
    messages: {
      en: 'An indicator with key {key} already exists.',
      ru: 'Показатель с ключом {key} уже существует.',
      'zh-Hans': '键为 {key} 的指标已存在。',
    },
  },
  DATASET_NOT_FOUND: {
    status: 404,
    when: 'No trade dataset has this name or id.',
    messages: {
      en: 'There is no trade dataset {dataset}.',
      ru: 'Набора торговых данных {dataset} нет.',
      'zh-Hans': '没有贸易数据集 {dataset}。',
    },
  },
  TRADE_NO_DATA: {
    status: 404,
    when: 'No imported trade dataset has data for the reporter asked about; import one first.',
    messages: {
      en: 'No imported trade data covers {reporter}; import a dataset first.',
      ru: 'Нет импортированных торговых данных по {reporter}; сначала импортируйте набор данных.',
      'zh-Hans': '尚无涵盖 {reporter} 的贸易数据，请先导入数据集。',
    },
  },
  UNKNOWN_PARTNER_GROUP: {
    status: 400,
    when: '`partners` is neither an ISO alpha-3 code (or a comma-separated list of them), WLD, an SCO group (SCO, SCO_MEMBERS, SCO_OBSERVERS, SCO_DIALOGUE_PARTNERS, SCO_PARTNERS, SCO_FAMILY) nor a defined custom group.',
    messages: {
      en: '{partners} is not a partner, a list of partners or a known group.',
      ru: '{partners} не является партнёром, списком партнёров или известной группой.',
      'zh-Hans': '{partners} 不是贸易伙伴、伙伴列表或已知分组。',
    },
  },
  GROUP_RESERVED: {
    status: 409,
    when: 'Defining a custom partner group under a code the registry or the world already uses (SCO, SCO_MEMBERS, …, WLD).',
    messages: {
      en: '{code} is a reserved group code.',
      ru: '{code} — зарезервированный код группы.',
      'zh-Hans': '{code} 是保留的分组代码。',
    },
  },
  GROUP_NOT_FOUND: {
    status: 404,
    when: 'No custom partner group has this code.',
    messages: {
      en: 'There is no partner group {code}.',
      ru: 'Группы партнёров {code} нет.',
      'zh-Hans': '没有伙伴分组 {code}。',
    },
  },
  IMPORT_ROW_INVALID: {
    status: 400,
    when: `A row of an uploaded trade file cannot be read; \`details\` names the file, line, column, reason (in the request's language) and \`problem\`, the stable code of what is wrong: ${codeList(importProblemCodes('row'))}. Nothing of the import is kept.`,
    messages: {
      en: '{file}, line {line}, column {column}: {reason}. Nothing was imported.',
      ru: '{file}, строка {line}, столбец {column}: {reason}. Ничего не импортировано.',
      'zh-Hans': '{file} 第 {line} 行 {column} 列：{reason}。未导入任何数据。',
    },
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    when: `An uploaded trade file as a whole cannot be imported: unknown layout, missing or malformed column mapping, missing BACI country codes. Where the problem has a stable code, \`details\` gives the reason and \`problem\`: ${codeList(importProblemCodes('mapping', 'file'))}; a mapping problem names its \`field\` too.`,
    messages: {
      en: 'The file cannot be imported: {reason}',
      ru: 'Файл не может быть импортирован: {reason}',
      'zh-Hans': '无法导入该文件：{reason}',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    when: 'An unexpected failure on the server; it is logged with the request id.',
    messages: {
      en: 'Something went wrong on the server (request {requestId}).',
      ru: 'На сервере произошла ошибка (запрос {requestId}).',
      'zh-Hans': '服务器出错（请求 {requestId}）。',
    },
  },
  NODE_NOT_FOUND: {
    status: 404,
    when: 'The logistics network has no node with this id.',
    messages: { en: 'The network has no node {node}.', ru: 'В сети нет узла {node}.', 'zh-Hans': '网络中没有节点 {node}。' },
  },
  LINK_NOT_FOUND: {
    status: 404,
    when: 'The logistics network has no link with this id.',
    messages: { en: 'The network has no link {link}.', ru: 'В сети нет участка {link}.', 'zh-Hans': '网络中没有线路 {link}。' },
  },
  CORRIDOR_NOT_FOUND: {
    status: 400,
    when: 'A link names a corridor the network does not have.',
    messages: { en: 'The network has no corridor {corridor}.', ru: 'В сети нет коридора {corridor}.', 'zh-Hans': '网络中没有走廊 {corridor}。' },
  },
  NODE_EXISTS: {
    status: 409,
    when: 'A node with this id is already in the network.',
    messages: { en: 'The network already has a node {node}.', ru: 'Узел {node} уже есть в сети.', 'zh-Hans': '网络中已有节点 {node}。' },
  },
  LINK_EXISTS: {
    status: 409,
    when: 'A link with this id is already in the network.',
    messages: { en: 'The network already has a link {link}.', ru: 'Участок {link} уже есть в сети.', 'zh-Hans': '网络中已有线路 {link}。' },
  },
  LOCODE_TAKEN: {
    status: 409,
    when: 'Another node already has this UN/LOCODE.',
    messages: { en: 'Another node already has the UN/LOCODE {locode}.', ru: 'Код UN/LOCODE {locode} уже у другого узла.', 'zh-Hans': '另一个节点已使用联合国地点代码 {locode}。' },
  },
  NODE_IN_USE: {
    status: 409,
    when: 'A node cannot be deleted while links start or end at it; delete or move those links first.',
    messages: { en: 'Node {node} is used by {links} links; delete them first.', ru: 'Узел {node} используют участки ({links}); сначала удалите их.', 'zh-Hans': '节点 {node} 仍有 {links} 条线路使用，请先删除这些线路。' },
  },
  LINK_LOOP: {
    status: 400,
    when: 'A link must join two different nodes.',
    messages: { en: 'Link {link} must join two different nodes.', ru: 'Участок {link} должен соединять два разных узла.', 'zh-Hans': '线路 {link} 必须连接两个不同的节点。' },
  },
  LINK_GAUGE: {
    status: 400,
    when: 'A rail link needs its track gauge, and only rail links have one.',
    messages: { en: 'Link {link}: a rail link needs its gauge, and other links have none.', ru: 'Участок {link}: у железнодорожного участка должна быть ширина колеи, у других её нет.', 'zh-Hans': '线路 {link}：铁路线路须注明轨距，其他线路不设轨距。' },
  },
  NETWORK_INVALID: {
    status: 400,
    when: 'A network to import breaks its rules (ids, link ends, corridors, sources); `details` lists each problem.',
    messages: { en: 'The network has {problems} problems; nothing was changed.', ru: 'В сети найдено проблем: {problems}; ничего не изменено.', 'zh-Hans': '该网络有 {problems} 个问题，未作任何更改。' },
  },
  UNKNOWN_PLACE: {
    status: 400,
    when: 'A route request names a place that is neither a node id nor a UN/LOCODE of the network.',
    messages: { en: 'No node or UN/LOCODE {place} in the network.', ru: 'В сети нет узла или кода UN/LOCODE {place}.', 'zh-Hans': '网络中没有节点或联合国地点代码 {place}。' },
  },
  NO_NODE_NEAR: {
    status: 400,
    when: 'A route request gives coordinates, and no node that a usable link touches (of the modes asked, under construction only when allowed), outside the countries and places to avoid, lies within 500 km of them.',
    messages: {
      en: 'No node that a usable link touches (modes, links under construction), outside the countries and places to avoid, lies within 500 km of {lat}, {lon}.',
      ru: 'В пределах 500 км от точки {lat}, {lon} нет узла, к которому подходит пригодный участок (виды транспорта, строящиеся участки), вне стран и пунктов, которые нужно обойти.',
      'zh-Hans': '坐标 {lat}, {lon} 周围 500 公里内，在需避开的国家和地点之外，没有可用线路（运输方式、在建线路）所连接的节点。',
    },
  },
  SOURCE_NOT_FOUND: {
    status: 400,
    when: 'A node or link cites a source the network’s source list does not have.',
    messages: { en: 'The network has no source {source}.', ru: 'В сети нет источника {source}.', 'zh-Hans': '网络中没有来源 {source}。' },
  },
  INVALID_TIME: {
    status: 400,
    when: 'A time in the request is not one the planner can use, e.g. a leap second.',
    messages: { en: '{field} is not a usable time: {value}.', ru: '{field}: это время нельзя использовать ({value}).', 'zh-Hans': '{field} 不是可用的时间：{value}。' },
  },
  ROUTE_SEARCH_LIMIT: {
    status: 422,
    when: 'A route request is valid but its search reached the server’s limit of partial routes or of time before it was done (`ROUTE_SEARCH_MAX_LABELS`, `ROUTE_SEARCH_TIMEOUT_MS`); whether a route exists is unknown. `details` says which limit: `[{ "limit": "labels" }]` or `"time"`. Sent again unchanged it will most likely stop again; narrow it.',
    messages: {
      en: 'The route search was stopped: it grew too large to finish. Narrow it with fewer modes, countries to avoid, a limit on border crossings, or a tolerance.',
      ru: 'Поиск маршрута остановлен: он оказался слишком большим, чтобы его завершить. Сузьте запрос: меньше видов транспорта, страны, которые нужно обойти, ограничение числа пересечений границ или допуск (tolerance).',
      'zh-Hans': '路线搜索已停止：搜索范围过大，无法完成。请缩小查询范围：减少运输方式、指定需避开的国家、限制过境次数，或设置容差（tolerance）。',
    },
  },
  SERVICE_NOT_FOUND: {
    status: 404,
    when: 'There is no train service with this id (or the operator asking does not run it).',
    messages: { en: 'There is no train service {service}.', ru: 'Поездной сервис {service} не найден.', 'zh-Hans': '没有班列服务 {service}。' },
  },
  DEPARTURE_NOT_FOUND: {
    status: 404,
    when: 'There is no departure with this id.',
    messages: { en: 'There is no departure {departure}.', ru: 'Отправление {departure} не найдено.', 'zh-Hans': '没有班次 {departure}。' },
  },
  BOOKING_NOT_FOUND: {
    status: 404,
    when: 'There is no booking with this id that the user may see: only the shipper, the operator of its service and admins see a booking.',
    messages: { en: 'There is no booking {booking}.', ru: 'Бронирование {booking} не найдено.', 'zh-Hans': '没有订舱 {booking}。' },
  },
  DEPARTURE_FULL: {
    status: 409,
    when: 'A booking asks for more TEU than the departure has left and asked not to be waitlisted (`"waitlist": false`).',
    messages: {
      en: 'Departure {departure} has {teuLeft} TEU left; the booking needs {teu}.',
      ru: 'На отправлении {departure} осталось {teuLeft} ДФЭ, а для бронирования нужно {teu}.',
      'zh-Hans': '班次 {departure} 仅剩 {teuLeft} 个标准箱，本次订舱需要 {teu} 个。',
    },
  },
  CUTOFF_PASSED: {
    status: 409,
    when: 'The departure’s cut-off (its departure time minus the service’s cut-off) has passed: it takes no more bookings.',
    messages: {
      en: 'Departure {departure} stopped taking bookings at {cutoff}.',
      ru: 'Приём бронирований на отправление {departure} закрыт в {cutoff}.',
      'zh-Hans': '班次 {departure} 已于 {cutoff} 截止订舱。',
    },
  },
  INVALID_CONTAINER_NUMBER: {
    status: 400,
    when: 'A container number is not an ISO 6346 number: owner code (3 letters), category (U, J or Z), serial (6 digits) and the check digit computed from them. `details` names each bad number and, where it can be computed, the check digit it should have.',
    messages: {
      en: '{number} is not a valid ISO 6346 container number: 3 letters of owner code, U, J or Z, 6 digits, and the check digit that follows from them.',
      ru: '{number} — недействительный номер контейнера по ISO 6346: 3 буквы кода владельца, U, J или Z, 6 цифр и вычисляемая из них контрольная цифра.',
      'zh-Hans': '{number} 不是有效的 ISO 6346 集装箱号：应为 3 个字母的箱主代码、U、J 或 Z、6 位数字，以及由此算出的校验位。',
    },
  },
  CONTAINER_SIZE_NOT_ACCEPTED: {
    status: 422,
    when: 'A booking asks for a container size the departure’s service does not take.',
    messages: {
      en: 'Service {service} does not take {size}-foot containers.',
      ru: 'Сервис {service} не принимает {size}-футовые контейнеры.',
      'zh-Hans': '班列服务 {service} 不接受 {size} 英尺集装箱。',
    },
  },
  BOOKING_STATE_CONFLICT: {
    status: 409,
    when: 'A booking cannot move from its state to the one asked (e.g. cancelling a booking already loaded). `details` lists the states it may move to.',
    messages: {
      en: 'Booking {booking} is {state}; it cannot become {next}.',
      ru: 'Бронирование {booking} в состоянии {state}; перейти в состояние {next} нельзя.',
      'zh-Hans': '订舱 {booking} 当前状态为 {state}，不能变为 {next}。',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    when: 'An `Idempotency-Key` already used by this user for a different request (another departure or other containers); a retry must repeat the first request exactly.',
    messages: {
      en: 'The Idempotency-Key {key} was used for a different request; send a new key for a new booking.',
      ru: 'Ключ Idempotency-Key {key} уже использован для другого запроса; для нового бронирования нужен новый ключ.',
      'zh-Hans': 'Idempotency-Key {key} 已用于另一个请求；新的订舱请使用新的键。',
    },
  },
  INVALID_TIMETABLE: {
    status: 400,
    when: 'A service’s stops or timetable do not fit together: stops out of order in time, a stop not in the network, validity dates reversed, a weekday outside 1–7. `details` lists each problem.',
    messages: {
      en: 'The service’s stops and timetable do not fit together ({field}).',
      ru: 'Остановки и расписание сервиса не согласуются ({field}).',
      'zh-Hans': '班列服务的站点与时刻表不一致（{field}）。',
    },
  },
  NODE_NOT_ON_ROUTE: {
    status: 400,
    when: 'A tracking event names a place the departure does not stop at or pass.',
    messages: {
      en: 'Departure {departure} does not pass {node}.',
      ru: 'Отправление {departure} не проходит через {node}.',
      'zh-Hans': '班次 {departure} 不经过 {node}。',
    },
  },
  OPERATOR_MESSAGES_INVALID: {
    status: 400,
    when: 'A CSV file of operator messages has rows that cannot be read or recorded; `details` lists every problem as `{ line, field, problem }`, and nothing was recorded.',
    messages: {
      en: 'The operator messages were not recorded: {problems} problem(s), the first on line {line} in {field}.',
      ru: 'Сообщения оператора не записаны: проблем — {problems}, первая в строке {line}, поле {field}.',
      'zh-Hans': '运营方消息未被记录：共有 {problems} 个问题，第一个在第 {line} 行的 {field} 字段。',
    },
  },
  DEPARTURE_UNDER_WAY: {
    status: 409,
    when: 'A departure to cancel has left, or has containers loaded on it: it can no longer be cancelled.',
    messages: {
      en: 'Departure {departure} has left or has containers loaded; it can no longer be cancelled.',
      ru: 'Отправление {departure} уже ушло или на него погружены контейнеры; отменить его нельзя.',
      'zh-Hans': '班次 {departure} 已发车或已装箱，不能再取消。',
    },
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;
