import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sshSettings } from "../../../src/engine/ssh-config.js";
import { connectionOptions } from "../../../src/engine/target.js";

let home: string;
let system: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-ssh-"));
  await mkdir(path.join(home, ".ssh"));
  system = path.join(home, "system_ssh_config");
  await writeFile(system, "");
});
afterEach(() => rm(home, { recursive: true, force: true }));

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ HOME: home, USER: "learner", ...extra });
const userConfig = (text: string) => writeFile(path.join(home, ".ssh", "config"), text);
const settings = (host: string, extra: NodeJS.ProcessEnv = {}) => sshSettings(host, env(extra), system);

describe("an ssh:// engine as ssh sees it", () => {
  it("without any config: the URL, the local user, the agent and the default identity files", () => {
    expect(settings("ssh://box", { SSH_AUTH_SOCK: "/run/agent.sock" })).toEqual({
      hostName: "box",
      port: 22,
      user: "learner",
      identityFiles: ["id_ed25519", "id_ecdsa", "id_rsa"].map((f) => path.join(home, ".ssh", f)),
      agent: "/run/agent.sock",
      knownHostsFiles: [
        path.join(home, ".ssh", "known_hosts"),
        path.join(home, ".ssh", "known_hosts2"),
        "/etc/ssh/ssh_known_hosts",
        "/etc/ssh/ssh_known_hosts2",
      ],
      strictHostKeyChecking: "ask",
      home,
    });
    expect(settings("ssh://box").agent).toBeUndefined();
  });

  it("takes HostName, User, Port and IdentityFile from the alias's Host block, tokens and ~ expanded", async () => {
    await userConfig(
      "Host engine\n  HostName 10.0.0.5\n  User tutor\n  Port 2222\n  IdentityFile ~/keys/%r@%h\n  IdentityFile %d/other\n",
    );
    expect(settings("ssh://engine")).toMatchObject({
      hostName: "10.0.0.5",
      port: 2222,
      user: "tutor",
      identityFiles: [path.join(home, "keys", "tutor@10.0.0.5"), path.join(home, "other")],
    });
  });

  it("lets the URL's user and port win over the config, as the docker CLI passes them to ssh", async () => {
    await userConfig("Host engine\n  HostName 10.0.0.5\n  User tutor\n  Port 2222\n");
    expect(settings("ssh://admin@engine:2200")).toMatchObject({
      hostName: "10.0.0.5",
      user: "admin",
      port: 2200,
    });
  });

  it("reads Include lines, with globs, and the system config after the user's", async () => {
    await mkdir(path.join(home, ".ssh", "conf.d"));
    await writeFile(path.join(home, ".ssh", "conf.d", "a.conf"), "Host engine\n  HostName 10.0.0.7\n");
    await writeFile(path.join(home, ".ssh", "conf.d", "b.txt"), "Host engine\n  HostName 10.0.0.8\n");
    await userConfig("Include conf.d/*.conf\n");
    await writeFile(system, "Host *\n  User nobody\n  StrictHostKeyChecking accept-new\n");
    expect(settings("ssh://engine")).toMatchObject({
      hostName: "10.0.0.7",
      user: "nobody",
      strictHostKeyChecking: "accept-new",
    });
  });

  it("follows IdentityAgent, UserKnownHostsFile and StrictHostKeyChecking", async () => {
    await userConfig(
      "Host quiet\n  IdentityAgent none\n  UserKnownHostsFile ~/.ssh/hosts_a /tmp/hosts_b\n  GlobalKnownHostsFile none\n  StrictHostKeyChecking off\nHost other\n  IdentityAgent ~/agent.sock\n",
    );
    expect(settings("ssh://quiet", { SSH_AUTH_SOCK: "/run/agent.sock" })).toMatchObject({
      agent: undefined,
      knownHostsFiles: [path.join(home, ".ssh", "hosts_a"), "/tmp/hosts_b"],
      strictHostKeyChecking: "no",
    });
    expect(settings("ssh://other").agent).toBe(path.join(home, "agent.sock"));
  });

  it("runs no `Match exec` command", async () => {
    const marker = path.join(home, "ran");
    await userConfig(`Match exec "touch ${marker}"\n  HostName 10.0.0.9\n`);
    expect(settings("ssh://engine").hostName).toBe("engine");
    await expect(import("node:fs/promises").then((fs) => fs.access(marker))).rejects.toThrow();
  });
});

describe("connection options", () => {
  it("connect to the config's HostName, port and user over SSH", async () => {
    await userConfig("Host engine\n  HostName 10.0.0.5\n  User tutor\n");
    const target = { host: "ssh://engine", source: "DOCKER_HOST", ssh: settings("ssh://engine") };
    expect(connectionOptions(target)).toEqual({
      protocol: "ssh",
      host: "10.0.0.5",
      port: 22,
      username: "tutor",
    });
  });

  it("take the engine's certificate unchecked with skip-tls-verify, checked otherwise", () => {
    const tls = { ca: "CA", cert: "CERT", key: "KEY", dir: "/certs" };
    expect(
      connectionOptions({ host: "tcp://10.0.0.5", source: "s", tls: { ...tls, verify: false } }),
    ).toEqual({
      protocol: "https",
      host: "10.0.0.5",
      port: 2376,
      ca: "CA",
      cert: "CERT",
      key: "KEY",
      rejectUnauthorized: false,
    });
    expect(
      connectionOptions({ host: "tcp://10.0.0.5:2375", source: "s", tls: { verify: true } }),
    ).toMatchObject({
      protocol: "https",
      port: 2375,
      rejectUnauthorized: true,
    });
    expect(connectionOptions({ host: "tcp://10.0.0.5", source: "s" })).toEqual({
      protocol: "http",
      host: "10.0.0.5",
      port: 2375,
    });
  });
});
