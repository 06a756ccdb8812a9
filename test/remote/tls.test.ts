/**
 * A remote engine with `--tlsverify`, reached as the docker CLI reaches it: from DOCKER_HOST,
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, and from docker contexts (skip-tls-verify included); and each
 * TLS mistake a learner can make, told as a TLS mistake with its fix.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  expectConfigRefused,
  expectReached,
  expectRefused,
  learnerEnv,
  makeTutorHome,
  withHome,
} from "../support/remote-cli.js";
import {
  contextTlsDir,
  type RemoteEngine,
  startRemoteEngine,
  writeContext,
} from "../support/remote-engine.js";

let engine: RemoteEngine;
let tutorHome: string;

beforeAll(async () => {
  tutorHome = await makeTutorHome();
  engine = await startRemoteEngine("docker-tutor-remote-tls");
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

const fromEnv = (certs: string, verify = true) => ({
  DOCKER_HOST: engine.tlsHost,
  DOCKER_CERT_PATH: certs,
  ...(verify ? { DOCKER_TLS_VERIFY: "1" } : {}),
});

const files = (dir: string) => ({
  ca: path.join(dir, "ca.pem"),
  cert: path.join(dir, "cert.pem"),
  key: path.join(dir, "key.pem"),
});

/** The fix a context's TLS mistakes end with. */
const update = (name: string, host: string) =>
  `\`docker context update ${name} --docker "host=${host},ca=CA.pem,cert=CERT.pem,key=KEY.pem"\``;

describe("an engine with --tlsverify", () => {
  it("is reached from DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, its ports at its host", async () => {
    await withHome(async (home) => {
      const env = learnerEnv(home, tutorHome, fromEnv(engine.certs.good));
      await expectReached(env, engine.tlsHost, "DOCKER_HOST", engine.ip);
    });
  });

  it("is reached from the context `docker context use` chose, with the context's own TLS files", async () => {
    await withHome(async (home) => {
      const env = learnerEnv(home, tutorHome);
      const config = env.DOCKER_CONFIG as string;
      await writeContext(config, "remote-tls", { host: engine.tlsHost, tls: files(engine.certs.good) });
      await writeFile(path.join(config, "config.json"), JSON.stringify({ currentContext: "remote-tls" }));
      await expectReached(env, engine.tlsHost, 'docker context "remote-tls"', engine.ip);
    });
  });

  it("is reached from a skip-tls-verify context, whose CA did not sign the engine's certificate", async () => {
    await withHome(async (home) => {
      const env = learnerEnv(home, tutorHome, { DOCKER_CONTEXT: "remote-skip" });
      await writeContext(env.DOCKER_CONFIG as string, "remote-skip", {
        host: engine.tlsHost,
        skipTlsVerify: true,
        tls: files(engine.certs.wrongCa),
      });
      await expectReached(env, engine.tlsHost, 'docker context "remote-skip"', engine.ip);
    });
  });
});

