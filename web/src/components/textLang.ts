/** Guesses the language of a free-text field (sources, quotes, events are stored as published), for the lang attribute. */
export function textLang(text: string): string | undefined {
  if (/[\u3400-\u9fff]/.test(text)) return 'zh';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  if (/[A-Za-z]/.test(text)) return 'en';
  return undefined;
}
