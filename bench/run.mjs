// `npm run bench`: figures measured side by side in one run, written to bench/results.md.
// Timings on shared machines are noisy, so each figure is a ratio to a baseline measured in the
// same interleaved loop, and the report gives medians over many runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "dist", "cli.js");
const runs = Number(process.env.BENCH_RUNS ?? 40);
const home = mkdtempSync(path.join(os.tmpdir(), "docker-tutor-bench-"));
const env = { ...process.env, DOCKER_TUTOR_HOME: home, NO_COLOR: "1" };

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
};

// Start-up: the same loop runs the baseline and each command in turn, so load affects them alike.
const cases = {
  "node -e 0": ["-e", "0"],
  "docker-tutor --version": [cli, "--version"],
  "docker-tutor list": [cli, "list"],
};
time([cli, "list"]); // fills the pack cache, as any learner's first run does
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));
rmSync(home, { recursive: true, force: true });

// Engine and learner figures: bench/NAME.ts, bundled and run here.
const { build } = await import("esbuild");
async function importBench(name) {
  const outfile = path.join(root, ".tmp", `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, "bench", `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    external: ["dockerode", "dockerfile-ast", "yaml", "zod", "node-pty"],
    logLevel: "warning",
  });
  return import(outfile);
}
const engine = await importBench("engine-bench");
const learner = await importBench("learner-bench");
const authoring = await importBench("authoring-bench");
const preview = await authoring.previewWatch(cli, Number(process.env.BENCH_PREVIEW_RUNS ?? 15));
const learnerRuns = Number(process.env.BENCH_LEARNER_RUNS ?? 15);
const advance = await learner.autoAdvance(cli, learnerRuns);
const notYetMs = await learner.notYet(cli, Math.min(learnerRuns, 10));
const verdicts = await learner.failingVerdicts(cli);
const storm = await learner.eventStorm(cli, Number(process.env.BENCH_STORM_CONTAINERS ?? 200));
const { npxInstall } = await import("./npx-install.mjs");
const npx = await npxInstall(root);
const checkSamples = await engine.fiveChecks(Number(process.env.BENCH_CHECK_RUNS ?? 100));
const tutor = await engine.tutorFigures(cli, Number(process.env.BENCH_TUTOR_RUNS ?? 20));
let verifyRow = "";
if (process.env.BENCH_SKIP_VERIFY !== "1") {
  spawnSync(process.execPath, [cli, "reset", "--all", "--yes"], { env, stdio: "ignore" });
  const plainMs = await engine.plainSolutions(path.join(root, "lessons"), cli);
  const verifyStart = process.hrtime.bigint();
  const verify = spawnSync(process.execPath, [cli, "verify"], { env, stdio: "ignore" });
  const verifyMs = Number(process.hrtime.bigint() - verifyStart) / 1e6;
  if (verify.status !== 0) throw new Error(`verify failed (exit ${verify.status}); run it alone to see why`);
  verifyRow = `| verify, built-in pack | ${(verifyMs / 1000).toFixed(1)} s | solutions alone as plain shell: ${(plainMs / 1000).toFixed(1)} s | ratio ${(verifyMs / plainMs).toFixed(2)} | ≤ 1.3 |`;
}

// The fault suite's figures, from the latest `npm run test:faults` on this machine.
let faultSection = "Run `npm run test:faults` first to include the fault suite's figures.";
try {
  const figures = JSON.parse(readFileSync(path.join(root, ".tmp", "fault-figures.json"), "utf8"));
  faultSection = [
    "| figure | value |",
    "| --- | --- |",
    ...Object.entries(figures).map(([name, value]) => `| ${name} | ${value} |`),
  ].join("\n");
} catch {
  // no fault run yet
}

