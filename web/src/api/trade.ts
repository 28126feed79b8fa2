import type { Static } from 'typebox';
import type { IndicatorSchema } from '../../../src/modules/org/schemas.ts';
import type {
  ClaimsResponse as ClaimsResponseSchema,
  ComputedNumber,
  DatasetSchema,
  MoneyFigure,
  PartnersResponse,
  ProductsQuery,
  ProductsResponse,
  SeriesResponse,
  SummaryQuery,
  SummaryResponse,
} from '../../../src/modules/trade/schemas.ts';
import { ApiError, api, errorFromBody, requestHeaders, withQuery } from './client.ts';
import { everyOf } from './types.ts';

export const FLOWS = ['total', 'export', 'import'] as const satisfies readonly NonNullable<Static<typeof SummaryQuery>['flow']>[];
export type Flow = (typeof FLOWS)[number];

/** Partner groups the trade API resolves from the registry; WLD is the reporter's trade with the world. */
export const PARTNER_GROUPS = ['SCO', 'SCO_OBSERVERS', 'SCO_DIALOGUE_PARTNERS', 'SCO_PARTNERS', 'SCO_FAMILY', 'WLD'] as const;
export type PartnerGroupCode = (typeof PARTNER_GROUPS)[number];

export const PRODUCT_LEVELS = everyOf<NonNullable<Static<typeof ProductsQuery>['level']>>()([2, 4, 6]);
export type ProductLevel = (typeof PRODUCT_LEVELS)[number];

export const NOT_COMPUTABLE_REASONS = ['missing_current', 'missing_base', 'zero_base', 'incomplete_period', 'no_data'] as const;

export const IMPORT_FORMATS = ['comtrade', 'baci', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Exact US dollars as a decimal string, or why there is no figure. */
export type Money = Static<typeof MoneyFigure>;
export type Num = Static<typeof ComputedNumber>;
/** Why the server could not compute a figure; `missing` names absent months or flows. */
export type NotComputable = Extract<Num, { ok: false }>;

export type TradeDataset = Static<typeof DatasetSchema>;
export type TradeSummary = Static<typeof SummaryResponse>;
export type DatasetRef = TradeSummary['dataset'];
export type TradeSeries = Static<typeof SeriesResponse>;
export type PartnerRanking = Static<typeof PartnersResponse>;
export type PartnerRank = PartnerRanking['partners'][number];
export type ProductMix = Static<typeof ProductsResponse>;
export type ClaimsResponse = Static<typeof ClaimsResponseSchema, { Indicator: typeof IndicatorSchema }>;
export type Claim = ClaimsResponse['claims'][number];

/** The server declares the import response inside its upload route, not among its schemas, so it is written out here. */
export interface ImportResult {
  status: 'imported' | 'unchanged';
  dataset: { id: string; name: string; release: string };
  replacedRelease: string | null;
  rowsRead: number;
  records: number;
  periods: string[];
  reporters: number;
  totalValue: string;
  skipped: Record<string, number>;
}

/**
 * Where an import stopped: the server names the file, line and column of the first bad row. Every field is
 * optional because it is read from an error's `details`, which the error shape leaves untyped.
 */
export interface ImportProblem {
  file?: string;
  line?: number;
  column?: string;
  reason?: string;
}

export type TradeQuery = Record<string, string | null | undefined>;

export const tradePath = (endpoint: string, query: TradeQuery = {}) => withQuery(`/api/trade/${endpoint}`, query);

/** The same question answered as a CSV download. */
export const csvPath = (endpoint: string, query: TradeQuery) => tradePath(endpoint, { ...query, format: 'csv' });

export interface TradeUpload {
  file: File;
  /** BACI's country_codes_V*.csv, sent beside the data file. */
  companion?: File | null;
  format?: ImportFormat | null;
  dataset?: string | null;
  release?: string | null;
  /** Column mapping of a plain CSV: year=…,reporter=…,partner=…,flow=…,value=… */
  map?: string | null;
}

/**
 * Uploads a trade file as multipart/form-data. XMLHttpRequest rather than fetch, because only it
 * reports upload progress; `onProgress` gets the sent fraction from 0 to 1.
 */
export function uploadTradeFile(upload: TradeUpload, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', upload.file, upload.file.name);
  if (upload.companion) form.append('companion', upload.companion, upload.companion.name);
  const path = tradePath('imports', { format: upload.format, dataset: upload.dataset, release: upload.release, map: upload.map });

  return new Promise<ImportResult>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status, 'UNEXPECTED_RESPONSE', ''));
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as ImportResult);
      else reject(errorFromBody(xhr.status, parsed));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const deleteDataset = (id: string) => api.delete<undefined>(`/api/trade/datasets/${encodeURIComponent(id)}`);
