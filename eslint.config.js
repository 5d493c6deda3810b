// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

/**
 * Layering, in the spirit of VS Code's code-layering rule: each folder may import only
 * what docs/architecture.md allows. A wrong import fails `npm test`.
 */
const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'child_process',
  'worker_threads',
  'net',
  'url',
  'util',
  'stream',
];
const nodeOnly = [
  ...NODE_BUILTINS,
  ...NODE_BUILTINS.map((m) => `node:${m}`),
  'node:*',
  'better-sqlite3-multiple-ciphers',
  'kysely',
  'pdfmake',
  'pdfmake/*',
];
const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'scratch/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.node },
      // typed rules: each file is checked with the tsconfig that includes it
      parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Prettier wraps code at 120; what stays longer is a string (a catalog text, a test's title, a migration's SQL)
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  // electron-builder's hooks are CommonJS modules
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['scripts/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['types/**/*.d.ts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['**/electron/**', '**/renderer/**', 'electron'], 'shared/ imports nothing of ours'),
            restrict(nodeOnly, 'shared/ runs in the renderer too: no Node, no database, no PDF'),
            restrict(['react', 'react-dom', '@mantine/*'], 'shared/ has no UI'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron', 'electron/*'], 'the backend runs under plain Node: never import electron'),
            restrict(
              ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**'],
              'the backend depends only on shared/',
            ),
            restrict(['react', 'react-dom', '@mantine/*'], 'no UI in the backend'),
          ],
        },
      ],
    },
  },
  {
    // what only SQLite has (the driver, its pragmas, FTS5, VACUUM INTO) stays in the store: services speak Kysely
    files: ['electron/backend/modules/**/*.ts', 'electron/backend/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron', 'electron/*'], 'the backend runs under plain Node: never import electron'),
            restrict(
              ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/host/**'],
              'the backend depends only on shared/',
            ),
            restrict(['react', 'react-dom', '@mantine/*'], 'no UI in the backend'),
            restrict(
              ['better-sqlite3-multiple-ciphers', 'kysely/helpers/sqlite', '**/store/database', '**/store/migrations'],
              'SQLite itself stays in electron/backend/store/: services speak Kysely (docs/architecture.md)',
            ),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TemplateElement[value.raw=/\\b(MATCH|PRAGMA|VACUUM)\\b/]',
          message: 'FTS5, pragmas and VACUUM are SQLite-only: keep them in electron/backend/store/',
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['electron', 'electron/*'], 'the browser host runs without Electron'),
            restrict(['**/renderer/**'], 'the host serves the built renderer, it does not import it'),
            {
              regex: '/backend/(?!process/)',
              message:
                'the backend runs in its own process: the host reaches it through backend/process (BackendClient)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['**/backend/**', '**/renderer/**', '**/main/**'],
              'preload exposes only the bridge; it imports types from shared/',
            ),
            restrict(nodeOnly, 'preload is sandboxed: no Node'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['**/renderer/**'], 'main never imports the renderer'),
            {
              regex: '/backend/(?!process/)',
              message: 'the backend runs in a utility process: main reaches it through backend/process (BackendClient)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['**/electron/**', 'electron'], 'the renderer reaches the backend only through window.uchaske'),
            restrict(nodeOnly, 'the renderer never touches Node, SQL or files'),
          ],
        },
      ],
    },
  },
);
