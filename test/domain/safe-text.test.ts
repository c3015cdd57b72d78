import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { safeText } from '../../domain/safe-text';

// CommonMark, as Teams renders card Markdown, without raw HTML or bare-URL links.
const commonmark = new MarkdownIt('commonmark', { html: false, linkify: false });
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const MARKDOWN_ALPHABET = [
  ...'\\`*_{}[]()<>#+-=.!|~&$:;/"\'0123456789 abcXYZé',
  '\n',
  '\n\n',
  '  ',
  '\t',
  '&amp;',
  '&#42;',
  '---',
  '***',
  '1. ',
  '- ',
  '> ',
  '# ',
  '    ',
  'http://e.example',
  '\n=',
  '\n-',
  '\n===',
];

const md = { max: 200, markdown: true };
const plain = { max: 200, markdown: false };

describe('safeText (card-safe text)', () => {
  it('escapes the Markdown the Adaptive Card subset acts on', () => {
    assert.equal(safeText('**bold** _it_ [x](https://e) <b>', md), '\\*\\*bold\\*\\* \\_it\\_ \\[x\\]\\(https://e\\) \\<b\\>');
  });

  it('escapes list, quote, heading and underline markers at the start of a line, and entities', () => {
    const out = safeText('- a\n1. b\n2) c\n> d\n# e\n12 apples\na - b\n---\n=== &amp;', { ...md, multiline: true });
    assert.equal(out, '\\- a\n1\\. b\n2\\) c\n\\> d\n\\# e\n12 apples\na - b\n\\---\n\\=== \\&amp;');
  });

  it('leaves ordinary addresses, numbers and dates readable', () => {
    assert.equal(safeText('jane.doe-smith@contoso.com AB-123.4 2026-03-15', md), 'jane.doe-smith@contoso.com AB-123.4 2026-03-15');
  });

  it('never lets ${ survive, in Markdown or plain text', () => {
    for (const input of ['${a}', '$${b}', '\\${c}', '${${d}}']) {
      assert.ok(!safeText(input, md).includes('${'), input);
      assert.ok(!safeText(input, plain).includes('${'), input);
    }
    assert.equal(safeText('cost ${x}', plain), 'cost \uFF04{x}');
  });

  it('removes control, bidi and zero-width characters', () => {
    assert.equal(safeText('a\u0000b\u0007c\u202Ed\u200Be\uFEFFf', plain), 'a b c d e f');
  });

  it('keeps line breaks only when asked, with at most one blank line', () => {
    assert.equal(safeText('a\r\n\r\n\r\n\r\nb\nc', { ...plain, multiline: true }), 'a\n\nb\nc');
    assert.equal(safeText('a\r\n\r\nb\tc', plain), 'a b c');
  });

  it('caps length before escaping and marks the cut', () => {
    const out = safeText('x'.repeat(10_000), plain);
    assert.equal(Array.from(out).length, 200);
    assert.ok(out.endsWith('…'));
    assert.equal(safeText('*'.repeat(10_000), md), `${'\\*'.repeat(199)}…`);
  });

  it('does not split a character made of two UTF-16 units', () => {
    const out = safeText('😀'.repeat(300), plain);
    assert.equal(out, `${'😀'.repeat(199)}…`);
  });

  it('renders through a CommonMark renderer as exactly the text that went in (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...MARKDOWN_ALPHABET), maxLength: 40 });
    fc.assert(
      fc.property(text, (input) => {
        const expected = input.replace(/\s+/g, ' ').trim();
        const html = commonmark.render(safeText(input, { max: 10_000, markdown: true }));
        assert.equal(html, expected === '' ? '' : `<p>${escapeHtml(expected)}</p>\n`);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every line as plain text in multi-line Markdown too (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...MARKDOWN_ALPHABET), maxLength: 60 });
    fc.assert(
      fc.property(text, (input) => {
        const out = safeText(input, { max: 10_000, markdown: true, multiline: true });
        const paragraphs = safeText(input, { max: 10_000, markdown: false, multiline: true })
          .split('\n\n')
          .filter((p) => p !== '');
        const expected = paragraphs.map((p) => `<p>${escapeHtml(p.replace(/\uFF04\{/g, '${'))}</p>\n`).join('');
        assert.equal(commonmark.render(out), expected);
      }),
      { numRuns: 3000 },
    );
  });
});
