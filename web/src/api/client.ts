import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/** An error from the API with its stable code and a message in the request's language. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

/** Codes the client raises itself when no server message is available; the UI translates them. */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'UNEXPECTED_RESPONSE'] as const;

let locale: Locale = DEFAULT_LOCALE;
let csrfToken: string | null = null;

export function setRequestLocale(next: Locale): void {
  locale = next;
}

export function setCsrfToken(next: string | null): void {
  csrfToken = next;
}

interface ErrorBody {
  error: { code: string; message: string; details?: unknown[] };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** Headers every API call carries: the interface language and, for changes, the session's CSRF token. */
export function requestHeaders(method: string, jsonBody = false): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (method !== 'GET') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (jsonBody) headers['Content-Type'] = 'application/json';
  }
  return headers;
}

/** The ApiError for a failed response's parsed body. */
export function errorFromBody(status: number, parsed: unknown): ApiError {
  if (isErrorBody(parsed)) return new ApiError(status, parsed.error.code, parsed.error.message, parsed.error.details);
  return new ApiError(status, 'UNEXPECTED_RESPONSE', '');
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, extraHeaders?: Record<string, string>): Promise<T> {
  const headers = { ...requestHeaders(method, body !== undefined), ...extraHeaders };
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  if (response.status === 204) return undefined as T;
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', '');
  }
  if (!response.ok) throw errorFromBody(response.status, parsed);
  return parsed as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  /** `headers` are sent besides the usual ones, such as an `Idempotency-Key`. */
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body, undefined, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a path with a query string, leaving out empty parameters. */
export function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
