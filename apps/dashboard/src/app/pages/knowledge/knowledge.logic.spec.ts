import { linkOf, parseTags } from './knowledge.logic';
import { purifyMarkdownHtml, purifySnippet } from './safe-html';

describe('knowledge pages', () => {
  it('reads tags as typed: commas or spaces, lower case, each once', () => {
    expect(parseTags(' FAQ, e-akte  ozg,faq ,, ')).toEqual(['faq', 'e-akte', 'ozg']);
    expect(parseTags('')).toEqual([]);
  });

  it('links each kind of hit to its page, a decision to its meeting', () => {
    const hit = { id: '7', title: 't', snippet: '', meetingId: null };
    expect(linkOf({ ...hit, kind: 'PROJECT' })).toEqual(['/projekte', '7']);
    expect(linkOf({ ...hit, kind: 'SOLUTION' })).toEqual(['/loesungen', '7']);
    expect(linkOf({ ...hit, kind: 'KNOWLEDGE_ENTRY' })).toEqual(['/wissen', '7']);
    expect(linkOf({ ...hit, kind: 'DECISION', meetingId: '3' })).toEqual(['/sitzungen', '3']);
    expect(linkOf({ ...hit, kind: 'DECISION' })).toBeNull();
  });

  it('purifies once more in the browser: no script, no handler, no javascript: link, marks only in snippets', () => {
    const html = purifyMarkdownHtml(
      '<p onclick="x()">a<script>b()</script><img src=x onerror=y()><a href="javascript:z()">l</a><a href="https://example.org" rel="noopener">ok</a></p>',
    );
    expect(html).toBe('<p>a<a>l</a><a href="https://example.org" rel="noopener">ok</a></p>');
    expect(purifySnippet('<mark>Antrag</mark> &lt;b&gt; <b>x</b><img src=x onerror=y()>')).toBe(
      '<mark>Antrag</mark> &lt;b&gt; x',
    );
  });
});
