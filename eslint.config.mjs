// ESLint flat config, run by `npm test` with zero warnings allowed: typescript-eslint's recommended rules
// for every TypeScript file, and React's rules of hooks with exhaustive dependencies for the app.
// Syntax-only (no type information) so the whole tree lints in seconds on a 2-core machine; the three
// typechecks already cover what type-aware rules would add.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/', 'dist/', 'dist-h5/', 'cloudfunctions/*/index.js', 'test-output/', '.data/', 'coverage/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Off: every control-character range in this tree's patterns is deliberate (refusing control
      // characters in user text and storage paths, measuring Latin-1 text), which is all the rule reports.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A cloud function is deployed on its own: its folder may import server/core and server/shared, never
    // another function's folder (what two functions share lives in server/shared).
    files: ['server/*/*.ts'],
    ignores: ['server/core/**', 'server/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['../account/*', '../clinic/*', '../clinicAdmin/*', '../content/*', '../festival/*', '../selection/*'],
          message: 'A cloud function must not import another function\'s folder: move what both use to server/shared.',
        }],
      }],
    },
  },
  {
    files: ['**/__tests__/**', '**/*.test.{ts,tsx}', 'test/**', 'e2e/**', 'checks/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
