/**
 * Every check kind against the real engine: one passing and one failing case per field group, each
 * pinned to the exact one-line message a learner would read. Checks are written as in a lesson's
 * ```check block and parsed the same way.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CheckContext, createCheckContext, portHostFor } from "../../src/checks/check-context.js";
import { evaluateCheck } from "../../src/checks/evaluate.js";
import { parseCheckList } from "../../src/checks/parse.js";
import type { CheckResult } from "../../src/checks/result.js";
import type { Resources } from "../../src/world/resources.js";
import { requireEngine, testLabel } from "../support/engine.js";
import { startedLongAgo } from "../support/provenance.js";
import { TestResources } from "../support/resources.js";

const run = promisify(execFile);
// dockerode reads DOCKER_HOST as the tutor does: the matrix runs these tests on each engine.
const docker = new Dockerode();
/** Where published ports answer: the engine's host for a tcp engine (a nested one, in the matrix). */
const engineHost = process.env.DOCKER_HOST ?? "unix:///var/run/docker.sock";
/**
 * On a remote engine (the nested one of the matrix), 127.0.0.1 is the engine host's own loopback, out of
 * this machine's reach: the web container publishes on every address there instead.
 */
const remote = /^(tcp|https?|ssh):/.test(engineHost);
const bound = remote ? "" : "127.0.0.1:";
const portHost = portHostFor(engineHost);
const created = new TestResources(docker, "checks");

const pid = process.pid;
const named = (what: string) => `tutor-test-${what}-${pid}`;

/** Running busybox httpd: ports, mounts, env, labels, restart policy, logs, the network. */
const web = named("web");
/** Ran `exit 3`: exit codes, stopped containers; attached to the network. */
const done = named("done");
/** Containers labelled as a compose project: web ×2 and db running, worker exited. */
const project = named("app");
const appWeb1 = named("app-web-1");
const appWeb2 = named("app-web-2");
const appDb = named("app-db-1");
const appWorker = named("app-worker-1");
const network = named("net");
const volume = named("data");
const image = `tutor-test-image-${pid}:1`;
/** Declared by the lesson, never created: for "no such" cases. */
const gone = named("nothing-here");
const emptyProject = named("empty");
/** Started in its own test: a healthcheck, --memory 64m and --cpus 0.5. */
const kept = named("kept");
const otherVolume = named("other");

const resources: Resources = {
  containers: [web, done, appWeb1, appWeb2, appDb, appWorker, gone, kept, `tutor-test_web-${pid}`],
  images: [`tutor-test-image-${pid}`],
  volumes: [volume, otherVolume, named("dta")],
  networks: [network, named("nett")],
  projects: [project, emptyProject],
};

let workdir: string;
let buildDir: string;
let webPort: number;
/** A port in the test range where nothing listens. */
let closedPort: number;
/** Published by a container where nothing listens (free here, and distinct from the others on a remote engine). */
let deafPort: number;
let ctx: CheckContext;
let imageSize: number;
let imageLayers: number;

const dockerfile = `FROM python:3.11-slim AS build
WORKDIR /src
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .

FROM busybox:latest
COPY --from=build /src /app
USER nobody
CMD ["httpd", "-f", "-p", "8080"]
`;

const imageDockerfile = `FROM busybox:latest
RUN mkdir -p /app && echo hi > /app/hello.txt
WORKDIR /app
ENV MODE=prod
LABEL org.example.tier=front
EXPOSE 8080 53/udp
USER nobody
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["httpd -f -p 8080"]
`;

