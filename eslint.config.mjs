import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOrGasGlobals = [
  'process',
  'Buffer',
  'require',
  'SpreadsheetApp',
  'MailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'HtmlService',
  'Session',
  'Utilities',
].map((name) => ({ name, message: 'src/core is pure: pass data in, do not reach out.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'tests/artifacts/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nodeOrGasGlobals],
      // No Node module and no library; that nothing outside src/core is imported either is
      // checked with the other layer rules in .dependency-cruiser.cjs (npm run lint).
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'exceljs'] }],
    },
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...nodeOrGasGlobals],
      'no-restricted-imports': ['error', { patterns: ['../gas/*', '../local/*', 'node:*'] }],
    },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../local/*', 'node:*', 'fs', 'path'] }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Apps Script has no process.' },
        { name: 'Buffer', message: 'Apps Script has no Buffer.' },
        { name: 'require', message: 'Apps Script has no require.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
