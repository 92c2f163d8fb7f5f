import { survivors, XSS_CASES as CASES } from './fixtures/xss-cases.js';
import { markdownText, renderMarkdown, sanitize } from './markdown.js';

describe('the rendering of knowledge entries (bodyHtml)', () => {
  it('has the cheat sheet’s cases to test, and the check finds what it looks for', () => {
    expect(CASES.length).toBeGreaterThan(80);
    expect(survivors('<img src=x onerror="alert(1)">')).not.toEqual([]);
    expect(survivors('<a href="java&#x09;script:alert(1)">x</a>')).toEqual([
      'href=java&#x09;script:alert(1)',
    ]);
    expect(survivors('<p style="x">y</p>')).toEqual(['attribute style']);
  });

  it.each(CASES.map((c) => [c.name, c.input]))(
    'renders "%s" as Markdown with nothing that runs',
    (_name, input) => {
      const html = renderMarkdown(input);
      expect(survivors(html)).toEqual([]);
      // Inside a paragraph, a code block or a list: the attack is shown as text or dropped, never markup.
      expect(renderMarkdown(`Vorher\n\n${input}\n\n- ${input}\n\n    ${input}`)).not.toMatch(
        /<(script|img|svg|iframe)/i,
      );
    },
  );

  it.each(CASES.map((c) => [c.name, c.input]))(
    'keeps "%s" harmless even as raw HTML given to the sanitiser',
    (_name, input) => {
      expect(survivors(sanitize(input))).toEqual([]);
    },
  );

  it('keeps what Markdown is for: headings, emphasis, lists, code, tables, http(s) and mailto links', () => {
    const html = renderMarkdown(
      [
        '# Titel',
        'Text mit **fett**, *kursiv*, ~~weg~~ und `code`.',
        '3. drei\n4. vier',
        '> Zitat',
        '| a | b |\n| --- | --- |\n| 1 | 2 |',
        '[Portal](https://example.org/x?a=1&b=2 "Titel") [Mail](mailto:amt@example.org) https://example.org/auto',
      ].join('\n\n'),
    );
    expect(html).toContain('<h1>Titel</h1>');
    expect(html).toContain('<strong>fett</strong>, <em>kursiv</em>, <s>weg</s> und <code>code</code>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain(
      '<a href="https://example.org/x?a=1&amp;b=2" title="Titel" rel="noopener noreferrer nofollow">Portal</a>',
    );
    expect(html).toContain('<a href="mailto:amt@example.org" rel="noopener noreferrer nofollow">Mail</a>');
    expect(html).toContain('<a href="https://example.org/auto" rel="noopener noreferrer nofollow">');
    expect(survivors(html)).toEqual([]);
  });

  it('gives the words without Markdown syntax or link targets for the search', () => {
    expect(
      markdownText('## Antrag\n\nDie **Straße** [hier](https://example.org/geheim).\n\n```\ncode x\n```'),
    ).toBe('Antrag\nDie Straße hier.\ncode x');
  });
});
