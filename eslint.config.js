// One linter for the whole tree (flat config). The one house rule beyond the presets: nothing but
// the IPC binding and the preload may touch Electron's raw IPC, so every call goes through the
// contract, the zod parse and the permission check.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      // TypeScript checks names itself (and knows the DOM and Node globals per tsconfig).
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,vue}'],
    ignores: ['electron/main/ipc/bind-electron.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', property: 'handle', message: 'Add a channel to electron/contract/channels.ts instead.' },
        { object: 'ipcMain', property: 'on', message: 'Add a channel to electron/contract/channels.ts instead.' },
        { object: 'ipcRenderer', property: 'invoke', message: 'Use the api from renderer/src/api.' },
        { object: 'ipcRenderer', property: 'send', message: 'Use the api from renderer/src/api.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    ignores: ['renderer/src/api/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'station', message: 'Import { api } from "@/api" instead.' },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,mjs}', '*.config.{ts,js}', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
)
