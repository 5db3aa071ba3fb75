import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // test/fixtures/matchers: other tools' inputs and outputs, kept as they were captured.
  { ignores: ['dist/', 'build/', 'node_modules/', '.tools/', 'coverage/', 'test/fixtures/matchers/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dockerode', message: 'Only src/runtime/docker.ts talks to Docker.' }] },
      ],
    },
  },
  {
    files: ['src/runtime/docker*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
