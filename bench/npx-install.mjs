// A learner's first `npx docker-tutor list`: the packed tarball's size, and the time to install it from an
// empty npm cache and run `list` with no tutor home yet, in an empty folder, offline. Packs the built
// dist/ as it is (--ignore-scripts: no rebuild).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Without the npm_* settings of the `npm run bench` calling us, npx behaves as in a learner's shell.
const learnerEnv = (extra) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
  NO_COLOR: "1",
  ...extra,
});

function mustRun(command, args, options) {
  const result = spawnSync(command, args, {
    ...options,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

export async function npxInstall(root, runs = Number(process.env.BENCH_NPX_RUNS ?? 3)) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-npx-bench-"));
  try {
    const packed = mustRun("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
      cwd: root,
      env: learnerEnv(),
    });
    const tarball = path.join(scratch, JSON.parse(packed)[0].filename);
    const installAndListMs = [];
    for (let i = 0; i < runs; i++) {
      const run = path.join(scratch, `run-${i}`);
      const folder = path.join(run, "empty");
      mkdirSync(folder, { recursive: true });
      const env = learnerEnv({
        npm_config_cache: path.join(run, "npm-cache"),
        DOCKER_TUTOR_HOME: path.join(run, "home"),
      });
      const start = process.hrtime.bigint();
      mustRun("npx", ["--offline", "--yes", `--package=${tarball}`, "docker-tutor", "list"], {
        cwd: folder,
        env,
      });
      installAndListMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return { tarballBytes: statSync(tarball).size, installAndListMs };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
