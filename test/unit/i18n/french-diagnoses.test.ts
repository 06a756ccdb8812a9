/**
 * Under `fr`, every diagnosis reads in French: the failures of every check kind, on recorded engines and
 * real files, worded by the same code as in English, with no English word left (test/support/french.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckContext } from "../../../src/checks/check-context.js";
import { translator } from "../../../src/i18n/index.js";
import { evaluateYaml, filesOnlyContext } from "../../support/checks.js";
import { expectFrench, proseWords } from "../../support/french.js";
import { RecordedEngine, recordedContext, recordingWith } from "../../support/recorded-engine.js";

const web = "tutor-rec-web";
const done = "tutor-rec-done";
const project = "tutor-rec-app";
const built = "tutor-rec-image:1";

/** Failing checks on the recorded engine: every wording of container, image, network, volume, compose, exec, not. */
const onTheEngine = [
  `- container: tutor-rec-wbe`,
  `- container: { project: ${project}, service: wbe }`,
  `- container: { project: ${project}, service: cache }`,
  `- container: { project: tutor-rec-empty, service: web }`,
  `- { container: ${web}, state: exited }`,
  `- { container: ${web}, exitCode: 0 }`,
  `- { container: ${done}, exitCode: 0 }`,
  `- { container: ${web}, image: python:3.11-slim }`,
  `- { container: ${web}, ports: ["8082:80"] }`,
  `- { container: ${done}, ports: ["8080:80"] }`,
  `- { container: ${web}, mounts: [{ target: /cache }] }`,
  `- { container: ${done}, mounts: [{ target: /data }] }`,
  `- { container: ${web}, mounts: [{ target: /data, type: bind }] }`,
  `- { container: ${web}, mounts: [{ target: /data, source: tutor-rec-other }] }`,
  `- { container: ${web}, mounts: [{ target: /data, readOnly: true }] }`,
  `- { container: ${web}, networks: [bridge] }`,
  `- { container: ${web}, env: { DEBUG: "1" } }`,
  `- { container: ${web}, env: { MODE: dev } }`,
  `- { container: ${web}, labels: { owner: me } }`,
  `- { container: ${web}, labels: { tier: back } }`,
  `- { container: ${web}, restart: always }`,
  `- { container: ${web}, byDigest: true }`,
  `- { container: ${web}, logs: { contains: error } }`,
  `- { container: ${web}, logs: { matches: "(" } }`,
  `- image: tutor-rec-image:2`,
  `- { image: ${built}, sameAs: "busybox:latest" }`,
  `- { image: ${built}, sameAs: "tutor-rec-absent:1" }`,
  `- { image: ${built}, labels: { maintainer: me } }`,
  `- { image: "busybox:latest", cmd: [httpd] }`,
  `- { image: busybox, entrypoint: [httpd] }`,
  `- { image: busybox, exposedPorts: [80] }`,
  `- { image: busybox, workdir: /app }`,
  `- { image: busybox, user: nobody }`,
  `- { image: "busybox:latest", layers: { min: 2 } }`,
  `- { image: ${built}, maxSize: 1MB }`,
  `- network: tutor-rec-nett`,
  `- { network: tutor-rec-net, driver: overlay }`,
  `- { network: tutor-rec-net, internal: true }`,
  `- { network: tutor-rec-back, containers: [${web}] }`,
  `- { network: tutor-rec-net, resolves: { from: ${done}, name: db } }`,
  `- volume: tutor-rec-dta`,
  `- { volume: tutor-rec-data, driver: nfs }`,
  `- compose: tutor-rec-empty`,
  `- { compose: ${project}, count: { web: 3 } }`,
  `- { compose: ${project}, services: [worker] }`,
  `- { exec: ${web}, command: "echo oops; exit 2" }`,
  `- { exec: ${web}, command: cat /www/index.html, contains: goodbye }`,
  `- { exec: tutor-rec-done, command: echo hi }`,
  `- { http: 9, path: /health }`,
  `- not: { container: ${web} }`,
  `- not: { volume: tutor-rec-data }`,
  `- container: tutor-stranger`,
];

