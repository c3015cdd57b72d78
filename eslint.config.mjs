// Lint: typescript-eslint on strict settings, plus the import boundaries of STYLE.md §1.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const noBotbuilder = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'botbuilder stays inside bot/teams/ (STYLE.md §1).',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'dist/**', 'tools/ferretdb/**', '**/*.mjs', '.probe*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noBotbuilder,
            { group: ['restify', 'restify-*', 'adaptivecards*'], message: 'domain/ does not know the HTTP server or cards.' },
            {
              group: ['**/bot/**', '**/cards/**', '../bot', '../cards', '../../bot', '../../cards'],
              message: 'domain/ imports neither bot/ nor cards/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noBotbuilder,
            { group: ['mongoose', 'restify'], message: 'cards/ renders data; it does not touch the database or HTTP.' },
            { group: ['**/bot/**', '../bot', '../../bot'], message: 'cards/ does not import bot/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/**/*.ts'],
    ignores: ['bot/teams/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noBotbuilder] }] },
  },
  {
    files: ['tools/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['manifest/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '**/cards/**', '**/bot/**', '../domain', '../cards', '../bot'],
              message: 'manifest/ builds the app package on its own (STYLE.md §1).',
            },
          ],
        },
      ],
    },
  },
  // One write path (STYLE.md §4, issue 7): on FerretDB any update made outside domain/write.ts can undo
  // a concurrent one. A property rule, not no-restricted-syntax, so it never replaces another block's selectors.
  {
    files: ['**/*.ts'],
    ignores: ['domain/write.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'replaceOne', 'findOneAndReplace', 'bulkWrite', 'save'].map(
          (property) => ({
            property,
            message: 'Update stored documents only through domain/write.ts (the one write path; it takes the write claim on FerretDB).',
          }),
        ),
      ],
    },
  },
  // Import graph and domain errors (issue 7, "An API the bot can call"; STYLE.md §1, §6, §7).
  // import-x resolves each import to a file, so it sees static imports, `import()` and `require`
  // alike: no cycles anywhere (type-only imports are ignored), and no path across the folder
  // boundaries of STYLE.md §1, dynamic or not.
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './domain',
              from: ['./bot', './cards', './test', './tools', './bench'],
              message: 'domain/ uses neither bot/ nor cards/ (STYLE.md §1).',
            },
            { target: './cards', from: ['./bot', './test', './tools'], message: 'cards/ does not use bot/ (STYLE.md §1).' },
            {
              target: ['./bot', './cards', './domain', './manifest', './tools', './bench'],
              from: './test',
              message: 'nothing imports test/ (STYLE.md §1).',
            },
          ],
        },
      ],
    },
  },
  // cards/ takes only types from domain/ (STYLE.md §1); the shared functions are the card-safe text, the
  // date formatter and the calendar arithmetic (all pure and import-free), so a date and a count of days
  // read the same in a refusal and on a card.
  {
    files: ['cards/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '!**/domain/safe-text', '!**/domain/day-format', '!**/domain/calendar'],
              allowTypeImports: true,
              message:
                'cards/ imports only types from domain/ (use `import type`), except domain/safe-text, domain/day-format and domain/calendar.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/domain/]', message: 'cards/ loads nothing from domain/ at run time (STYLE.md §1).' },
      ],
    },
  },
  // An expected failure in domain/ is a Refusal; a broken invariant an InvariantError (domain/invariant.ts).
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ThrowStatement > NewExpression[callee.name="Error"]',
          message: 'domain/ throws a Refusal (expected failure) or an InvariantError (domain/invariant.ts), never a bare Error.',
        },
        { selector: 'ImportExpression', message: 'domain/ imports statically, so the import rules see every dependency.' },
      ],
    },
  },
);
