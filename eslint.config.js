// Lint rules, including the architecture's import boundaries (see docs/ARCHITECTURE.md):
// shared ← main ← main/electron; shared ← renderer. Only main/electron may import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lexical from '@lexical/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

const electronBan = {
  name: 'electron',
  message: "Only main/electron/ may import 'electron' (it downloads a binary under plain Node).",
};
const nodeBan = { group: ['node:*'], message: 'shared/ and renderer/ run everywhere: no Node built-ins.' };
// Components ask the back end through the workspace controller or the app service, never through
// `invoke` itself: then every request has a name, a place to test it with a fake back end, and state
// in the store. Only renderer/main.tsx (which hands the real `invoke` to the app service) imports it.
const invokeBan = {
  regex: '^(\\.{1,2}/)+api$',
  importNames: ['invoke'],
  message:
    'Call a named method of the workspace controller (useController()) or the app service (useAppService()); only renderer/main.tsx imports invoke.',
};
const nodeBareModules = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'fs/promises',
];
// The renderer's own bans (its files, and renderer/main.tsx, which alone may import invoke).
const rendererPaths = [
  electronBan,
  ...nodeBareModules.map((name) => ({
    name,
    message: 'The renderer has no Node: ask the back end through renderer/api.ts.',
  })),
];
const rendererPatterns = [
  nodeBan,
  { group: ['**/main/**'], message: 'The renderer talks to the back end only through renderer/api.ts.' },
];

export default tseslint.config(
  {
    ignores: [
      '.masthead-tmp-*/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // No import cycles: a module in a cycle can be read before it is initialized (a ReferenceError
    // at load that depends on which file is imported first).
    files: ['shared/**/*.{ts,tsx}', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            ...nodeBareModules.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins.' })),
          ],
          patterns: [
            nodeBan,
            {
              group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ imports nothing from main/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', 'electron-store'],
              message: 'main/ (outside main/electron) is plain Node: no renderer, no Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'The shell never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { '@lexical': lexical, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@lexical/rules-of-lexical': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [...rendererPatterns, invokeBan],
        },
      ],
    },
  },
  {
    // The composition root: it alone hands the real back end to the app service.
    files: ['renderer/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: rendererPatterns,
        },
      ],
    },
  },
  {
    files: ['shared/document/**/*.ts'],
    plugins: { '@lexical': lexical },
    rules: { '@lexical/rules-of-lexical': 'error' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.{ts,mjs}', 'bin/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Layout is Prettier's (`prettier --check` in `npm run lint`): no ESLint rule argues with it.
  prettier,
);
