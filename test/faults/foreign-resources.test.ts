import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { recordFigure } from "../support/figures.js";

const run = promisify(execFile);
const docker = async (args: string[]) => (await run("docker", args)).stdout.trim();
const label = ["--label", `${testLabel}=foreign`];

// Fifty things that are not any lesson's, many named close to what the lessons own.
const foreign = {
  containers: [
    "tutor-hello-mine", "tutor_hello", "tutor-hello2", "my-tutor-hello", "tutor-ticker-old", "tutor-greeter-2",
    "tutor-httpd_", "tutor-registry-backup", "tutor-alpha1", "tutor-web", "tutor-web-mine", "tutor-compose-web-1x",
    "tutorhello", "Tutor-hello", "tutor-pyapp-v3",
  ],
  images: [
    "tutor-hello:2", "tutor-box-mine:1", "tutor-pyapp-mine:1", "localhost:5055/tutor-hello-mine:1", "tutor-boxes:1",
    "tutor-compose_webapp:1", "tutor-compose-webx:1", "my/tutor-box:1", "tutor-hellox:1", "tutor-registry:2",
  ],
  volumes: [
    "tutor-data-mine", "tutor-data2", "tutor-restored-old", "tutor-registry-data-mine", "tutor-compose_data2",
    "tutor-compose_cache", "tutor_data", "my-tutor-data", "tutor-datas", "tutor-volume", "tutor-data.bak", "tutordata",
    "tutor-restore",
  ],
  networks: [
    "tutor-net-mine", "tutor-net2", "tutor-other-old", "tutor-compose_backend2", "tutor-compose_front", "tutor_net",
    "my-tutor-net", "tutor-nets", "tutor-netx", "tutor-others", "tutor-othe", "tutornet",
  ],
}; // biome-ignore format: lists of names

let home: string;
const before = new Map<string, string>();

async function snapshot(): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  for (const name of foreign.containers)
    state.set(
      `container ${name}`,
      await docker(["inspect", "-f", "{{.Id}} {{.State.Status}}", name]).catch(() => "gone"),
    );
  for (const name of foreign.images)
    state.set(`image ${name}`, await docker(["image", "inspect", "-f", "{{.Id}}", name]).catch(() => "gone"));
  for (const name of foreign.volumes)
    state.set(
      `volume ${name}`,
      await docker(["volume", "inspect", "-f", "{{.CreatedAt}}", name]).catch(() => "gone"),
    );
  for (const name of foreign.networks)
    state.set(
      `network ${name}`,
      await docker(["network", "inspect", "-f", "{{.Id}}", name]).catch(() => "gone"),
    );
  return state;
}

async function removeForeign(): Promise<void> {
  await docker(["rm", "-f", ...foreign.containers]).catch(() => undefined);
  await docker(["rmi", ...foreign.images]).catch(() => undefined);
  await docker(["volume", "rm", "-f", ...foreign.volumes]).catch(() => undefined);
  for (const n of foreign.networks) await docker(["network", "rm", n]).catch(() => undefined);
}

beforeAll(async () => {
  await requireEngine();
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-foreign-"));
  await removeForeign();
  for (const name of foreign.containers)
    await docker(["create", "--name", name, ...label, "busybox:latest", "true"]);
  for (const name of foreign.images) await docker(["tag", "busybox:latest", name]);
  for (const name of foreign.volumes) await docker(["volume", "create", ...label, name]);
  for (const name of foreign.networks) await docker(["network", "create", ...label, name]);
  for (const [key, value] of await snapshot()) before.set(key, value);
}, 300_000);

afterAll(async () => {
  await removeForeign();
  await rm(home, { recursive: true, force: true });
});

describe("foreign resources", () => {
  it("are 50, all present before the lessons run", () => {
    expect(before.size).toBe(50);
    expect([...before.values()].filter((v) => v === "gone")).toEqual([]);
  });

  it("are left as they were by reset --all --yes and a full verify", async () => {
    const reset = await runCli(["reset", "--all", "--yes"], { env: { DOCKER_TUTOR_HOME: home } });
    expect(reset.code).toBe(0);
    const verify = await runCli(["verify", "--json"], { env: { DOCKER_TUTOR_HOME: home } });
    expect(verify.code).toBe(0);
    const after = await snapshot();
    const touched = [...before.entries()]
      .filter(([key, value]) => after.get(key) !== value)
      .map(([key]) => key);
    recordFigure("foreign resources", `${before.size} present, touched ${touched.length}`);
    expect(touched).toEqual([]);
  }, 900_000);
});
