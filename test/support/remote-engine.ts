/**
 * A remote Docker engine on this machine, as an instructor would give one to a learner: Docker 28 (the
 * sid image of scripts/engine28.sh, nested on the base engine) listening with `--tlsverify` on :2376,
 * behind an SSH server on :22 (its `docker` CLI answers `docker system dial-stdio`), and in plain HTTP on
 * :2375 (socat), which the tests use to set the engine up. Certificates and keys are made here, with
 * openssl and ssh-keygen, in a temporary folder. The image with sshd, socat and the docker CLI is built
 * once, into the base engine, as docker-tutor-remote:sid; everything else is removed by `remove()`.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { testLabel } from "./engine.js";
import { baseDocker, containerIp, nestedEngineFlags, sidEngineImage, waitFor } from "./nested-engine.js";

const run = promisify(execFile);

export const remoteImage = "docker-tutor-remote:sid";
const baseImage = sidEngineImage;
const label = `${testLabel}=remote`;

const dockerfile = `FROM ${baseImage}
RUN apt-get -o Acquire::Check-Valid-Until=false update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openssh-server socat docker-cli \\
 && rm -rf /var/lib/apt/lists/* \\
 && useradd -m -s /bin/bash -G docker tutor && usermod -p '*' tutor \\
 && useradd -m -s /bin/bash outsider && usermod -p '*' outsider \\
 && mkdir -p /run/sshd
LABEL ${label}
`;

const docker = baseDocker;

async function ensureImage(): Promise<void> {
  if (
    await docker(["image", "inspect", remoteImage]).then(
      () => true,
      () => false,
    )
  )
    return;
  if (
    !(await docker(["image", "inspect", baseImage]).then(
      () => true,
      () => false,
    ))
  )
    throw new Error(`${baseImage} is missing: run \`scripts/engine28.sh ensure\` first, which builds it`);
  await new Promise<void>((resolve, reject) => {
    const build = spawn("docker", ["build", "--force-rm", "-q", "-t", remoteImage, "-"], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    build.stderr.on("data", (d) => {
      stderr += d;
    });
    build.on("error", reject);
    build.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`building ${remoteImage} failed:\n${stderr}`)),
    );
    build.stdin.end(dockerfile);
  });
}

const openssl = (args: string[], cwd: string) => run("openssl", args, { cwd });

/** A CA, a server certificate for `ip`, client certificates from it and from a second CA. */
async function makeCertificates(dir: string, ip: string): Promise<void> {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  for (const ca of ["ca", "other-ca"])
    await openssl(
      [
        "req",
        "-x509",
        ...ec,
        "-keyout",
        `${ca}-key.pem`,
        "-out",
        `${ca}.pem`,
        "-days",
        "2",
        "-subj",
        `/CN=${ca}`,
      ],
      dir,
    );
  const sign = async (name: string, ca: string, extensions: string) => {
    await openssl(
      ["req", ...ec, "-keyout", `${name}-key.pem`, "-out", `${name}.csr`, "-subj", `/CN=${name}`],
      dir,
    );
    await writeFile(path.join(dir, `${name}.ext`), extensions);
    await openssl(
      ["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}-key.pem`, "-CAcreateserial", "-out", `${name}-cert.pem`, "-days", "2", "-extfile", `${name}.ext`],
      dir,
    ); // biome-ignore format: one command line
  };
  await sign("server", "ca", `subjectAltName=IP:${ip}\nextendedKeyUsage=serverAuth\n`);
  await sign("client", "ca", "extendedKeyUsage=clientAuth\n");
  await sign("other-client", "other-ca", "extendedKeyUsage=clientAuth\n");
}

/** A folder holding ca.pem, cert.pem and key.pem, as DOCKER_CERT_PATH names one. */
export interface CertFolder {
  ca: string;
  cert: string;
  key: string;
}

export interface RemoteEngine {
  ip: string;
  /** The engine with --tlsverify, and the same engine in plain HTTP (socat). */
  tlsHost: string;
  plainHost: string;
  /** Folders of TLS files: the right ones, a CA that did not sign the engine's, a client cert the engine does not trust. */
  certs: { good: string; wrongCa: string; otherClient: string };
  /** The SSH host key as a known_hosts line for `ip`, its fingerprint as ssh-keygen prints it, and another host key's line. */
  hostKey: { line: string; fingerprint: string; otherLine: string };
  /** Private key files: authorized for tutor and outsider, not authorized, authorized but with the passphrase "secret". */
  keys: { user: string; stranger: string; locked: string };
  /** The docker CLI on the remote engine (over its plain HTTP port). */
  docker(args: string[]): Promise<string>;
  remove(): Promise<void>;
}

async function sshKey(file: string, passphrase = ""): Promise<string> {
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", path.basename(file), "-f", file]);
  return file;
}

/** Starts the remote engine as container `name` (a leftover of that name, from a killed run, is replaced). */
export async function startRemoteEngine(name: string): Promise<RemoteEngine> {
  await ensureImage();
  const volume = `${name}-data`;
  const removeOwn = async () => {
    await docker(["rm", "-f", "-v", name]).catch(() => undefined);
    await docker(["volume", "rm", volume]).catch(() => undefined);
  };
  await removeOwn();
  const dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-remote-"));
  await chmod(dir, 0o755); // sshd reads authorized_keys as the remote user
  const remove = async () => {
    await removeOwn();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await docker(["volume", "create", "--label", label, volume]);
    await docker(
      ["run", "-d", "--name", name, "--label", label,
        ...nestedEngineFlags(volume), "-v", `${dir}:${dir}:ro`, remoteImage, "sleep", "infinity"],
    ); // biome-ignore format: one command line
    const ip = await containerIp(name);
    await makeCertificates(dir, ip);
    const folder = async (sub: string, files: CertFolder) => {
      await mkdir(path.join(dir, sub));
      for (const [target, source] of Object.entries(files))
        await writeFile(path.join(dir, sub, `${target}.pem`), await readFile(path.join(dir, source)));
      return path.join(dir, sub);
    };
    const certs = {
      good: await folder("good", { ca: "ca.pem", cert: "client-cert.pem", key: "client-key.pem" }),
      wrongCa: await folder("wrong-ca", {
        ca: "other-ca.pem",
        cert: "client-cert.pem",
        key: "client-key.pem",
      }),
      otherClient: await folder("other-client", {
        ca: "ca.pem",
        cert: "other-client-cert.pem",
        key: "other-client-key.pem",
      }),
    };
    const hostKeyFile = await sshKey(path.join(dir, "host_ed25519"));
    const otherHostKey = await sshKey(path.join(dir, "other_host_ed25519"));
    const keys = {
      user: await sshKey(path.join(dir, "user_ed25519")),
      stranger: await sshKey(path.join(dir, "stranger_ed25519")),
      locked: await sshKey(path.join(dir, "locked_ed25519"), "secret"),
    };
    const publicKey = async (file: string) => (await readFile(`${file}.pub`, "utf8")).trim();
    await writeFile(
      path.join(dir, "authorized_keys"),
      `${await publicKey(keys.user)}\n${await publicKey(keys.locked)}\n`,
    );
    await chmod(path.join(dir, "authorized_keys"), 0o644);
    const keyLine = async (file: string) =>
      `${ip} ${(await publicKey(file)).split(" ").slice(0, 2).join(" ")}`;
    const fingerprint = (await run("ssh-keygen", ["-l", "-f", `${hostKeyFile}.pub`])).stdout.split(
      " ",
    )[1] as string;

    const exec = (args: string[]) => docker(["exec", "-d", name, ...args]);
    await exec(["dockerd", "-H", "unix:///var/run/docker.sock", "-H", "tcp://0.0.0.0:2376", "--tlsverify",
      "--tlscacert", path.join(dir, "ca.pem"), "--tlscert", path.join(dir, "server-cert.pem"), "--tlskey", path.join(dir, "server-key.pem")]); // biome-ignore format: one command line
    await exec(["socat", "TCP-LISTEN:2375,fork,reuseaddr", "UNIX-CONNECT:/var/run/docker.sock"]);
    await exec(["/usr/sbin/sshd", "-D", "-e", "-h", hostKeyFile, "-o", `AuthorizedKeysFile=${path.join(dir, "authorized_keys")}`, "-o", "StrictModes=no"]); // biome-ignore format: one command line
    const plainHost = `tcp://${ip}:2375`;
    const remoteDocker = (args: string[]) =>
      docker(args, { DOCKER_HOST: plainHost, DOCKER_CONTEXT: undefined });
    await waitFor("the remote engine", () => remoteDocker(["version"]));
    await waitFor("the remote SSH server", () => run("ssh-keyscan", ["-T", "2", ip]).then(({ stdout }) => {
      if (!stdout.includes("ssh-ed25519")) throw new Error("no host key yet");
    })); // biome-ignore format: one call
    await run("sh", ["-c", `docker save busybox:latest | DOCKER_HOST=${plainHost} docker load -q`]);
    return {
      ip,
      tlsHost: `tcp://${ip}:2376`,
      plainHost,
      certs,
      hostKey: { line: await keyLine(hostKeyFile), fingerprint, otherLine: await keyLine(otherHostKey) },
      keys,
      docker: remoteDocker,
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** A learner's home for SSH: ~/.ssh with the given private key as id_ed25519, known_hosts and config. */
export async function sshHome(options: {
  key?: string;
  knownHosts?: string;
  config?: string;
}): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-home-"));
  const ssh = path.join(home, ".ssh");
  await mkdir(ssh, { mode: 0o700 });
  if (options.key)
    await writeFile(path.join(ssh, "id_ed25519"), await readFile(options.key), { mode: 0o600 });
  if (options.knownHosts !== undefined)
    await writeFile(path.join(ssh, "known_hosts"), `${options.knownHosts}\n`);
  if (options.config !== undefined) await writeFile(path.join(ssh, "config"), options.config);
  return home;
}

/** Writes a docker context as `docker context create` does: meta.json, and the TLS files beside it. */
export async function writeContext(
  configDir: string,
  name: string,
  endpoint: { host: string; skipTlsVerify?: boolean; tls?: Partial<CertFolder> },
): Promise<void> {
  const hash = createHash("sha256").update(name).digest("hex");
  const meta = path.join(configDir, "contexts", "meta", hash);
  await mkdir(meta, { recursive: true });
  const docker = { Host: endpoint.host, SkipTLSVerify: endpoint.skipTlsVerify ?? false };
  await writeFile(
    path.join(meta, "meta.json"),
    JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker } }),
  );
  if (!endpoint.tls) return;
  const tls = path.join(configDir, "contexts", "tls", hash, "docker");
  await mkdir(tls, { recursive: true });
  for (const [file, from] of Object.entries(endpoint.tls))
    if (from) await writeFile(path.join(tls, `${file}.pem`), await readFile(from), { mode: 0o600 });
}

/** The folder docker-tutor reads a context's TLS files from. */
export function contextTlsDir(configDir: string, name: string): string {
  return path.join(configDir, "contexts", "tls", createHash("sha256").update(name).digest("hex"), "docker");
}

/** An ssh-agent holding `keys`, on a socket of its own; `stop()` ends it. */
export async function startAgent(keys: string[]): Promise<{ socket: string; stop(): void }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-agent-"));
  const socket = path.join(dir, "agent.sock");
  const agent: ChildProcess = spawn("ssh-agent", ["-D", "-a", socket], { stdio: "ignore" });
  const stop = () => {
    agent.kill();
    void rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor("ssh-agent", () => run("ssh-add", ["-l"], { env: { ...process.env, SSH_AUTH_SOCK: socket } }).catch((e) => {
      if ((e as { code?: number }).code === 1) return; // "The agent has no identities": it answers
      throw e;
    }), 10_000); // biome-ignore format: one call
    for (const key of keys)
      await run("ssh-add", ["-q", key], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
  } catch (error) {
    stop();
    throw error;
  }
  return { socket, stop };
}
