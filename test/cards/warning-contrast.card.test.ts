import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { VoucherParseResult } from '../../domain/intake/types';
import { render, type AdaptiveCard } from '../../cards/render';
import { toVoucherFoundData } from '../../cards/voucher-found.card';
import { assertValidCard } from './card-check';
import { PROGRAMS } from './fixtures';

/**
 * Yellow (color Warning) text is hard to read on the light theme's white: a warning sentence sits
 * in a Container of style warning, whose tinted background keeps the theme's own text colour.
 */
type Found = { node: Record<string, unknown>; parents: Record<string, unknown>[] };
function nodes(node: unknown, out: Found[] = [], parents: Record<string, unknown>[] = []): Found[] {
  if (Array.isArray(node)) node.forEach((n) => nodes(n, out, parents));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    out.push({ node: o, parents });
    for (const value of Object.values(o)) nodes(value, out, [...parents, o]);
  }
  return out;
}

const TEMPLATES_DIR = path.join(__dirname, '../../cards/templates');

const parsed: VoucherParseResult = {
  voucherNumber: 'AB-123456',
  program: 'SDPS',
  days: 5,
  customerName: 'Fabrikam SA',
  agreementNumber: '1234567',
  voucherAdminEmail: 'admin@fabrikam.example',
  assignedOn: '2026-01-05',
  expiresOn: null,
  confidence: 0.95,
  missing: [],
};

describe('warning text contrast', () => {
  it('no template writes a TextBlock in color Warning', () => {
    const files = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json'));
    assert.ok(files.length > 20, 'the templates are found');
    for (const name of files) {
      const yellow = nodes(JSON.parse(readFileSync(path.join(TEMPLATES_DIR, name), 'utf8'))).filter(
        ({ node }) => node.type === 'TextBlock' && typeof node.color === 'string' && /warning/i.test(node.color),
      );
      assert.deepEqual(
        yellow.map(({ node }) => node.text),
        [],
        `${name}: yellow text`,
      );
    }
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`the sender check of a forward from someone else reads in a warning container, the administrator's in a good one (${locale})`, () => {
      const styleOf = (card: AdaptiveCard, sender: string) => {
        const line = nodes(card).find(
          ({ node }) => node.type === 'TextBlock' && typeof node.text === 'string' && node.text.includes(sender),
        );
        assert.ok(line, `the sender line names ${sender}`);
        assert.equal(line.node.color, undefined, 'the text keeps the theme colour');
        return line.parents.filter((p) => p.type === 'Container').at(-1)?.style;
      };
      const flagged = render(
        'voucher-found',
        toVoucherFoundData({ parsed, senderEmail: 'someone@fabrikam.example', messageId: '<m1@x>' }, PROGRAMS, locale),
      );
      assertValidCard(flagged);
      assert.equal(styleOf(flagged, 'someone@fabrikam.example'), 'warning');
      const fine = render(
        'voucher-found',
        toVoucherFoundData({ parsed, senderEmail: 'admin@fabrikam.example', messageId: '<m1@x>' }, PROGRAMS, locale),
      );
      assert.equal(styleOf(fine, 'admin@fabrikam.example'), 'good');
    });
  }
});
