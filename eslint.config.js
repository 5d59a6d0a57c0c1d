// Lint, including the package bans of the layer table (docs/architecture.mjs) and the rule that keeps SQL in
// electron/db: a wrong import fails `npm test`. Imports between our own rooms are checked by tests/architecture.test.ts.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { ROOMS } from './docs/architecture.mjs';

/** Packages a room may not import, from the one layer table (docs/architecture.mjs). */
const banned = (path) => ROOMS.find((r) => r.path === path)?.bannedPackages ?? [];

/** geo/ is the pure core: no UI, Electron, database, DOM or Node, and nothing of ours outside geo/. */
const geoRule = {
  patterns: [
    {
      group: banned('geo'),
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
      group: banned('renderer'),
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

/** The contract is shared with the renderer: zod, its own files, and the pure constants of geo/ (ids defined once). */
const contractRule = {
  patterns: [
    {
      group: banned('electron/contract'),
      message: 'electron/contract is shared with the renderer: it may import zod and its own files only.',
    },
    {
      regex: '^\\.\\./(?!\\.\\./geo/)',
      message: 'electron/contract imports nothing outside itself but pure geo/ constants.',
    },
  ],
};

/** SQLite stays in its room: only electron/db (and the data build) import the driver or prepare statements. */
const databaseImports = {
  patterns: [
    {
      group: ['better-sqlite3'],
      message: 'Only electron/db (and data/build) import better-sqlite3; use a store in electron/db (docs/ARCHITECTURE.md).',
    },
  ],
};
const noPrepare = {
  selector: "CallExpression[callee.property.name='prepare']",
  message: 'SQL lives in electron/db: call a store there instead of .prepare() (docs/ARCHITECTURE.md).',
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
    ignores: [
      'electron/main/**',
      'electron/preload/**',
      'electron/contract/**',
      'electron/db/**',
      '**/*.test.ts',
      '**/*.bench.ts',
      'electron/testing/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...electronOutsideMainRule.patterns, ...databaseImports.patterns] },
      ],
      'no-restricted-syntax': ['error', noPrepare],
    },
  },
  {
    files: ['electron/db/**/*.ts', 'electron/**/*.test.ts', 'electron/**/*.bench.ts', 'electron/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', electronOutsideMainRule] },
  },
  {
    files: [
      'geo/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'scripts/**/*.{ts,mjs}',
      'electron/main/**/*.ts',
      'electron/preload/**/*.ts',
      'electron/contract/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: { 'no-restricted-syntax': ['error', noPrepare] },
  },
  {
    files: ['electron/contract/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', contractRule] },
  },
);
