import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'stream', 'net'];
const nodeBuiltinPatterns = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)];
// SQL runs through electron/db/query.ts only: one idiom, statements cached per connection and
// shape, values always bound. Tests may still prepare directly (they poke the file as an outside
// tool would).
const sqlOnlyThroughQuery = {
  selector: "CallExpression[callee.property.name='prepare']",
  message: 'Run SQL through electron/db/query.ts (queryOne, queryAll, queryValue, execute…): one idiom, values always bound.',
};
const oldStatementModules = [{ group: ['**/cached-statement', '**/jury/statements'], message: 'Use electron/db/query.ts.' }];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', '.cache/**', 'tests/.tmp/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Process boundaries (conventions §9): shared/ is pure; renderer/ never reaches into electron/.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ no importa Electron.' }, ...nodeBuiltinPatterns.map((name) => ({ name, message: 'shared/ no importa módulos de Node.' }))],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ no depende de electron/ ni de renderer/.' }],
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
          paths: [{ name: 'electron', message: 'El renderer habla con los servicios solo por el cliente del contrato.' }, ...nodeBuiltinPatterns.map((name) => ({ name, message: 'El renderer no usa módulos de Node.' }))],
          patterns: [{ group: ['**/electron/**'], message: 'El renderer no importa código de electron/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,js,mjs}'],
    ignores: ['electron/db/query.ts'],
    rules: {
      'no-restricted-syntax': ['error', sqlOnlyThroughQuery],
      'no-restricted-imports': ['error', { patterns: oldStatementModules }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/db/**/*.ts', 'electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Los servicios son Node puro: sin Electron.' }], patterns: oldStatementModules },
      ],
    },
  },
);
