/** A key that orders German text as a reader expects: case and diacritics ignored, ß as ss. */
export function sortKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** SQLite's connection settings for large files, shared by the main connection and the read workers. */
export const SQLITE_TUNING = {
  /** Page cache per connection, in KiB (negative: KiB rather than pages). */
  cacheSize: -32_768,
  /** Bytes of the file read through memory mapping instead of read() calls. */
  mmapSize: 134_217_728,
};
