// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Fences: exactly one module may touch each of these (design.md, "one choke point per side"). */
const fence = (name, importNames, message) => ({ name, importNames, message });
const ipcMainFence = fence('electron', ['ipcMain'], 'Only main/app/ipc/ipc.ts may use ipcMain.');
const ipcRendererFence = fence('electron', ['ipcRenderer'], 'Only preload/index.ts may use ipcRenderer.');
const keytarFence = { name: 'keytar', message: 'Only main/store/keytar-store.ts may import keytar.' };
const noElectron = {
  name: 'electron',
  message: 'The engine, client, stores, CLI, simulator and shared code never import electron.',
};
/** Direction of imports: the Electron shell (main/app) depends on the engine, client and stores, never back. */
const noShell = {
  group: ['**/main/app/**', '../app/**', '../../app/**', '**/main/index'],
  message:
    'The engine, client, stores, CLI, simulator and shared code never import the Electron shell (main/app).',
};

export default tseslint.config(
  { ignores: ['scripts/*.mjs', 'out/**', 'dist/**', 'node_modules/**', 'docs/**', 'build/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [ipcMainFence, ipcRendererFence, keytarFence] }],
    },
  },
  {
    files: ['main/app/ipc/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcRendererFence, keytarFence] }] },
  },
  {
    files: ['preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ipcMainFence, keytarFence] }] },
  },
  {
    files: ['main/store/keytar-store.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noShell] }] },
  },
  {
    files: [
      'main/wawp/**',
      'main/login/**',
      'main/store/**',
      'main/cli/**',
      'simulator/**',
      'common/**',
      'renderer/**',
    ],
    ignores: ['main/store/keytar-store.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, keytarFence], patterns: [noShell] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
