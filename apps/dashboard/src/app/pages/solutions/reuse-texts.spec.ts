import de from '../../../../public/i18n/reuse/de.json';
import en from '../../../../public/i18n/reuse/en.json';

/** Every key path of a translation, e.g. "detail.city". */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('the reuse catalogue’s texts', () => {
  it('has every German text in English too, and no English text without a German one', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('names every kind and status of a solution in both languages', () => {
    for (const texts of [de, en]) {
      expect(Object.keys(texts.kind)).toHaveLength(7);
      expect(Object.keys(texts.status)).toEqual(['IN_DEVELOPMENT', 'AVAILABLE', 'DEPRECATED']);
    }
  });
});
