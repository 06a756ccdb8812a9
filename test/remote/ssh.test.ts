/**
 * A remote engine behind an SSH server, reached as the docker CLI reaches it (`docker system dial-stdio`
 * on the host): from DOCKER_HOST and from contexts, with and without an agent, through an alias of
 * ~/.ssh/config; and what a learner is told when the host's key, their keys or the host's docker fail.
 */
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeClient, createClient } from "../../src/engine/client.js";
import { discoverEngine } from "../../src/engine/discover.js";
import { collect } from "../../src/engine/streams.js";
import { expectReached, expectRefused, learnerEnv, makeTutorHome, withHome } from "../support/remote-cli.js";
import {
  type RemoteEngine,
  sshHome,
  startAgent,
  startRemoteEngine,
  writeContext,
} from "../support/remote-engine.js";

const run = promisify(execFile);
const name = "docker-tutor-remote-ssh";
let engine: RemoteEngine;
let tutorHome: string;

beforeAll(async () => {
  tutorHome = await makeTutorHome();
  engine = await startRemoteEngine(name);
  await engine.docker(["run", "--name", "tutor-hello", "busybox", "echo", "Hello from my first container"]);
  await engine.docker(
    ["run", "-d", "--name", "tutor-httpd", "-p", "8081:80", "busybox", "sh", "-c",
      'mkdir -p /www && echo "<h1>Hello from tutor-httpd</h1>" > /www/index.html && httpd -f -p 80 -h /www'],
  ); // biome-ignore format: one command line
});
afterAll(async () => {
  await engine?.remove();
  await rm(tutorHome, { recursive: true, force: true });
});

