import assert from 'node:assert/strict';
import { safeText } from '../../domain/safe-text';

const md = { max: 200, markdown: true };
const plain = { max: 200, markdown: false };

describe('safeText (card-safe text)', () => {
  it('escapes the Markdown the Adaptive Card subset acts on', () => {
    assert.equal(safeText('**bold** _it_ [x](https://e) <b>', md), '\\*\\*bold\\*\\* \\_it\\_ \\[x\\]\\(https://e\\) \\<b\\>');
  });

  it('escapes list, quote and heading markers only at the start of a line', () => {
    const out = safeText('- a\n1. b\n2) c\n> d\n# e\n12 apples\na - b', { ...md, multiline: true });
    assert.equal(out, '\\- a\n1\\. b\n2\\) c\n\\> d\n\\# e\n12 apples\na - b');
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
});