beforeAll(async () => {
  await requireEngine();
  workdir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-checks-"));
  buildDir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-checks-build-"));
  [webPort, closedPort, deafPort] = (await freePorts(3)) as [number, number, number];
  ctx = createCheckContext({
    docker,
    workdir,
    resources,
    images: ["busybox:latest"],
    engineHost,
    marker: startedLongAgo,
  });

  await mkdir(path.join(workdir, "site"));
  await mkdir(path.join(workdir, "app"));
  await writeFile(path.join(workdir, "site", "index.html"), "<h1>site</h1>\n");
  await writeFile(path.join(workdir, "notes.txt"), "hello world\nversion: 2\n");
  await writeFile(path.join(workdir, "Dockerfile"), dockerfile);
  await writeFile(path.join(workdir, "Dockerfile.empty"), "# nothing here yet\n");
  await writeFile(path.join(workdir, "..notes"), "dots\n");
  await symlink(buildDir, path.join(workdir, "outside"));
  await writeFile(path.join(buildDir, "Dockerfile"), imageDockerfile);

  const labels = created.labels;
  created.track("images", image);
  await run("docker", [
    "build",
    "-q",
    "--label",
    `${testLabel}=${created.labelValue}`,
    "-t",
    image,
    buildDir,
  ]);
  const built = await docker.getImage(image).inspect();
  imageSize = built.Size;
  // BuildKit and the classic builder make different layers of the same Dockerfile (one matrix engine each).
  imageLayers = built.RootFS?.Layers?.length ?? 0;

  await docker.createNetwork({ Name: created.track("networks", network), Driver: "bridge", Labels: labels });
  await docker.createVolume({ Name: created.track("volumes", volume), Labels: labels });
  await runToEnd({
    name: created.track("containers", named("seed")),
    Image: "busybox:latest",
    Labels: labels,
    Cmd: ["sh", "-c", "echo 'hello from the volume' > /data/notes.txt && mkdir /data/sub"],
    HostConfig: { Binds: [`${volume}:/data`] },
  });

  const webContainer = await docker.createContainer({
    name: created.track("containers", web),
    Image: "busybox:latest",
    Cmd: [
      "sh",
      "-c",
      "echo 'server ready on port 80'; mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www",
    ],
    Env: ["MODE=prod"],
    Labels: { ...labels, tier: "front" },
    ExposedPorts: { "80/tcp": {} },
    HostConfig: {
      PortBindings: { "80/tcp": [{ HostIp: remote ? "" : "127.0.0.1", HostPort: String(webPort) }] },
      Binds: [`${volume}:/data:ro`, `${path.join(workdir, "site")}:/site`],
      RestartPolicy: { Name: "unless-stopped" },
      NetworkMode: network,
    },
  });
  await webContainer.start();

  await runToEnd({
    name: created.track("containers", done),
    Image: "busybox:latest",
    Labels: labels,
    Cmd: ["sh", "-c", "echo finished; exit 3"],
    HostConfig: { NetworkMode: network },
  });

  // One at a time, so the engine lists them in a fixed order.
  for (const [name, service] of [
    [appWeb1, "web"],
    [appWeb2, "web"],
    [appDb, "db"],
    [appWorker, "worker"],
  ] as const) {
    const container = await docker.createContainer({
      name: created.track("containers", name),
      Image: "busybox:latest",
      Cmd: service === "worker" ? ["true"] : ["sleep", "600"],
      Labels: { ...labels, "com.docker.compose.project": project, "com.docker.compose.service": service },
      HostConfig: service === "db" ? { NetworkMode: network } : {},
      NetworkingConfig: service === "db" ? { EndpointsConfig: { [network]: { Aliases: ["db"] } } } : {},
    });
    await container.start();
    if (service === "worker") await container.wait();
  }
  await waitForHttp(webPort);
});

afterAll(async () => {
  try {
    await created.removeAll();
  } finally {
    await Promise.all(
      [workdir, buildDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })),
    );
  }
});

