// Lint rules: typescript-eslint's recommended set, plus the module boundaries of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'var', 'data', 'tmp', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/ui/**', 'src/db/**', 'src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/server/**', '**/cli/**'],
              message: 'ui, db and core know no module, server or cli.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/cli/**'], message: 'A module knows no server or cli.' },
          ],
        },
      ],
    },
  },
  {
    // Tests may use the whole app or real module data, as a user would.
    files: ['src/modules/**/*.test.ts', 'src/modules/**/*.test.tsx', 'src/db/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['public/**'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        navigator: 'readonly',
      },
    },
  },
  {
    files: ['src/cli/**', 'src/server/**', 'public/**', 'scripts/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