const base = median(samples["node -e 0"]);
const rows = Object.entries(samples).map(([name, xs]) => ({
  name,
  median: median(xs),
  p95: p95(xs),
  ratio: median(xs) / base,
}));

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const table = [
  "| figure | median | p95 | ratio to `node -e 0` | budget |",
  "| --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.ratio.toFixed(2)} | ${r.name === "node -e 0" ? "baseline" : "≤ 1.5"} |`,
  ),
].join("\n");
const report = `# Benchmarks

Machine: ${machine}  
Date: ${date}  
Runs: ${runs} of each, interleaved; the pack cache warm (as after a learner's first run).

## Start-up

${table}

## Checks and verify

| figure | value | detail | | budget |
| --- | --- | --- | --- | --- |
| a step of five checks (container, image, volume, network, not) | median ${median(checkSamples).toFixed(1)} ms | p95 ${p95(checkSamples).toFixed(1)} ms over ${checkSamples.length} runs | | median ≤ 25 ms |
${verifyRow}

## The interactive tutor

| figure | median | p95 | detail | budget |
| --- | --- | --- | --- | --- |
| start-up to the first menu render | ${median(tutor.menuMs).toFixed(1)} ms | ${p95(tutor.menuMs).toFixed(1)} ms | ${(median(tutor.menuMs) / median(tutor.nodeMs)).toFixed(2)} × \`node -e 0\` in the same terminal (${median(tutor.nodeMs).toFixed(1)} ms) | ≤ 2 × |
| completing engine event → success line on screen | ${median(tutor.advanceMs).toFixed(1)} ms | ${p95(tutor.advanceMs).toFixed(1)} ms | over ${tutor.advanceMs.length} steps; from the last event of the container's exit (its network disconnect: the engine answers inspect only after it) | median ≤ 50 ms, p95 ≤ 150 ms |
| container \`die\` event → success line on screen | ${median(tutor.fromDieMs).toFixed(1)} ms | ${p95(tutor.fromDieMs).toFixed(1)} ms | the same steps, from the first event of the exit | |
| peak resident memory during a lesson | ${tutor.peakRssMb.toFixed(0)} MB | | VmHWM of the tutor process | ≤ 120 MB |

## As the learner feels it

| figure | median | max | detail | budget |
| --- | --- | --- | --- | --- |
| state step: the docker command's exit → success line | ${median(advance.stateMs).toFixed(1)} ms | ${Math.max(...advance.stateMs).toFixed(1)} ms | what-is-docker/first-container, ${advance.stateMs.length} runs, \`docker run\` from another terminal | |
| http step: the docker command's exit → success line | ${median(advance.httpMs).toFixed(1)} ms | ${Math.max(...advance.httpMs).toFixed(1)} ms | containers/publish-port (busybox httpd), ${advance.httpMs.length} runs | median ≤ 50 ms |
| failing command at the prompt → "Not yet" | ${median(notYetMs).toFixed(1)} ms | ${Math.max(...notYetMs).toFixed(1)} ms | the http step, wrong host port, typed at the prompt; from the command's exit (an echo after it) to the line, ${notYetMs.length} runs | ≤ 300 ms |
| \`check\` to a failing verdict | ${median(verdicts.map((v) => v.ms)).toFixed(0)} ms | ${Math.max(...verdicts.map((v) => v.ms)).toFixed(0)} ms | the whole command, start-up included, over ${verdicts.length} failing states: ${verdicts.map((v) => `${v.state} ${v.ms.toFixed(0)} ms`).join("; ")} | each ≤ 1 s |
| first \`npx docker-tutor list\`, empty npm cache, offline | ${median(npx.installAndListMs).toFixed(0)} ms | ${Math.max(...npx.installAndListMs).toFixed(0)} ms | install from the packed tarball and run, in an empty folder, ${npx.installAndListMs.length} runs; tarball ${(npx.tarballBytes / 1e6).toFixed(2)} MB | ≤ 3 s; tarball ≤ 1.5 MB |
| the tutor through an event storm | ${storm.cpuSeconds.toFixed(2)} s CPU | ${storm.peakRssMb.toFixed(0)} MB peak | ${storm.events} engine events as ${process.env.BENCH_STORM_CONTAINERS ?? 200} unrelated containers start and exit, in ${storm.seconds.toFixed(0)} s, with the tutor at the http step; the step then passed ${storm.advancedMs.toFixed(1)} ms after the learner's command exited | ≤ 0.5 s CPU, < 120 MB |

## As the author feels it

| figure | median | max | detail | budget |
| --- | --- | --- | --- | --- |
| \`preview --watch\`: a save → the lesson on screen again | ${median(preview.smallMs).toFixed(1)} ms | ${Math.max(...preview.smallMs).toFixed(1)} ms | a pack as \`new pack\` makes it, ${preview.smallMs.length} saves, in a pseudo-terminal: from the write to the new title on screen (debounce, load, lint, render) | ≤ 200 ms |
| the same, a copy of the built-in pack | ${median(preview.largeMs).toFixed(1)} ms | ${Math.max(...preview.largeMs).toFixed(1)} ms | its containers lesson, ${preview.largeMs.length} saves; all eight lessons are loaded and linted at each save | ≤ 200 ms |

## Fault suite (latest \`npm run test:faults\`)

${faultSection}
`;
writeFileSync(path.join(root, "bench", "results.md"), report);
console.log(report);
const over = rows.filter((r) => r.name !== "node -e 0" && r.ratio > 1.5);
if (over.length > 0) console.log(`over budget: ${over.map((r) => r.name).join(", ")}`);