/** Creates, starts and waits for a container that ends by itself. */
async function runToEnd(options: Dockerode.ContainerCreateOptions): Promise<void> {
  const container = await docker.createContainer(options);
  await container.start();
  await container.wait();
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** Ports in 18100-18199 where nothing listens, starting at a place that depends on the process. */
async function freePorts(count: number): Promise<number[]> {
  const found: number[] = [];
  for (let i = 0; i < 100 && found.length < count; i++) {
    const port = 18100 + ((pid + i) % 100);
    if (await isFree(port)) found.push(port);
  }
  if (found.length < count) throw new Error("no free ports in 18100-18199");
  return found;
}

async function waitForHttp(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await fetch(`http://${portHost.includes(":") ? `[${portHost}]` : portHost}:${port}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing answers on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Parses one check as a lesson's check block would and evaluates it. */
async function evaluate(yaml: string, context: CheckContext = ctx): Promise<CheckResult> {
  const { checks, issues } = parseCheckList(parse(yaml));
  expect(issues).toEqual([]);
  const [only, ...rest] = checks;
  if (!only || rest.length > 0) throw new Error(`expected exactly one check in:\n${yaml}`);
  return evaluateCheck(only, context);
}

/** The message of a check that must pass (and did not trip over the engine). */
async function passes(yaml: string, context?: CheckContext): Promise<string> {
  const result = await evaluate(yaml, context);
  expect({ passed: result.passed, message: result.message }).toMatchObject({ passed: true });
  expect(result.engineError).toBeUndefined();
  return result.message;
}

/** The message of a check that must fail (on the learner's work, not on the engine). */
async function fails(yaml: string, context?: CheckContext): Promise<string> {
  const result = await evaluate(yaml, context);
  expect({ passed: result.passed, message: result.message }).toMatchObject({ passed: false });
  expect(result.engineError).toBeUndefined();
  return result.message;
}

describe("container checks", () => {
  it("container check finds a container by name and says what state it is in", async () => {
    await passes(`
        - container: ${web}
          state: running
      `);
    expect(
      await fails(`
        - container: ${web}
          state: exited
      `),
    ).toBe(`container ${web} is running; expected exited`);
  });

  it("container check suggests the name meant when it is misspelt", async () => {
    expect(await fails(`- container: tutor-test_web-${pid}`)).toBe(
      `no container named tutor-test_web-${pid} (there is ${web}: a typo?)`,
    );
    expect(await fails(`- container: ${gone}`)).toBe(`no container named ${gone}`);
  });

  it("container check reads the exit code of a stopped container", async () => {
    await passes(`
        - container: ${done}
          state: exited
          exitCode: 3
      `);
    expect(
      await fails(`
        - container: ${done}
          exitCode: 0
      `),
    ).toBe(`container ${done} exited with code 3; expected 0`);
  });

  it("container check says a running container has no exit code yet", async () => {
    expect(
      await fails(`
        - container: ${web}
          exitCode: 0
      `),
    ).toBe(`container ${web} is running, so it has no exit code yet; expected exit code 0`);
  });

  it("container check compares the image, whatever the tag spelling", async () => {
    await passes(`
        - container: ${web}
          image: busybox
      `);
    expect(
      await fails(`
        - container: ${web}
          image: ${image}
      `),
    ).toBe(`container ${web} runs image busybox:latest; expected ${image}`);
  });

  it("container check reports the published ports it found", async () => {
    await passes(`
        - container: ${web}
          ports: ["${webPort}:80", "${bound}${webPort}:80/tcp"]
      `);
    expect(
      await fails(`
        - container: ${web}
          ports: ["${webPort + 1}:80"]
      `),
    ).toBe(`container ${web} publishes ${bound}${webPort}->80/tcp; expected ${webPort + 1}->80/tcp`);
    expect(
      await fails(`
        - container: ${done}
          ports: ["${webPort}:80"]
      `),
    ).toBe(`container ${done} publishes no ports; expected ${webPort}->80/tcp`);
  });

  it("container check finds volume and bind mounts, read-only or not", async () => {
    await passes(`
        - container: ${web}
          mounts:
            - { target: /data, source: ${volume}, type: volume, readOnly: true }
            - { target: /site, source: site, type: bind, readOnly: false }
      `);
    expect(
      await fails(`
        - container: ${web}
          mounts: [{ target: /data, readOnly: false }]
      `),
    ).toBe(`container ${web} mounts /data (read-only); expected read-write`);
    expect(
      await fails(`
        - container: ${web}
          mounts: [{ target: /site, readOnly: true }]
      `),
    ).toBe(`container ${web} mounts /site (read-write); expected read-only`);
  });

  // A source starting with ./ is a path in the working folder, not a volume name the lesson must own.
  it("container check takes a ./ mount source as a folder of the working folder", async () => {
    await passes(`
        - container: ${web}
          mounts: [{ target: /site, source: ./site }]
      `);
  });

  it("container check names the mounts it found when one is missing or different", async () => {
    const site = path.join(workdir, "site");
    expect(
      await fails(`
        - container: ${web}
          mounts: [{ target: /cache }]
      `),
    ).toBe(`container ${web} mounts ${volume} at /data, ${site} at /site; expected a mount at /cache`);
    expect(
      await fails(`
        - container: ${web}
          mounts: [{ target: /data, type: bind }]
      `),
    ).toBe(`container ${web} has a volume mount at /data; expected a bind mount`);
    expect(
      await fails(`
        - container: ${web}
          mounts: [{ target: /data, source: ${otherVolume} }]
      `),
    ).toBe(`container ${web} mounts ${volume} at /data; expected ${otherVolume} at /data`);
    expect(
      await fails(`
        - container: ${web}
          mounts: [{ target: /site, source: app, type: bind }]
      `),
    ).toBe(`container ${web} mounts ${site} at /site; expected ${path.join(workdir, "app")} at /site`);
  });

  it("container check lists the networks a container is on", async () => {
    await passes(`
        - container: ${web}
          networks: [${network}]
      `);
    expect(
      await fails(`
        - container: ${web}
          networks: [bridge]
      `),
    ).toBe(`container ${web} is on network ${network}; expected bridge`);
  });

  it("container check compares environment variables and labels", async () => {
    await passes(`
        - container: ${web}
          env: { MODE: prod }
          labels: { tier: front }
      `);
    expect(
      await fails(`
        - container: ${web}
          env: { MODE: dev }
      `),
    ).toBe(`container ${web} has MODE=prod; expected MODE=dev`);
    expect(
      await fails(`
        - container: ${web}
          env: { DEBUG: "1" }
      `),
    ).toBe(`container ${web} has no environment variable DEBUG; expected DEBUG=1`);
    expect(
      await fails(`
        - container: ${web}
          labels: { tier: back }
      `),
    ).toBe(`container ${web} has label tier=front; expected tier=back`);
    expect(
      await fails(`
        - container: ${web}
          labels: { owner: me }
      `),
    ).toBe(`container ${web} has no label owner; expected owner=me`);
  });

  it("container check reads the restart policy, no when none was set", async () => {
    await passes(`
        - container: ${web}
          restart: unless-stopped
      `);
    await passes(`
        - container: ${done}
          restart: no
      `);
    expect(
      await fails(`
        - container: ${web}
          restart: always
      `),
    ).toBe(`container ${web} has restart policy unless-stopped; expected always`);
  });

  it("container check reads the health status and the memory and CPU limits", async () => {
    const container = await docker.createContainer({
      name: created.track("containers", kept),
      Image: "busybox:latest",
      Labels: created.labels,
      Cmd: ["sleep", "600"],
      Healthcheck: { Test: ["CMD", "true"], Interval: 500_000_000 },
      HostConfig: { Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000 },
    });
    await container.start();
    await passes(`
        - container: ${kept}
          memory: 64m
          cpus: 0.5
      `);
    expect(
      await fails(`
        - container: ${web}
          memory: 64m
      `),
    ).toBe(`container ${web} has no memory limit; expected a memory limit of 64 MiB`);
    expect(
      await fails(`
        - container: ${web}
          health: healthy
      `),
    ).toBe(`container ${web} has no healthcheck; expected health healthy`);
    const deadline = Date.now() + 15_000;
    while ((await container.inspect()).State.Health?.Status !== "healthy" && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    await passes(`
        - container: ${kept}
          health: healthy
      `);
  });

  it("container check searches the logs with contains and matches", async () => {
    await passes(`
        - container: ${web}
          logs: { contains: server ready }
      `);
    await passes(`
        - container: ${web}
          logs: { matches: 'ready on port \\d+$' }
      `);
    expect(
      await fails(`
        - container: ${web}
          logs: { contains: error }
      `),
    ).toBe(`logs of container ${web} end with "server ready on port 80"; expected them to contain "error"`);
    expect(
      await fails(`
        - container: ${web}
          logs: { matches: 'listening on \\d+' }
      `),
    ).toBe(
      `logs of container ${web} end with "server ready on port 80"; expected them to match /listening on \\d+/`,
    );
  });

  it("container check by compose service looks at every container of the service", async () => {
    await passes(`
        - container: { project: ${project}, service: web }
          state: running
      `);
    expect(
      await fails(`
        - container: { project: ${project}, service: worker }
          state: running
      `),
    ).toBe(`container ${appWorker} is exited; expected running`);
  });

  it("container check by compose service names the services there are", async () => {
    expect(await fails(`- container: { project: ${project}, service: wbe }`)).toBe(
      `no container for service wbe of compose project ${project} (there is web: a typo?)`,
    );
    expect(await fails(`- container: { project: ${project}, service: cache }`)).toBe(
      `no container for service cache of compose project ${project} (its services: db, web, worker)`,
    );
    expect(await fails(`- container: { project: ${emptyProject}, service: web }`)).toBe(
      `no container for service web of compose project ${emptyProject} (the project has no containers: is it up?)`,
    );
  });
});

describe("image checks", () => {
  it("image check compares CMD with a declared image", async () => {
    await passes(`
        - image: busybox
          cmd: [sh]
      `);
    expect(
      await fails(`
        - image: busybox:latest
          cmd: [httpd, -f, -p, "8080"]
      `),
    ).toBe(`image busybox:latest has CMD ["sh"]; expected ["httpd","-f","-p","8080"]`);
  });

  it("image check passes on a built image with its whole configuration", async () => {
    await passes(`
        - image: ${image}
          labels: { org.example.tier: front }
          env: { MODE: prod }
          cmd: ["httpd -f -p 8080"]
          entrypoint: [/bin/sh, -c]
          exposedPorts: [8080, 53/udp]
          workdir: /app
          user: nobody
          layers: ${imageLayers}
          maxSize: 10MB
      `);
  });

  it("image check suggests the tag meant when it is misspelt", async () => {
    expect(await fails(`- image: tutor-test-image-${pid}:2`)).toBe(
      `no image tutor-test-image-${pid}:2 (there is ${image}: a typo?)`,
    );
  });

  it("image check compares labels and environment", async () => {
    expect(
      await fails(`
        - image: ${image}
          labels: { org.example.tier: back }
      `),
    ).toBe(`image ${image} has label org.example.tier=front; expected org.example.tier=back`);
    expect(
      await fails(`
        - image: ${image}
          labels: { maintainer: me }
      `),
    ).toBe(`image ${image} has no label maintainer; expected maintainer=me`);
    expect(
      await fails(`
        - image: ${image}
          env: { MODE: dev }
      `),
    ).toBe(`image ${image} has MODE=prod; expected MODE=dev`);
  });

  it("image check compares the entry point and the exposed ports", async () => {
    expect(
      await fails(`
        - image: ${image}
          entrypoint: [httpd]
      `),
    ).toBe(`image ${image} has ENTRYPOINT ["/bin/sh","-c"]; expected ["httpd"]`);
    expect(
      await fails(`
        - image: busybox
          entrypoint: [httpd]
      `),
    ).toBe(`image busybox has ENTRYPOINT []; expected ["httpd"]`);
    expect(
      await fails(`
        - image: ${image}
          exposedPorts: [9090]
      `),
    ).toBe(`image ${image} exposes 53/udp, 8080/tcp; expected 9090/tcp`);
    expect(
      await fails(`
        - image: busybox
          exposedPorts: [80]
      `),
    ).toBe(`image busybox exposes no ports; expected 80/tcp`);
  });

  it("image check compares the working folder and the user, saying when none is set", async () => {
    expect(
      await fails(`
        - image: ${image}
          workdir: /srv
      `),
    ).toBe(`image ${image} has WORKDIR /app; expected /srv`);
    expect(
      await fails(`
        - image: busybox
          workdir: /app
      `),
    ).toBe(`image busybox has WORKDIR / (none set); expected /app`);
    expect(
      await fails(`
        - image: ${image}
          user: app
      `),
    ).toBe(`image ${image} runs as user nobody; expected app`);
    expect(
      await fails(`
        - image: busybox
          user: nobody
      `),
    ).toBe(`image busybox runs as user root (none set); expected nobody`);
  });

  it("image check counts layers and bounds the size", async () => {
    await passes(`
        - image: ${image}
          layers: { min: 2, max: 3 }
      `);
    await passes("- image: busybox:latest\n  layers: 1");
    expect(await fails("- image: busybox:latest\n  layers: { min: 2 }")).toBe(
      "image busybox:latest has 1 layer; expected at least 2 layers",
    );
    expect(
      await fails(`
        - image: ${image}
          layers: { min: ${imageLayers + 1} }
      `),
    ).toBe(`image ${image} has ${imageLayers} layers; expected at least ${imageLayers + 1} layers`);
    expect(
      await fails(`
        - image: ${image}
          layers: ${imageLayers + 2}
      `),
    ).toBe(`image ${image} has ${imageLayers} layers; expected ${imageLayers + 2} layers`);
    expect(
      await fails(`
        - image: ${image}
          maxSize: 1MB
      `),
    ).toBe(`image ${image} is ${mb(imageSize)}; expected at most 1.0MB`);
  });
});

/** How the tutor writes a size of a few megabytes. */
function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)}MB`;
}

describe("volume checks", () => {
  it("volume check finds the volume and its driver", async () => {
    await passes(`- volume: ${volume}`);
    expect(
      await fails(`
        - volume: ${volume}
          driver: nfs
      `),
    ).toBe(`volume ${volume} uses driver local; expected nfs`);
    expect(await fails(`- volume: ${named("dta")}`)).toBe(
      `no volume named ${named("dta")} (there is ${volume}: a typo?)`,
    );
  });

  it("volume check reads a file inside the volume", async () => {
    await passes(`
        - volume: ${volume}
          file: { path: /notes.txt }
      `);
    await passes(`
        - volume: ${volume}
          driver: local
          file: { path: /notes.txt, contains: hello }
      `);
  });

  // cat says "No such file or directory" for a missing file: that is not a folder.
  it("volume check says a missing file does not exist", async () => {
    expect(
      await fails(`
        - volume: ${volume}
          file: { path: /missing.txt }
      `),
    ).toBe(`/missing.txt in volume ${volume} does not exist; expected a file`);
  });

  it("volume check tells a folder and wrong content from the file wanted", async () => {
    expect(
      await fails(`
        - volume: ${volume}
          file: { path: /sub }
      `),
    ).toBe(`/sub in volume ${volume} is a folder; expected a file`);
    expect(
      await fails(`
        - volume: ${volume}
          file: { path: /notes.txt, contains: goodbye }
      `),
    ).toBe(
      `/notes.txt in volume ${volume} ends with "hello from the volume"; expected it to contain "goodbye"`,
    );
  });
});

describe("network checks", () => {
  it("network check finds the network, its driver and whether it is internal", async () => {
    await passes(`
        - network: ${network}
          driver: bridge
          internal: false
      `);
    expect(
      await fails(`
        - network: ${network}
          driver: overlay
      `),
    ).toBe(`network ${network} uses driver bridge; expected overlay`);
    expect(
      await fails(`
        - network: ${network}
          internal: true
      `),
    ).toBe(`network ${network} is not internal; expected internal`);
    expect(await fails(`- network: ${named("nett")}`)).toBe(
      `no network named ${named("nett")} (there is ${network}: a typo?)`,
    );
  });

  it("network check counts running and stopped containers as attached", async () => {
    await passes(`
        - network: ${network}
          containers: [${web}, ${done}]
      `);
    expect(
      await fails(`
        - network: ${network}
          containers: [${appWeb1}]
      `),
    ).toBe(`network ${network} connects ${appDb}, ${web}; expected ${appWeb1} attached`);
  });

  it("network check resolves a name from inside a container", async () => {
    await passes(`
        - network: ${network}
          resolves: { from: ${web}, name: db }
      `);
    expect(
      await fails(`
        - network: ${network}
          resolves: { from: ${web}, name: cache }
      `),
    ).toBe(`from ${web}, the name cache does not resolve; expected it to resolve`);
  });

  it("network check cannot resolve from a container that is not running", async () => {
    expect(
      await fails(`
        - network: ${network}
          resolves: { from: ${done}, name: db }
      `),
    ).toBe(`container ${done} is exited; expected running, to resolve db`);
    expect(
      await fails(`
        - network: ${network}
          resolves: { from: ${gone}, name: db }
      `),
    ).toBe(`no container named ${gone}, so nothing resolves db from it`);
  });
});

describe("compose checks", () => {
  it("compose check counts the running containers of each service", async () => {
    await passes(`
        - compose: ${project}
          services: [web, db]
          count: { web: 2, db: 1, worker: 0 }
      `);
    expect(
      await fails(`
        - compose: ${project}
          count: { web: 3 }
      `),
    ).toBe(`compose project ${project} runs db ×1, web ×2, worker ×0; expected web ×3`);
  });

  it("compose check wants each named service running", async () => {
    expect(
      await fails(`
        - compose: ${project}
          services: [web, worker]
      `),
    ).toBe(`compose project ${project} runs db ×1, web ×2, worker ×0; expected worker running`);
    expect(
      await fails(`
        - compose: ${project}
          services: [cache]
      `),
    ).toBe(`compose project ${project} runs db ×1, web ×2, worker ×0; expected cache running`);
  });

  it("compose check asks whether a project with no containers is up", async () => {
    expect(await fails(`- compose: ${emptyProject}`)).toBe(
      `compose project ${emptyProject} has no containers (is it up?)`,
    );
  });
});

describe("http checks", () => {
  it("http check gets a published port and reads the body", async () => {
    await passes(`- http: ${webPort}`);
    await passes(`
        - http: ${webPort}
          path: /index.html
          status: 200
          contains: hello
      `);
    expect(
      await fails(`
        - http: ${webPort}
          contains: goodbye
      `),
    ).toBe(
      `GET http://${portHost}:${webPort}/ answered 200 with "hello"; expected a body containing "goodbye"`,
    );
  });

  it("http check reports a status it did not expect", async () => {
    expect(
      await fails(`
        - http: ${webPort}
          path: /missing.html
      `),
    ).toBe(`GET http://${portHost}:${webPort}/missing.html answered 404; expected 2xx`);
    await passes(`
        - http: ${webPort}
          path: /missing.html
          status: 404
      `);
    expect(
      await fails(`
        - http: ${webPort}
          status: 404
      `),
    ).toBe(`GET http://${portHost}:${webPort}/ answered 200; expected 404`);
  });

  it("http check sends nothing to a port no running container publishes, and says so", async () => {
    expect(await fails(`- http: ${closedPort}`)).toBe(
      `GET http://${portHost}:${closedPort}/ was not sent: no running container publishes port ${closedPort}; expected status 2xx`,
    );
  });

  it("http check waits for a server only while the container that publishes the port is young", async () => {
    // A container that publishes a port where nothing inside listens: a server that never starts.
    const deaf = created.track("containers", named("deaf"));
    const container = await docker.createContainer({
      name: deaf,
      Image: "busybox:latest",
      Cmd: ["sleep", "600"],
      Labels: created.labels,
      ExposedPorts: { "80/tcp": {} },
      HostConfig: {
        PortBindings: { "80/tcp": [{ HostIp: remote ? "" : "127.0.0.1", HostPort: String(deafPort) }] },
      },
    });
    await container.start();
    const bounded = (httpMs: number) =>
      createCheckContext({ docker, workdir, resources: { ...resources, containers: [deaf] }, images: [], engineHost, marker: startedLongAgo, timeouts: { httpMs } }); // biome-ignore format: one call
    try {
      // Young: it may be starting, so the check waits for it, up to its bound, and says how long.
      expect(await fails(`- http: ${deafPort}`, bounded(600))).toMatch(
        new RegExp(
          `^GET http://\\S+:${deafPort}/ failed: .+ \\(after \\d\\.\\d s waiting for the server\\); expected status 2xx$`,
        ),
      );
      // Older than the bound and a second of slack: nothing is starting there, so no waiting.
      // Up time counts from the start, which may come well after the creation on a busy machine.
      const startedAt = Date.parse((await container.inspect()).State.StartedAt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 2600 - Date.now())));
      expect(await fails(`- http: ${deafPort}`, bounded(500))).toMatch(
        new RegExp(
          `^GET http://\\S+:${deafPort}/ failed: (nothing listens there \\(connection refused\\)|the connection was closed before an answer|no answer in time), though ${deaf} has been up for [23] s with port ${deafPort} published; expected status 2xx$`,
        ),
      );
    } finally {
      await container.remove({ force: true });
    }
  });
});

