import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default (one worker fewer than the cores) is one worker on 2 cores, and the suite
    // would run file after file while a browser test mostly waits on Chromium: two files at a
    // time took the suite from 303 to 267 s on this machine, every test passing. End-to-end files
    // may run together: the global setup builds the sites once, before any file, and files that
    // build again build into directories of their own.
    maxWorkers: 2,
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
        },
      },
    ],
  },
});
