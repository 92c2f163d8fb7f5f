/** Languages of the dashboard: German first, English second. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Locale used for numbers and dates in each language. */
export const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