describe("TLS mistakes, each told as what it is, with its fix", () => {
  it("a CA that did not sign the engine's certificate, from DOCKER_CERT_PATH", async () => {
    await withHome(async (home) => {
      const ca = path.join(engine.certs.wrongCa, "ca.pem");
      await expectRefused(
        learnerEnv(home, tutorHome, fromEnv(engine.certs.wrongCa)),
        `the engine's certificate is not signed by the CA in ${ca}`,
        `put the CA that signed the engine's certificate (the engine's --tlscacert) at ${ca}, or point DOCKER_CERT_PATH at the folder that has it`,
      );
    });
  });

  it("a CA that did not sign the engine's certificate, in a context", async () => {
    await withHome(async (home) => {
      const env = learnerEnv(home, tutorHome, { DOCKER_CONTEXT: "remote-wrong-ca" });
      const config = env.DOCKER_CONFIG as string;
      await writeContext(config, "remote-wrong-ca", {
        host: engine.tlsHost,
        tls: files(engine.certs.wrongCa),
      });
      await expectRefused(
        env,
        `the engine's certificate is not signed by the CA in ${path.join(contextTlsDir(config, "remote-wrong-ca"), "ca.pem")}`,
        `give the context the CA that signed the engine's certificate (the engine's --tlscacert): ${update("remote-wrong-ca", engine.tlsHost)}`,
      );
    });
  });

  it("a client certificate the engine does not trust", async () => {
    await withHome(async (home) => {
      const dir = engine.certs.otherClient;
      await expectRefused(
        learnerEnv(home, tutorHome, fromEnv(dir)),
        `the engine at ${engine.tlsHost} (from DOCKER_HOST) refused the client certificate in ${dir}/cert.pem: it is not signed by the CA the engine trusts`,
        `put a client certificate signed by the engine's CA (the engine's --tlscacert) and its key at ${dir}/cert.pem and ${dir}/key.pem, or point DOCKER_CERT_PATH at the folder that has them`,
      );
    });
  });

  it("no client certificate, in a context that has only the CA", async () => {
    await withHome(async (home) => {
      const env = learnerEnv(home, tutorHome, { DOCKER_CONTEXT: "remote-ca-only" });
      const config = env.DOCKER_CONFIG as string;
      await writeContext(config, "remote-ca-only", {
        host: engine.tlsHost,
        tls: { ca: files(engine.certs.good).ca },
      });
      await expectRefused(
        env,
        `the engine at ${engine.tlsHost} (from docker context "remote-ca-only") asks for a client certificate, and none was given (no ${path.join(contextTlsDir(config, "remote-ca-only"), "cert.pem")})`,
        `give the context a client certificate signed by the engine's CA (the engine's --tlscacert), and its key: ${update("remote-ca-only", engine.tlsHost)}`,
      );
    });
  });

  it("plain HTTP to the HTTPS engine", async () => {
    await withHome(async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { DOCKER_HOST: engine.tlsHost }),
        `the engine at ${engine.tlsHost} (from DOCKER_HOST) speaks HTTPS only, and no TLS was set up to reach it`,
        "set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with the engine's ca.pem, cert.pem and key.pem",
      );
    });
  });

  it("HTTPS to a plain HTTP engine, from DOCKER_HOST and from a context", async () => {
    await withHome(async (home) => {
      await expectRefused(
        learnerEnv(home, tutorHome, { ...fromEnv(engine.certs.good), DOCKER_HOST: engine.plainHost }),
        `the engine at ${engine.plainHost} (from DOCKER_HOST) speaks plain HTTP, not TLS`,
        "unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for this engine, or point DOCKER_HOST at its TLS port (usually 2376)",
      );
      const env = learnerEnv(home, tutorHome, { DOCKER_CONTEXT: "remote-plain" });
      await writeContext(env.DOCKER_CONFIG as string, "remote-plain", {
        host: engine.plainHost,
        tls: files(engine.certs.good),
      });
      await expectRefused(
        env,
        `the engine at ${engine.plainHost} (from docker context "remote-plain") speaks plain HTTP, not TLS`,
        `drop the context's TLS settings: \`docker context update remote-plain --docker host=${engine.plainHost}\``,
      );
    });
  });

  it("a missing TLS file is named, for DOCKER_CERT_PATH and for a context", async () => {
    await withHome(async (home) => {
      const certs = path.join(home, "certs");
      await mkdir(certs);
      await expectConfigRefused(
        learnerEnv(home, tutorHome, fromEnv(certs)),
        `DOCKER_TLS_VERIFY is set but ${certs}/ca.pem, ${certs}/cert.pem, ${certs}/key.pem are missing — point DOCKER_CERT_PATH at the folder holding ca.pem, cert.pem and key.pem`,
      );
      const env = learnerEnv(home, tutorHome, { DOCKER_CONTEXT: "remote-no-key" });
      const config = env.DOCKER_CONFIG as string;
      const { ca, cert } = files(engine.certs.good);
      await writeContext(config, "remote-no-key", { host: engine.tlsHost, tls: { ca, cert } });
      const dir = contextTlsDir(config, "remote-no-key");
      await expectConfigRefused(
        env,
        `docker context "remote-no-key" has ${dir}/cert.pem but no ${dir}/key.pem — give it both: ${update("remote-no-key", engine.tlsHost)}`,
      );
    });
  });
});
