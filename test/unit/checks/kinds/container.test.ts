/**
 * `container:` checks judged on inspect JSON recorded from a real engine (test/fixtures/inspect/): the
 * same messages the engine tests pin, with no engine.
 */
import { describe, expect, it } from "vitest";
import { createCheckContext } from "../../../../src/checks/check-context.js";
import { evaluateCheck } from "../../../../src/checks/evaluate.js";
import { containerKind } from "../../../../src/checks/kinds/container.js";
import { emptyResources } from "../../../../src/world/resources.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";
import { RecordedEngine, recordedContext, recordedWorkdir } from "../../../support/recorded-engine.js";

const engine = new RecordedEngine();
const ctx = recordedContext(engine);
const busyboxId = engine.recording.images.find((i) => i.RepoTags?.includes("busybox:latest"))?.Id;

/** Running busybox httpd: published twice, a volume and a read-only bind mount, env, labels, restart policy. */
const web = "tutor-rec-web";
/** Exited with code 3; created from busybox's image ID, not a tag. */
const done = "tutor-rec-done";
/** Labelled as compose project tutor-rec-app: web ×2 and db running, worker exited. */
const project = "tutor-rec-app";

describe("container check, its label and references", () => {
  it("names the container, its image, networks and named volumes, not a folder mounted from ./", () => {
    const check = parseAs(
      containerKind,
      `
      - container: ${web}
        image: busybox
        networks: [tutor-rec-net]
        mounts:
          - { target: /data, source: tutor-rec-data }
          - { target: /site, source: ./site }
          - { target: /cache, source: /srv/cache, type: bind }
      `,
    );
    expect(containerKind.label(check)).toBe(`container ${web}`);
    expect(containerKind.references(check)).toEqual([
      { kind: "containers", name: web },
      { kind: "images", name: "busybox" },
      { kind: "networks", name: "tutor-rec-net" },
      { kind: "volumes", name: "tutor-rec-data" },
    ]);
  });

  it("names the compose project of a service reference", () => {
    const check = parseAs(containerKind, `- container: { project: ${project}, service: web }`);
    expect(containerKind.label(check)).toBe(`container ${project}/web`);
    expect(containerKind.references(check)).toEqual([{ kind: "projects", name: project }]);
  });
});

