import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProgram } from "../support/cli.js";
import { cliPath, repoRoot } from "../support/paths.js";

// The published package, as `npx docker-tutor` gets it: one tarball that needs nothing else.
const run = promisify(execFile);
const maxTarballBytes = 1_500_000;

let scratch: string;
let tarball: string;
let unpacked: string;

beforeAll(async () => {
  // Packs the dist/ that `npm test` built: prepack's rebuild would pull it from under other tests.
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  scratch = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-package-"));
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
    cwd: repoRoot,
    env: learnerEnv(),
  });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  tarball = path.join(scratch, filename);
  unpacked = path.join(scratch, "unpacked");
  await mkdir(unpacked);
  await run("tar", ["-xzf", tarball, "-C", unpacked]);
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The environment of a learner's shell: none of the npm_* settings of the `npm test` running this. */
function learnerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, NO_COLOR: "1", ...extra };
}

describe("the npm package", () => {
  it("has no runtime dependencies: the bundle carries them", async () => {
    const pkg = JSON.parse(await readFile(path.join(unpacked, "package", "package.json"), "utf8"));
    // npx installs each of these (peers too, since npm 7), which is what made it slow.
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"])
      expect(pkg[field] ?? {}, field).toEqual({});
  });

  it(`packs into at most ${maxTarballBytes / 1e6} MB`, async () => {
    const { size } = await stat(tarball);
    console.log(`npm pack: ${(size / 1e6).toFixed(2)} MB (${size} bytes)`);
    expect(size).toBeLessThanOrEqual(maxTarballBytes);
  });

  it("ships the notices of the packages it bundles, with their licences", async () => {
    const notices = await readFile(path.join(unpacked, "package", "dist", "THIRD-PARTY-NOTICES.md"), "utf8");
    expect(notices).toMatch(/^## dockerode \d+\.\d+\.\d+\n\nLicence: Apache-2\.0\n\nLICENSE/m);
    expect(notices).toMatch(/^## commander \d+\.\d+\.\d+\n\nLicence: MIT\n\nLICENSE/m);
    expect(notices).toMatch(/^## marked \d+\.\d+\.\d+\n\nLicence: MIT\n\nLICENSE/m);
    // Packages nested in another's node_modules count too, scoped ones included.
    expect(notices).toMatch(/^## chalk 4\./m); // cli-highlight's own
    expect(notices).toMatch(/^## chalk 5\./m);
    expect(notices).toMatch(/^## @grpc\/proto-loader 0\.7\./m);
    expect(notices).toMatch(/^## @grpc\/proto-loader 0\.8\./m); // @grpc/grpc-js's own
  });

  it("runs `list` through npx offline, from an empty cache in an empty folder", async () => {
    const folder = path.join(scratch, "empty");
    await mkdir(folder);
    const result = await runProgram(
      "npx",
      ["--offline", "--yes", `--package=${tarball}`, "docker-tutor", "list"],
      {
        cwd: folder,
        env: learnerEnv({
          npm_config_cache: path.join(scratch, "npm-cache"),
          DOCKER_TUTOR_HOME: path.join(scratch, "home"),
        }),
      },
    );
    console.log(`first npx docker-tutor list (install and run, empty cache): ${result.ms} ms`);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("What Docker is");
    expect(result.stdout).toContain("Writing a Dockerfile");
    expect(result.code).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });
});
