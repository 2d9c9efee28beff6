import { defineConfig } from 'vitest/config';

// Unit tests mirror the source tree under test/unit/. Renderer tests opt into a DOM with
// `// @vitest-environment happy-dom` at the top of the file.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
