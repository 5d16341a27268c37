// Lint: the TypeScript rules that catch real mistakes, and the layers of ../shared/CONVENTIONS.md
// held by a tool rather than by review: http/ knows no feature, a feature reaches another only
// through its service or access module, only db/client.ts talks to a database driver.
import tseslint from 'typescript-eslint'

const FEATURE_INTERNALS = {
  group: ['../*/*.routes.ts', '../*/*.queries.ts', '../../*/*.routes.ts', '../../*/*.queries.ts', '../../../*/*.routes.ts', '../../../*/*.queries.ts'],
  message: 'A feature uses another through its *.service.ts or *.access.ts, never its routes or queries.',
}
const DRIVERS = {
  group: ['pg', 'pg/*', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  message: 'Only server/db/client.ts opens database connections: take a Db (db/types.ts).',
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**', 'backups/**', 'bench/results.json', '**/*.mjs', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Unused names are mistakes, except the `_` of a destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { patterns: [DRIVERS] }],
    },
  },
  {
    files: ['server/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DRIVERS, FEATURE_INTERNALS] }] },
  },
  {
    files: ['server/http/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DRIVERS, { group: ['**/features/**'], message: 'http/ knows no feature: features depend on it, not the other way.' }] }],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../server/**', '../web/**', 'fastify', 'react', 'antd'], message: 'contract/ is shared by server and web: it imports zod and itself only.' }] }],
    },
  },
  {
    // The one driver file: the drivers' own loosely typed rows and options stop here.
    files: ['server/db/client.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests may write `any` to poke at answers; production code may not.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
