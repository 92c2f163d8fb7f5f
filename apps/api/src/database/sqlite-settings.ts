/** A key that orders German text as a reader expects: case and diacritics ignored, ß as ss. */
export function sortKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/**
 * SQLite's connection settings for large files, shared by the main connection and the read workers (three
 * connections by default). Both count in the process's memory, the mapped pages too, once per connection:
 * at most 3 × (16 + 64) MiB beside the JavaScript heap, within the 512 MB an API process may take.
 */
export const SQLITE_TUNING = {
  /** Page cache per connection, in KiB (negative: KiB rather than pages). */
  cacheSize: -16_384,
  /** Bytes of the file read through memory mapping instead of read() calls. */
  mmapSize: 67_108_864,
};