describe("exec checks", () => {
  it("exec check runs a command and looks in its output", async () => {
    await passes(`
        - exec: ${web}
          command: cat /www/index.html
          contains: hello
      `);
    expect(
      await fails(`
        - exec: ${web}
          command: cat /www/index.html
          contains: goodbye
      `),
    ).toBe(
      `the output of \`cat /www/index.html\` in ${web} ends with "hello"; expected it to contain "goodbye"`,
    );
  });

  it("exec check compares the exit code and quotes the last line of output", async () => {
    await passes(`
        - exec: ${web}
          command: echo oops; exit 2
          exitCode: 2
      `);
    expect(
      await fails(`
        - exec: ${web}
          command: echo oops; exit 2
      `),
    ).toBe(`\`echo oops; exit 2\` in ${web} exited 2 ("oops"); expected 0`);
    expect(
      await fails(`
        - exec: ${web}
          command: [ls, /nope]
      `),
    ).toBe(`\`ls /nope\` in ${web} exited 1 ("ls: /nope: No such file or directory"); expected 0`);
    // A long engine error keeps its end, where the reason is.
    const missing = await fails(`
        - exec: ${web}
          command: [nosuchcmd]
      `);
    expect(missing).toMatch(
      new RegExp(
        `^\`nosuchcmd\` in ${web} exited 12[67] \\("….*executable file not found in \\$PATH.*"\\); expected 0$`,
      ),
    );
  });

  it("exec check runs in every container of a compose service", async () => {
    await passes(`
        - exec: { project: ${project}, service: web }
          command: ["true"]
      `);
  });

  it("exec check needs a running container", async () => {
    expect(
      await fails(`
        - exec: ${done}
          command: echo hi
      `),
    ).toBe(`container ${done} is exited; expected running, to run a command in it`);
    expect(
      await fails(`
        - exec: ${gone}
          command: echo hi
      `),
    ).toBe(`no container named ${gone}`);
  });

  it("exec check runs nothing in a container that was there before the lesson started", async () => {
    const startedNow = createCheckContext({
      docker,
      workdir,
      resources,
      images: ["busybox:latest"],
      engineHost,
      marker: { since: new Date(Date.now() + 60_000).toISOString(), imagesBefore: [] },
    });
    expect(
      await fails(
        `
        - exec: { project: ${project}, service: web }
          command: ["true"]
      `,
        startedNow,
      ),
    ).toBe(`container ${appWeb1} was there before this lesson started, so no command is run in it`);
  });
});

