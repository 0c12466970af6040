import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'types',
          include: ['tests/types/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-sites.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Builds and browsers are heavy; the machine has 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
