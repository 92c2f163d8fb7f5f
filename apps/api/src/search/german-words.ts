import { stemmer } from '@orama/stemmers/german';

/*
 * How German text becomes the words the search index holds, the same for the text and for the query, so
 * that spellings a reader treats as one word meet: case, ß and ss (Straße, Strasse), umlauts and their
 * two-letter spellings (Anträge, Antraege), and word forms (Antrag, Anträge, Anträgen) through the Snowball
 * German stemmer. SQLite's index holds the stems made here; PostgreSQL gets the folded words and stems them
 * with its own Snowball German configuration.
 */

/** A word of a text and where it stands, so that a snippet can mark it in the original. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text: runs of letters and digits. */
export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Lower case, ß as ss, diacritics dropped (ä → a), and the two-letter umlaut spellings folded the same way
 * (ae → a, oe → o, ue → u), except after a vowel or q, where the pair is two sounds (neue, Bauer, Quelle)
 * and folding would split one word's forms (neue, neuen). Folding both sides alike matters more than a
 * perfect rule: a word such as "Duell" folds to "dull" in the text and in the query alike.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/(?<![aeiouq])([aou])e/g, '$1');
}

/** The index form of one word: folded, then stemmed. */
export function stemOf(word: string): string {
  const folded = fold(word);
  // The stemmer is for words; numbers and single letters stay as they are.
  return /^\p{L}{2,}$/u.test(folded) ? stemmer(folded) : folded;
}

/** A text as the SQLite index holds it: the stems of its words, separated by spaces. */
export function stemmedText(text: string): string {
  return wordsOf(text)
    .map((word) => stemOf(word.text))
    .join(' ');
}

/** A text as PostgreSQL's German configuration receives it: folded, so that both databases fold alike. */
export function foldedText(text: string): string {
  return fold(text);
}

// Function words that say nothing about what is searched (folded); PostgreSQL's German configuration
// drops its own list of them from the query in the same way.
const STOP_WORDS = new Set(
  (
    'der die das des dem den ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis ' +
    'durch fur gegen im in ins ist mit nach noch nicht nur ob sich sie so sind uber um und unter vom von ' +
    'vor war wie wir zu zum zur es er ich ihr wird werden wurde hat haben sein the of and or to for'
  ).split(' '),
);

/** The words of a query that count: folded, no stop words, at least two characters, at most eight. */
export function queryWords(query: string): string[] {
  const words = wordsOf(query)
    .map((word) => fold(word.text))
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word));
  return [...new Set(words)].slice(0, 8);
}