describe("file checks", () => {
  it("file check finds a file in the working folder and reads it", async () => {
    await passes(`- file: notes.txt`);
    await passes(`
        - file: notes.txt
          contains: hello
      `);
    await passes(`
        - file: notes.txt
          matches: '^version: \\d+$'
      `);
    expect(
      await fails(`
        - file: notes.txt
          contains: goodbye
      `),
    ).toBe(`file notes.txt ends with "version: 2"; expected it to contain "goodbye"`);
    expect(
      await fails(`
        - file: notes.txt
          matches: '^version: 3$'
      `),
    ).toBe(`file notes.txt ends with "version: 2"; expected it to match /^version: 3$/`);
  });

  it("file check tells a missing file from one that should not exist", async () => {
    expect(await fails(`- file: missing.txt`)).toBe(`file missing.txt does not exist; expected it to exist`);
    await passes(`
        - file: missing.txt
          exists: false
      `);
    expect(
      await fails(`
        - file: notes.txt
          exists: false
      `),
    ).toBe(`file notes.txt exists; expected it not to exist`);
    expect(
      await fails(`
        - file: site
          contains: hello
      `),
    ).toBe(`file site is a folder; expected a file`);
  });

  // `..notes` is a name inside the folder, not a step out of it.
  it("file check reads a file whose name starts with two dots", async () => {
    await passes(`- file: ..notes`);
  });

  it("file check refuses paths that leave the working folder", async () => {
    expect(await fails(`- file: ../x`)).toBe(`../x points outside the lesson's working folder`);
    expect(await fails(`- file: /etc/hostname`)).toBe(
      `/etc/hostname is absolute; checks read inside the lesson's working folder only`,
    );
    expect(await fails(`- file: outside/Dockerfile`)).toBe(
      `outside/Dockerfile is a link that leads outside the lesson's working folder`,
    );
    expect(await fails(`- dockerfile: outside/Dockerfile`)).toBe(
      `outside/Dockerfile is a link that leads outside the lesson's working folder`,
    );
  });
});

