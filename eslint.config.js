// Lint, including the layer rules of docs/ARCHITECTURE.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'zlib',
  'worker_threads',
  'crypto',
  'stream',
];

/** geo/ is the pure core: no UI, Electron, database, DOM or Node, and nothing of ours outside geo/. */
const geoRule = {
  patterns: [
    {
      group: ['electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', 'better-sqlite3', 'maplibre-gl', ...NODE_BUILTINS],
      message: 'geo/ is pure TypeScript: no UI, Electron, database or Node imports (docs/ARCHITECTURE.md).',
    },
    {
      group: ['../electron/*', '../renderer/*', '../data/*', '../tests/*', '../../*'],
      message: 'geo/ imports nothing of ours outside geo/ (docs/ARCHITECTURE.md).',
    },
  ],
};

/** The renderer talks to the backend only through the contract's types and its api/ module. */
const rendererRule = {
  patterns: [
    {
      group: ['electron', 'better-sqlite3', ...NODE_BUILTINS],
      message: 'renderer/ runs in a sandboxed page: no Electron, database or Node imports (docs/ARCHITECTURE.md).',
    },
    {
      group: ['**/electron/*', '!**/electron/contract', '!**/electron/contract/*'],
      message: 'renderer/ may import only the API contract from electron/ (docs/ARCHITECTURE.md).',
    },
    {
      group: ['**/electron/contract/*'],
      allowTypeImports: true,
      message: 'renderer/ imports the API contract as types only (`import type`).',
    },
    { group: ['**/data/*', '!**/data/*.json'], message: 'renderer/ reaches data through the API, not by importing data/ files.' },
  ],
};

/**
 * Outside renderer/src/api/, the backend is reached only through api/'s query and mutation hooks,
 * which cache reads and invalidate what each write changes; never through `call()` itself.
 */
const rendererOutsideApiRule = {
  patterns: [
    ...rendererRule.patterns,
    {
      group: ['**/api/client', '**/api/client.ts'],
      importNames: ['call'],
      message: 'Only renderer/src/api/ calls the backend: use its query and mutation hooks (queries.ts, mutations.ts).',
    },
  ],
};

/** Only electron/main and electron/preload may import the Electron runtime. */
const electronOutsideMainRule = {
  patterns: [
    { group: ['electron', 'electron/*'], message: "Only electron/main and electron/preload import 'electron' (docs/ARCHITECTURE.md)." },
    { group: ['**/renderer/*'], message: 'electron/ never imports the renderer.' },
  ],
};

/** The contract is shared with the renderer: zod and our method list only. */
const contractRule = {
  patterns: [
    {
      group: ['electron', 'better-sqlite3', 'react', ...NODE_BUILTINS],
      message: 'electron/contract is shared with the renderer: it may import zod and its own files only.',
    },
    { group: ['../*', '!./*'], message: 'electron/contract imports nothing outside itself.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'data/generated/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['geo/**/*.ts'],
    ignores: ['geo/**/*.test.ts', 'geo/**/*.bench.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', geoRule] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, '@typescript-eslint/no-restricted-imports': ['error', rendererRule] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', rendererOutsideApiRule] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**', 'electron/contract/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', electronOutsideMainRule] },
  },
  { files: ['electron/contract/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', contractRule] } },
);
