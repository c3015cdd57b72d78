// Lint: typescript-eslint on strict settings, plus the import boundaries of STYLE.md §1.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noBotbuilder = { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder stays inside bot/teams/ (STYLE.md §1).' };

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
            { group: ['**/bot/**', '**/cards/**', '../bot', '../cards', '../../bot', '../../cards'], message: 'domain/ imports neither bot/ nor cards/.' },
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
        { patterns: [{ group: ['**/domain/**', '**/cards/**', '**/bot/**', '../domain', '../cards', '../bot'], message: 'manifest/ builds the app package on its own (STYLE.md §1).' }] },
      ],
    },
  },
);
