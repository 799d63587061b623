// Lint enforces the layers of design.md: each folder may import only the layers allowed to it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformAndDrivers = [
  {
    group: [
      'telegraf',
      'telegraf/*',
      'axios',
      'keyv',
      '@keyv/*',
      'kysely',
      'better-sqlite3',
      'pg',
      'node-cron',
      'exceljs',
      'chart.js',
      '@napi-rs/canvas',
      'pino',
      'p-queue',
    ],
    message: 'Core layers import no platform, driver, keyv or logger code (design.md, Layers).',
  },
];
/** The composition root and the command: only the CLI may import main, and nothing imports the CLI. */
const entryPoints = [
  {
    group: ['**/main.ts', '**/main/**', '**/cli.ts'],
    message: 'Only the thidua command (src/cli.ts) calls the composition root.',
  },
];
// p-queue is an in-memory scheduler without I/O: the send queue in src/app may use it (design.md, "Outbound").
const platformAndDriversButScheduler = [
  { ...platformAndDrivers[0], group: platformAndDrivers[0].group.filter((name) => name !== 'p-queue') },
];
const adapters = (...names) =>
  names.map((n) => ({
    group: [`**/${n}/**`, `**/${n}`],
    message: `This layer may not import src/${n} (design.md, Layers).`,
  }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Prettier wraps code at 120 columns; this catches the comments and lines it leaves alone.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/config/env.ts reads process.env.',
        },
      ],
    },
  },
  {
    files: ['src/config/env.ts', 'test/**/*.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...platformAndDrivers,
            ...adapters('app', 'flows', 'channels', 'storage', 'jobs', 'reports', 'i18n', 'config', 'cli', 'logging'),
            ...entryPoints,
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net'], message: 'The domain is pure: no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...platformAndDriversButScheduler,
            ...adapters('flows', 'channels', 'storage', 'jobs', 'reports', 'i18n', 'config', 'cli', 'logging'),
            ...entryPoints,
          ],
        },
      ],
    },
  },
  {
    files: ['src/flows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...platformAndDrivers,
            ...adapters('channels', 'storage', 'jobs', 'reports', 'i18n', 'config', 'cli', 'logging'),
            ...entryPoints,
          ],
        },
      ],
    },
  },
  {
    files: ['src/channels/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...adapters('storage', 'jobs', 'reports', 'config', 'cli', 'logging'),
            ...entryPoints,
            {
              group: ['**/i18n/i18n.ts'],
              message:
                'Channels render text through src/i18n/render.ts only; Lang and LocaleKey come from app/messages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...adapters('channels', 'jobs', 'reports', 'flows', 'cli', 'logging', 'i18n'), ...entryPoints] },
      ],
    },
  },
  {
    files: ['src/jobs/**/*.ts', 'src/reports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...adapters('channels', 'storage', 'config', 'cli', 'logging'), ...entryPoints] },
      ],
    },
  },
  {
    // The thidua command reads the configuration and asks the composition root for a program.
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...adapters('storage', 'jobs', 'reports', 'logging'),
            {
              group: ['**/flows/engine/**'],
              message: 'The CLI talks to the engine through the program (src/main.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/logging/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', '../**'], message: 'src/logging stands alone: pino and nothing of ours.' }] },
      ],
    },
  },
  {
    files: ['src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...adapters('flows', 'channels', 'storage', 'jobs', 'reports', 'i18n', 'cli', 'logging'),
            ...entryPoints,
          ],
        },
      ],
    },
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...adapters('flows', 'channels', 'storage', 'jobs', 'reports', 'config', 'cli', 'logging', 'domain'),
            ...entryPoints,
          ],
        },
      ],
    },
  },
  {
    // The composition root (src/main.ts and its parts in src/main/) is called by the CLI, never the reverse.
    files: ['src/main.ts', 'src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...adapters('cli'),
            { group: ['**/cli.ts'], message: 'Only the thidua command (src/cli.ts) calls the composition root.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