describe("dockerfile checks", () => {
  it("dockerfile check parses stages, base image, instructions and their order", async () => {
    await passes(`
        - dockerfile: Dockerfile
          from: busybox
          stages: 2
          has: [COPY requirements.txt, COPY --from=build, USER nobody]
          lacks: [ADD, USER root]
          order: [COPY requirements.txt, RUN pip install, COPY . .]
      `);
  });

  it("dockerfile check compares the final base image and the number of stages", async () => {
    expect(
      await fails(`
        - dockerfile: Dockerfile
          from: ${image}
      `),
    ).toBe(`Dockerfile builds FROM busybox:latest; expected ${image}`);
    expect(
      await fails(`
        - dockerfile: Dockerfile
          stages: 3
      `),
    ).toBe(`Dockerfile has 2 stages; expected 3 stages`);
    expect(
      await fails(`
        - dockerfile: Dockerfile
          stages: { min: 3 }
      `),
    ).toBe(`Dockerfile has 2 stages; expected at least 3 stages`);
  });

  it("dockerfile check names the instruction missing or unwanted, with its flags and line", async () => {
    expect(
      await fails(`
        - dockerfile: Dockerfile
          has: [HEALTHCHECK]
      `),
    ).toBe(`Dockerfile has no HEALTHCHECK; expected HEALTHCHECK`);
    expect(
      await fails(`
        - dockerfile: Dockerfile
          lacks: [COPY --from=build]
      `),
    ).toBe(`Dockerfile has COPY --from=build /src /app on line 8; expected no COPY --from=build`);
  });

  it("dockerfile check reports an order violation with both lines", async () => {
    expect(
      await fails(`
        - dockerfile: Dockerfile
          order: [RUN pip install, COPY requirements.txt]
      `),
    ).toBe(
      `Dockerfile has COPY requirements.txt on line 3, before RUN on line 4; expected RUN pip install → COPY requirements.txt`,
    );
    expect(
      await fails(`
        - dockerfile: Dockerfile
          order: [COPY requirements.txt, HEALTHCHECK]
      `),
    ).toBe(`Dockerfile has no HEALTHCHECK; expected COPY requirements.txt → HEALTHCHECK`);
  });

  it("dockerfile check says when the file is missing, has no FROM, or lies outside", async () => {
    expect(await fails(`- dockerfile: Dockerfile.prod`)).toBe(
      `Dockerfile.prod does not exist; expected a Dockerfile`,
    );
    expect(await fails(`- dockerfile: Dockerfile.empty`)).toBe(
      `Dockerfile.empty has no FROM; expected a FROM line first`,
    );
    expect(await fails(`- dockerfile: ../Dockerfile`)).toBe(
      `../Dockerfile points outside the lesson's working folder`,
    );
  });
});