describe("container check on recorded containers", () => {
  it("the kind evaluates a parsed check by itself, as evaluateCheck does", async () => {
    const check = parseAs(containerKind, `- { container: ${web}, state: running }`);
    expect(await containerKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("says what state a container is in", async () => {
    await passes(`- { container: ${web}, state: running }`, ctx);
    expect(await fails(`- { container: ${web}, state: exited }`, ctx)).toBe(
      `container ${web} is running; expected exited`,
    );
    expect(await fails(`- { container: ${done}, state: running }`, ctx)).toBe(
      `container ${done} is exited; expected running`,
    );
  });

  it("suggests the name meant when it is misspelt, and only then", async () => {
    expect(await fails(`- container: tutor-rec-wbe`, ctx)).toBe(
      `no container named tutor-rec-wbe (there is ${web}: a typo?)`,
    );
    expect(await fails(`- container: tutor-rec-nothing-here`, ctx)).toBe(
      `no container named tutor-rec-nothing-here`,
    );
    // A near name the lesson does not own stays unsaid: a hint must not reveal the learner's containers.
    const narrow = { ...ctx, resources: { ...emptyResources(), containers: ["tutor-rec-wbe"] } };
    expect(await fails(`- container: tutor-rec-wbe`, narrow)).toBe("no container named tutor-rec-wbe");
  });

  it("reads the exit code of a stopped container, and says a running one has none yet", async () => {
    await passes(`- { container: ${done}, state: exited, exitCode: 3 }`, ctx);
    expect(await fails(`- { container: ${done}, exitCode: 0 }`, ctx)).toBe(
      `container ${done} exited with code 3; expected 0`,
    );
    expect(await fails(`- { container: ${web}, exitCode: 0 }`, ctx)).toBe(
      `container ${web} is running, so it has no exit code yet; expected exit code 0`,
    );
  });

  it("compares the image by tag, whatever its spelling, or by ID when created from one", async () => {
    await passes(`- { container: ${web}, image: busybox }`, ctx);
    await passes(`- { container: ${web}, image: docker.io/library/busybox:latest }`, ctx);
    // tutor-rec-done was created from the image ID: the tag is looked up and its ID compared.
    await passes(`- { container: ${done}, image: busybox:latest }`, ctx);
    expect(await fails(`- { container: ${web}, image: python:3.11-slim }`, ctx)).toBe(
      `container ${web} runs image busybox:latest; expected python:3.11-slim`,
    );
    expect(await fails(`- { container: ${done}, image: python:3.11-slim }`, ctx)).toBe(
      `container ${done} runs image ${busyboxId}; expected python:3.11-slim`,
    );
  });

  it("reports the published ports it found, on every address or one", async () => {
    await passes(`- { container: ${web}, ports: ["8080:80", "127.0.0.1:8081:80/tcp"] }`, ctx);
    // A port that names no address matches one published on 127.0.0.1 only.
    await passes(`- { container: ${web}, ports: ["8081:80"] }`, ctx);
    expect(await fails(`- { container: ${web}, ports: ["8082:80"] }`, ctx)).toBe(
      `container ${web} publishes 8080->80/tcp, 127.0.0.1:8081->80/tcp; expected 8082->80/tcp`,
    );
    expect(await fails(`- { container: ${web}, ports: ["127.0.0.1:8080:80"] }`, ctx)).toBe(
      `container ${web} publishes 8080->80/tcp, 127.0.0.1:8081->80/tcp; expected 127.0.0.1:8080->80/tcp`,
    );
    expect(await fails(`- { container: ${web}, ports: ["8080:80/udp"] }`, ctx)).toBe(
      `container ${web} publishes 8080->80/tcp, 127.0.0.1:8081->80/tcp; expected 8080->80/udp`,
    );
    expect(await fails(`- { container: ${done}, ports: ["8080:80"] }`, ctx)).toBe(
      `container ${done} publishes no ports; expected 8080->80/tcp`,
    );
    // Every address, written out, is what publishing without an address means.
    await passes(`- { container: ${web}, ports: ["0.0.0.0:8080:80", "[::]:8080:80"] }`, ctx);
  });

  it("finds volume and bind mounts, read-only or not", async () => {
    await passes(
      `
        - container: ${web}
          mounts:
            - { target: /data, source: tutor-rec-data, type: volume, readOnly: false }
            - { target: /site, source: site, type: bind, readOnly: true }
        `,
      ctx,
    );
    await passes(`- { container: ${web}, mounts: [{ target: /site, source: ./site }] }`, ctx);
    expect(await fails(`- { container: ${web}, mounts: [{ target: /data, readOnly: true }] }`, ctx)).toBe(
      `container ${web} mounts /data (read-write); expected read-only`,
    );
    expect(await fails(`- { container: ${web}, mounts: [{ target: /site, readOnly: false }] }`, ctx)).toBe(
      `container ${web} mounts /site (read-only); expected read-write`,
    );
  });

  it("names the mounts it found when one is missing or different", async () => {
    const site = `${recordedWorkdir}/site`;
    expect(await fails(`- { container: ${web}, mounts: [{ target: /cache }] }`, ctx)).toBe(
      `container ${web} mounts tutor-rec-data at /data, ${site} at /site; expected a mount at /cache`,
    );
    expect(await fails(`- { container: ${web}, mounts: [{ target: /data, type: bind }] }`, ctx)).toBe(
      `container ${web} has a volume mount at /data; expected a bind mount`,
    );
    expect(
      await fails(`- { container: ${web}, mounts: [{ target: /data, source: tutor-rec-other }] }`, ctx),
    ).toBe(`container ${web} mounts tutor-rec-data at /data; expected tutor-rec-other at /data`);
    expect(
      await fails(`- { container: ${web}, mounts: [{ target: /site, source: app, type: bind }] }`, ctx),
    ).toBe(`container ${web} mounts ${site} at /site; expected ${recordedWorkdir}/app at /site`);
    expect(await fails(`- { container: ${done}, mounts: [{ target: /data }] }`, ctx)).toBe(
      `container ${done} mounts nothing; expected a mount at /data`,
    );
  });

  it("lists the networks a container is on", async () => {
    await passes(`- { container: ${web}, networks: [tutor-rec-net] }`, ctx);
    expect(await fails(`- { container: ${web}, networks: [bridge] }`, ctx)).toBe(
      `container ${web} is on network tutor-rec-net; expected bridge`,
    );
    expect(await fails(`- { container: tutor-rec-app-db-1, networks: [tutor-rec-net, bridge] }`, ctx)).toBe(
      `container tutor-rec-app-db-1 is on networks tutor-rec-back, tutor-rec-net; expected bridge`,
    );
  });

  it("compares environment variables and labels", async () => {
    await passes(`- { container: ${web}, env: { MODE: prod }, labels: { tier: front } }`, ctx);
    expect(await fails(`- { container: ${web}, env: { MODE: dev } }`, ctx)).toBe(
      `container ${web} has MODE=prod; expected MODE=dev`,
    );
    expect(await fails(`- { container: ${web}, env: { DEBUG: "1" } }`, ctx)).toBe(
      `container ${web} has no environment variable DEBUG; expected DEBUG=1`,
    );
    expect(await fails(`- { container: ${web}, labels: { tier: back } }`, ctx)).toBe(
      `container ${web} has label tier=front; expected tier=back`,
    );
    expect(await fails(`- { container: ${web}, labels: { owner: me } }`, ctx)).toBe(
      `container ${web} has no label owner; expected owner=me`,
    );
  });

  it("reads the restart policy, no when none was set", async () => {
    await passes(`- { container: ${web}, restart: unless-stopped }`, ctx);
    await passes(`- { container: ${done}, restart: "no" }`, ctx);
    expect(await fails(`- { container: ${web}, restart: always }`, ctx)).toBe(
      `container ${web} has restart policy unless-stopped; expected always`,
    );
  });

  it("reads the retry limit of on-failure:N, and refuses another limit (containers#restart-policy)", async () => {
    // tutor-rec-done as `docker run --restart on-failure:5` and `--restart on-failure:3` would leave it.
    const recording = structuredClone(engine.recording);
    const original = recording.containers.find((c) => c.Name === `/${done}`);
    if (!original) throw new Error("no recorded container to copy");
    for (const retries of [5, 3]) {
      const copy = structuredClone(original);
      copy.Name = `/tutor-rec-retry${retries}`;
      copy.Id = `${retries}`.repeat(64);
      copy.HostConfig.RestartPolicy = { Name: "on-failure", MaximumRetryCount: retries };
      recording.containers.push(copy);
    }
    const retrying = recordedContext(new RecordedEngine(recording));
    await passes(`- { container: tutor-rec-retry3, restart: "on-failure:3" }`, retrying);
    expect(await fails(`- { container: tutor-rec-retry5, restart: "on-failure:3" }`, retrying)).toBe(
      "container tutor-rec-retry5 has restart policy on-failure:5; expected on-failure:3",
    );
    // Without a limit, any on-failure passes; and no policy is not on-failure:3.
    await passes(`- { container: tutor-rec-retry5, restart: on-failure }`, retrying);
    expect(await fails(`- { container: ${done}, restart: "on-failure:3" }`, retrying)).toBe(
      `container ${done} has restart policy no; expected on-failure:3`,
    );
  });

  it("tells a container created by digest from one created by tag (registries#run-by-digest)", async () => {
    const recording = structuredClone(engine.recording);
    const original = recording.containers.find((c) => c.Name === `/${done}`);
    if (!original) throw new Error("no recorded container to copy");
    const pinned = structuredClone(original);
    pinned.Name = "/tutor-rec-pinned";
    pinned.Id = "d".repeat(64);
    pinned.Config.Image = `busybox@sha256:${"a".repeat(64)}`;
    const tagged = structuredClone(original);
    tagged.Name = "/tutor-rec-tagged";
    tagged.Id = "e".repeat(64);
    tagged.Config.Image = "busybox:latest";
    recording.containers.push(pinned, tagged);
    const byDigest = recordedContext(new RecordedEngine(recording));
    await passes(`- { container: tutor-rec-pinned, image: busybox, byDigest: true }`, byDigest);
    expect(await fails(`- { container: tutor-rec-tagged, image: busybox, byDigest: true }`, byDigest)).toBe(
      "container tutor-rec-tagged was created from busybox:latest; expected an image named by digest (name@sha256:…)",
    );
  });

  it("searches stdout and stderr of the logs with contains and matches", async () => {
    await passes(`- { container: ${web}, logs: { contains: server ready } }`, ctx);
    // The second line was written to stderr.
    await passes(`- { container: ${web}, logs: { contains: serving /www } }`, ctx);
    await passes(`- { container: ${web}, logs: { matches: 'ready on port \\d+$' } }`, ctx);
    expect(await fails(`- { container: ${web}, logs: { contains: error } }`, ctx)).toBe(
      `logs of container ${web} end with "httpd: serving /www"; expected them to contain "error"`,
    );
    expect(await fails(`- { container: ${web}, logs: { matches: 'listening on \\d+' } }`, ctx)).toBe(
      `logs of container ${web} end with "httpd: serving /www"; expected them to match /listening on \\d+/`,
    );
    expect(await fails(`- { container: tutor-rec-app-db-1, logs: { contains: ready } }`, ctx)).toBe(
      `logs of container tutor-rec-app-db-1 are empty; expected them to contain "ready"`,
    );
    expect(await fails(`- { container: ${web}, logs: { matches: "(" } }`, ctx)).toBe(
      `the pattern "(" is not a valid regular expression`,
    );
  });

  it("says, when every field holds, the whole check in its own words", async () => {
    expect(
      await passes(
        `
        - container: ${web}
          state: running
          image: busybox
          ports: ["8080:80"]
          mounts: [{ target: /data, source: tutor-rec-data }]
          networks: [tutor-rec-net]
          env: { MODE: prod }
          labels: { tier: front }
          restart: unless-stopped
          logs: { contains: ready }
        `,
        ctx,
      ),
    ).toBe(
      `container ${web} is running, runs image busybox, publishes 8080→80, mounts tutor-rec-data at /data, is on network tutor-rec-net, has environment MODE=prod, has label tier=front, has restart policy unless-stopped and has logs containing "ready"`,
    );
  });
});

describe("container check by compose service", () => {
  it("looks at every container of the service, in name order", async () => {
    await passes(`- { container: { project: ${project}, service: web }, state: running }`, ctx);
    expect(
      await fails(`- { container: { project: ${project}, service: worker }, state: running }`, ctx),
    ).toBe(`container ${project}-worker-1 is exited; expected running`);
  });

  it("names the services there are when the one named has no container", async () => {
    expect(await fails(`- container: { project: ${project}, service: wbe }`, ctx)).toBe(
      `no container for service wbe of compose project ${project} (there is web: a typo?)`,
    );
    expect(await fails(`- container: { project: ${project}, service: cache }`, ctx)).toBe(
      `no container for service cache of compose project ${project} (its services: db, web, worker)`,
    );
    expect(await fails(`- container: { project: tutor-rec-empty, service: web }`, ctx)).toBe(
      `no container for service web of compose project tutor-rec-empty (the project has no containers: is it up?)`,
    );
  });
});

describe("container check and the lesson's resources", () => {
  it("does not look at a container the lesson does not own", async () => {
    const stranger = createCheckContext({
      docker: engine.docker,
      workdir: recordedWorkdir,
      resources: emptyResources(),
      images: [],
      engineHost: "unix:///var/run/docker.sock",
    });
    expect(await fails(`- container: ${web}`, stranger)).toBe(
      `container ${web} is not the lesson's (not in its resources), so it is not looked at`,
    );
  });

  it("tells an engine that does not answer from a failed check", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED /var/run/docker.sock"), {
      code: "ECONNREFUSED",
    });
    const down = new RecordedEngine();
    const answer = down.getContainer.bind(down);
    down.getContainer = (ref) => ({ ...answer(ref), inspect: () => Promise.reject(refused) });
    const check = parseAs(containerKind, `- container: ${web}`);
    expect(await evaluateCheck(check, recordedContext(down))).toEqual({
      check: `container ${web}`,
      passed: false,
      message: "the engine did not answer (refused)",
      engineError: true,
    });
  });
});

