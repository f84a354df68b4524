import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A focused test (`it.only`, `describe.only`, `.only.each`) would silently drop the others: refused.
          allowOnly: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // A focused test (`it.only`, `describe.only`, `.only.each`) would silently drop the others: refused.
          allowOnly: false,
          // Each file starts its own dockerd; running them one at a time keeps them from fighting over the CPUs.
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // `npm run bench` only: reports timings as ratios, asserts none.
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          // A focused test (`it.only`, `describe.only`, `.only.each`) would silently drop the others: refused.
          allowOnly: false,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
