import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../bot/router';
import { fold } from '../../bot/routing/normalise';

/**
 * Teams puts a command's title into the compose box when someone picks it from the command menu, in the
 * language of their client: each manifest title (English) and its fr.json title must be keywords of one
 * and the same router command, as the router matches them (case and accents folded).
 */
const MANIFEST_DIR = path.resolve(__dirname, '..', '..', 'manifest');
const manifest = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as {
  bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
};
const french = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'fr.json'), 'utf8')) as Record<string, string>;

describe('manifest commands and bot/router.ts', () => {
  const lists = manifest.bots[0]?.commandLists ?? [];

  it('has a command list for each scope the bot runs in', () => {
    assert.deepEqual(lists.flatMap((l) => l.scopes).sort(), ['groupChat', 'personal', 'team']);
  });

  lists.forEach((list, l) => {
    list.commands.forEach((command, c) => {
      const key = `bots[0].commandLists[${l}].commands[${c}].title`;
      it(`${list.scopes.join('+')}: "${command.title}" / "${french[key] ?? '(no French title)'}" is one router command`, () => {
        const entry = COMMANDS.find((candidate) => fold(candidate.en) === fold(command.title));
        assert.ok(
          entry,
          `no router command has the English keyword "${command.title}"; router keywords: ${COMMANDS.map((e) => e.en).join(', ')}`,
        );
        const frenchTitle = french[key];
        assert.ok(frenchTitle, `fr.json has no ${key}`);
        assert.equal(fold(frenchTitle), fold(entry.fr), `fr.json ${key} must be the French keyword of "${entry.en}"`);
      });
    });
  });

  it('offers help in every scope', () => {
    for (const list of lists)
      assert.ok(
        list.commands.some((c) => c.title === COMMANDS.find((e) => e.id === 'help')?.en),
        list.scopes.join(),
      );
  });
});