describe("container check in words", () => {
  it("says every field, in English and in French", () => {
    const yaml = `- container: tutor-web
  state: running
  ports: ["8080:80", "127.0.0.1:5353:53/udp"]`;
    expect(inWords(yaml)).toBe(
      "container tutor-web is running and publishes 8080→80 and 127.0.0.1:5353→53/udp",
    );
    expect(inWords(yaml, "fr")).toBe(
      "le conteneur tutor-web est à l'état running et publie 8080→80 et 127.0.0.1:5353→53/udp",
    );
    const all = `- container: tutor-app
  exitCode: 0
  image: busybox
  mounts: [{target: /data, source: tutor-data, readOnly: true}, {target: /tmp, type: tmpfs}, {target: /x}]
  networks: [tutor-net]
  env: {MODE: prod}
  labels: {team: a, tier: web}
  restart: on-failure
  logs: {contains: 'say "hi"'}`;
    expect(inWords(all)).toBe(
      'container tutor-app has exit code 0, runs image busybox, mounts tutor-data at /data (read-only), a tmpfs mount at /tmp and a mount at /x, is on network tutor-net, has environment MODE=prod, has labels team=a, tier=web, has restart policy on-failure and has logs containing "say \\"hi\\""',
    );
    expect(inWords(all, "fr")).toBe(
      'le conteneur tutor-app a le code de sortie 0, tourne sur l\'image busybox, monte tutor-data sur /data (en lecture seule), un montage tmpfs sur /tmp et un montage sur /x, est sur le réseau tutor-net, a pour environnement MODE=prod, a les labels team=a, tier=web, a la politique de redémarrage on-failure et a des journaux qui contiennent « say \\"hi\\" »',
    );
  });

  it("says the settings and limits fields too", () => {
    const yaml = `- container: tutor-api
  restart: "on-failure:3"
  byDigest: true
  health: healthy
  memory: 64m
  cpus: 0.5`;
    expect(inWords(yaml)).toBe(
      "container tutor-api has restart policy on-failure:3, was created from its image by digest (name@sha256:…), has health healthy, may use at most 64 MiB of memory and may use at most 0.5 CPUs",
    );
    expect(inWords(yaml, "fr")).toBe(
      "le conteneur tutor-api a la politique de redémarrage on-failure:3, a été créé à partir de son image désignée par son digest (nom@sha256:…), a l'état de santé healthy, peut utiliser au plus 64 MiB de mémoire et peut utiliser au plus 0,5 processeur",
    );
  });

  it("names a compose service's containers, and says a bare check asks that the container exists", () => {
    expect(inWords("- container: {project: tutor-shop, service: web}\n  logs: {matches: '^up'}")).toBe(
      "every container of service web of compose project tutor-shop has logs matching /^up/",
    );
    expect(inWords("- container: tutor-web")).toBe("container tutor-web exists");
    expect(inWords("- container: tutor-web", "fr")).toBe("le conteneur tutor-web existe");
  });
});
