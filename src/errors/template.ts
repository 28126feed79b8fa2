import type { ErrorParams } from './domain-error.ts';

/** `template` with each `{name}` replaced by `params[name]`; a name without a value stays as written. */
export function fillPlaceholders(template: string, params: ErrorParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