/** Failing checks on files of a working folder: file and dockerfile. */
const onFiles = [
  `- file: missing.txt`,
  `- { file: notes.txt, exists: false }`,
  `- { file: site, contains: x }`,
  `- { file: notes.txt, contains: goodbye }`,
  `- { file: empty.txt, contains: x }`,
  `- { file: notes.txt, matches: "^v\\\\d+$" }`,
  `- { file: .dockerignore, excludes: [secrets.env] }`,
  `- file: ../secret.txt`,
  `- file: /etc/passwd`,
  `- dockerfile: Dockerfile.prod`,
  `- dockerfile: Dockerfile.empty`,
  `- { dockerfile: Dockerfile, from: python:3.11-slim }`,
  `- { dockerfile: Dockerfile, stages: 2 }`,
  `- { dockerfile: Dockerfile, has: [HEALTHCHECK] }`,
  `- { dockerfile: Dockerfile, lacks: [RUN] }`,
  `- { dockerfile: Dockerfile, order: [CMD, RUN] }`,
  `- { dockerfile: Dockerfile, order: [RUN, HEALTHCHECK] }`,
  `- { dockerfile: build/recipe, stages: 2 }`,
];

/** The health and limits fields, on a container recorded on Docker 28. */
const onHealth = [
  `- { container: tutor-rec-health-sick, health: healthy }`,
  `- { container: tutor-rec-health-plain, health: healthy }`,
  `- { container: tutor-rec-health-healthy, health: none }`,
  `- { container: tutor-rec-health-plain, memory: 64m }`,
  `- { container: tutor-rec-health-limited, memory: 32m }`,
  `- { container: tutor-rec-health-plain, cpus: 0.5 }`,
  `- { container: tutor-rec-health-limited, cpus: 1 }`,
];

let workdir: string;
beforeAll(async () => {
  workdir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-french-"));
  await mkdir(path.join(workdir, "site"));
  await mkdir(path.join(workdir, "build"));
  await writeFile(path.join(workdir, "notes.txt"), "hello world\nversion: 2\n");
  await writeFile(path.join(workdir, "empty.txt"), "");
  await writeFile(path.join(workdir, ".dockerignore"), "# secrets.env\n");
  await writeFile(path.join(workdir, "Dockerfile"), 'FROM busybox\nRUN true\nCMD ["sh"]\n');
  await writeFile(path.join(workdir, "build", "recipe"), "FROM busybox\n");
  await writeFile(path.join(workdir, "Dockerfile.empty"), "# nothing yet\n");
});
afterAll(() => rm(workdir, { recursive: true, force: true }));

/** Each check fails in both languages, on the learner's work (not the engine), and reads as French. */
async function expectFrenchFailures(checks: string[], contextIn: (language: "en" | "fr") => CheckContext) {
  const [english, french] = [contextIn("en"), contextIn("fr")];
  for (const yaml of checks) {
    const [en, fr] = await Promise.all([evaluateYaml(yaml, english), evaluateYaml(yaml, french)]);
    expect({ yaml, passed: en.passed, engineError: en.engineError }).toEqual({ yaml, passed: false });
    expect(fr.passed).toBe(false);
    expectFrench(fr.message, en.message, yaml);
  }
}

describe("diagnoses in French", () => {
  it("words every failure on the engine in French", async () => {
    await expectFrenchFailures(onTheEngine, (language) =>
      recordedContext(new RecordedEngine(), { t: translator(language) }),
    );
  });

  it("words every failure on files in French", async () => {
    await expectFrenchFailures(onFiles, (language) => filesOnlyContext(workdir, language));
  });

  it("words health and limits in French", async () => {
    await expectFrenchFailures(onHealth, (language) =>
      recordedContext(new RecordedEngine(recordingWith("health-docker-28.json")), {
        t: translator(language),
      }),
    );
  });

  it("words a passing check as the check itself, in French", async () => {
    const french = recordedContext(new RecordedEngine(), { t: translator("fr") });
    const passed = await evaluateYaml(`- { container: ${web}, state: running, ports: ["8080:80"] }`, french);
    expect(passed).toMatchObject({
      passed: true,
      message: `le conteneur ${web} est à l'état running et publie 8080→80`,
    });
    const not = await evaluateYaml(`- not: { container: ${web}, state: exited }`, french);
    expect(not).toMatchObject({ passed: true, message: `le conteneur ${web} est à l'état running` });
  });

  it("reads the example of the issue in French", async () => {
    const french = recordedContext(new RecordedEngine(), { t: translator("fr") });
    const result = await evaluateYaml(`- { container: ${web}, state: paused }`, french);
    expect(result.message).toBe(`le conteneur ${web} est à l'état running ; attendu : paused`);
  });

  it("leaves quoted text and names alone when it looks for English", () => {
    expect(
      proseWords('le fichier notes.txt se termine par « version: 2 » ; `ls -la` "the end" FROM'),
    ).toEqual(["le", "fichier", "se", "termine", "par"]);
  });
});