describe("not checks", () => {
  it("not check passes when the inner check fails, saying why", async () => {
    await passes(`- not: { container: ${gone} }`);
    // What was found, without the inner check's "expected": a pass must not read like a failure.
    await passes(`
        - not:
            container: ${done}
            state: running
      `);
  });

  it("not check fails when the inner check passes", async () => {
    expect(
      await fails(`
        - not:
            container: ${web}
            state: running
      `),
    ).toBe(`container ${web} is running, but it should not`);
    expect(await fails(`- not: { file: notes.txt }`)).toBe(`file notes.txt exists, but it should not`);
  });
});

describe("ownership", () => {
  let stranger: CheckContext;
  beforeAll(() => {
    stranger = createCheckContext({
      docker,
      workdir,
      resources: { containers: [], images: [], volumes: [], networks: [], projects: [] },
      images: ["busybox:latest"],
      engineHost,
    });
  });

  it("a check naming a container the lesson does not own is refused without looking", async () => {
    expect(await fails(`- container: ${web}`, stranger)).toBe(
      `container ${web} is not the lesson's (not in its resources), so it is not looked at`,
    );
    expect(await fails(`- not: { container: ${web} }`, stranger)).toBe(
      `container ${web} is not the lesson's (not in its resources), so it is not looked at`,
    );
    expect(await fails(`- exec: { project: ${project}, service: web }\n  command: "true"`, stranger)).toBe(
      `compose project ${project} is not the lesson's (not in its resources), so it is not looked at`,
    );
  });

  it("images, volumes and networks the lesson does not own are refused too", async () => {
    expect(await fails(`- image: python:3.11-slim`)).toBe(
      `image python:3.11-slim is not the lesson's (not in its resources), so it is not looked at`,
    );
    expect(await fails(`- volume: ${volume}`, stranger)).toBe(
      `volume ${volume} is not the lesson's (not in its resources), so it is not looked at`,
    );
    expect(await fails(`- network: ${network}`, stranger)).toBe(
      `network ${network} is not the lesson's (not in its resources), so it is not looked at`,
    );
    expect(
      await fails(`
        - network: ${network}
          containers: [${named("stranger")}]
      `),
    ).toBe(
      `container ${named("stranger")} is not the lesson's (not in its resources), so it is not looked at`,
    );
  });
});