/** A home with the learner's key as ~/.ssh/id_ed25519 and the host's key in known_hosts, unless told otherwise. */
async function inHome(
  options: { key?: string | null; knownHosts?: string; config?: string },
  use: (home: string) => Promise<void>,
): Promise<void> {
  const home = await sshHome({
    key: options.key === null ? undefined : (options.key ?? engine.keys.user),
    knownHosts: options.knownHosts ?? engine.hostKey.line,
    config: options.config,
  });
  try {
    await use(home);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

describe("an engine behind SSH", () => {
  it("is reached from DOCKER_HOST with the key in ~/.ssh, no agent; its ports at its host", async () => {
    await inHome({}, async (home) => {
      const host = `ssh://tutor@${engine.ip}`;
      await expectReached(learnerEnv(home, tutorHome, { DOCKER_HOST: host }), host, "DOCKER_HOST", engine.ip);
    });
  });

  it("is reached from DOCKER_HOST with the key in an agent only", async () => {
    const agent = await startAgent([engine.keys.user]);
    try {
      await inHome({ key: null }, async (home) => {
        const host = `ssh://tutor@${engine.ip}`;
        const env = learnerEnv(home, tutorHome, { DOCKER_HOST: host, SSH_AUTH_SOCK: agent.socket });
        await expectReached(env, host, "DOCKER_HOST", engine.ip);
      });
    } finally {
      agent.stop();
    }
  });

  it("is reached from a context naming an alias of ~/.ssh/config (HostName, User, IdentityFile), no agent", async () => {
    await withHome(async (keys) => {
      const key = path.join(keys, "engine_key");
      await writeFile(key, await readFile(engine.keys.user), { mode: 0o600 });
      const config = `Host remote-engine\n  HostName ${engine.ip}\n  User tutor\n  IdentityFile ${key}\n`;
      await inHome({ key: null, config }, async (home) => {
        const env = learnerEnv(home, tutorHome);
        await writeContext(env.DOCKER_CONFIG as string, "remote-ssh", { host: "ssh://remote-engine" });
        await writeFile(
          path.join(env.DOCKER_CONFIG as string, "config.json"),
          '{"currentContext":"remote-ssh"}',
        );
        await expectReached(env, "ssh://remote-engine", 'docker context "remote-ssh"', engine.ip);
      });
    });
  });

  it("is reached from DOCKER_CONTEXT with an agent", async () => {
    const agent = await startAgent([engine.keys.user]);
    try {
      await inHome({ key: null }, async (home) => {
        const host = `ssh://tutor@${engine.ip}:22`;
        const env = learnerEnv(home, tutorHome, {
          DOCKER_CONTEXT: "remote-agent",
          SSH_AUTH_SOCK: agent.socket,
        });
        await writeContext(env.DOCKER_CONFIG as string, "remote-agent", { host });
        await expectReached(env, host, 'docker context "remote-agent"', engine.ip);
      });
    } finally {
      agent.stop();
    }
  });

  it("carries the tutor's exec checks and event stream, and closing the client ends the connection", async () => {
    await inHome({}, async (home) => {
      const target = await discoverEngine(
        learnerEnv(home, tutorHome, { DOCKER_HOST: `ssh://tutor@${engine.ip}` }),
      );
      const docker = await createClient(target, 10_000);
      const events = await docker.getEvents({ filters: { type: ["container"] } });
      const exec = await docker
        .getContainer("tutor-httpd")
        .exec({ Cmd: ["cat", "/www/index.html"], AttachStdout: true });
      const stream = await exec.start({ hijack: true, stdin: false });
      const output = await collect(stream as NodeJS.ReadableStream, 64 * 1024);
      expect(output.toString("utf8")).toContain("Hello from tutor-httpd");
      closeClient(docker);
      await new Promise((resolve) => (events as NodeJS.ReadableStream).once("close", resolve));
    });
  });
});

describe("SSH mistakes, each told as what it is, with its fix", () => {
  it("a host no known_hosts file names", async () => {
    await inHome({ knownHosts: "" }, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: `ssh://tutor@${engine.ip}` }),
        `the SSH host ${engine.ip} is not in ~/.ssh/known_hosts, so the tutor cannot tell it is the right host (it shows the ED25519 key ${engine.hostKey.fingerprint})`,
        `check that key and accept it by connecting once with \`ssh tutor@${engine.ip}\`, then try again`,
      );
    });
  });

  it("a host whose key is not the one recorded", async () => {
    await inHome({ knownHosts: engine.hostKey.otherLine }, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: `ssh://tutor@${engine.ip}` }),
        `the SSH host ${engine.ip} shows a different key from the one recorded in ~/.ssh/known_hosts:1 (it shows the ED25519 key ${engine.hostKey.fingerprint}): someone may be intercepting the connection`,
        `if the host was reinstalled, forget its old key with \`ssh-keygen -R ${engine.ip}\`, then check and accept the new one by connecting once with \`ssh tutor@${engine.ip}\``,
      );
    });
  });

  it("a key the host does not accept", async () => {
    await inHome({ key: engine.keys.stranger }, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: `ssh://tutor@${engine.ip}` }),
        `tutor@${engine.ip} refused every SSH key offered (~/.ssh/id_ed25519)`,
        `authorize your public key there (\`ssh-copy-id tutor@${engine.ip}\`), or add the key it knows to your agent (\`ssh-add KEYFILE\`)`,
      );
    });
  });

  it("a key with a passphrase and no agent, and no key at all", async () => {
    await inHome({ key: engine.keys.locked }, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: `ssh://tutor@${engine.ip}` }),
        `no SSH key to log in to tutor@${engine.ip} with: ~/.ssh/id_ed25519 has a passphrase, which the tutor cannot ask for, and no agent is running (SSH_AUTH_SOCK is not set)`,
        'add it to an agent: `eval "$(ssh-agent)"`, then `ssh-add ~/.ssh/id_ed25519`',
      );
    });
    await inHome({ key: null }, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: `ssh://tutor@${engine.ip}` }),
        `no SSH key to log in to tutor@${engine.ip} with: no agent is running (SSH_AUTH_SOCK is not set), and there is no ~/.ssh/id_ed25519, ~/.ssh/id_ecdsa, ~/.ssh/id_rsa`,
        'start an agent and add your key: `eval "$(ssh-agent)"`, then `ssh-add`; or name your key with IdentityFile in ~/.ssh/config',
      );
    });
  });

  it("a host user who may not use its engine", async () => {
    const { stderr } = await run("docker", [
      "exec",
      "-u",
      "outsider",
      name,
      "docker",
      "system",
      "dial-stdio",
    ]).catch((error: { stderr: string }) => error);
    const host = `ssh://outsider@${engine.ip}`;
    await inHome({}, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: host }),
        `\`docker system dial-stdio\` failed on the SSH host of ${host}: ${stderr.trim().split("\n")[0]}`,
        `have Docker running on that host, and its user allowed to use it (\`sudo usermod -aG docker USER\` there); check that \`ssh outsider@${engine.ip} docker version\` works`,
      );
    });
  });

  it("no SSH server at the address", async () => {
    const host = `ssh://tutor@${engine.ip}:2222`;
    await inHome({}, async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: host }),
        `no SSH server answers at ${engine.ip} port 2222 (the engine's host, from ${host})`,
        `start the SSH server there, or correct the address; check that \`ssh -p 2222 tutor@${engine.ip} docker version\` works`,
      );
    });
  });
});
