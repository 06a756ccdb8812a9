import { defineConfig } from "vitest/config";

// Three layers: pure logic (fast), the real Docker engine, and the built CLI in a pseudo-terminal;
// and the fault suite, run on its own.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "engine",
          include: ["test/engine/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The built-in pack's verify on Podman (scripts/podman.sh ensure first): its skips and their reasons.
        test: {
          name: "podman",
          include: ["test/podman/**/*.test.ts"],
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Remote engines on this machine (`npm run build`, then `npx vitest run --project remote`):
        // Docker 28 nested on the base engine, over tcp with --tlsverify and behind an SSH server.
        test: {
          name: "remote",
          include: ["test/remote/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // The fault suite (`npm run test:faults`): crashes, hostile input, outages; prints its figures.
        test: {
          name: "faults",
          include: ["test/faults/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
