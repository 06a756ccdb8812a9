/** TLS and SSH failures worded as what they are, each with its fix, never "start Docker". */
import { describe, expect, it } from "vitest";
import { describeEngineFailure, type EngineFailure } from "../../../src/engine/failure.js";
import { SshError, type SshRefusal } from "../../../src/engine/ssh.js";
import { RemoteDockerError } from "../../../src/engine/ssh-channel.js";
import type { SshSettings } from "../../../src/engine/ssh-config.js";
import type { EngineTarget } from "../../../src/engine/target.js";

const tls = { ca: "CA", cert: "CERT", key: "KEY", verify: true, dir: "/certs" };
const fromEnv: EngineTarget = { host: "tcp://10.0.0.5:2376", source: "DOCKER_HOST", tls };
const fromContext: EngineTarget = {
  host: "tcp://10.0.0.5:2376",
  source: 'docker context "lab"',
  tls: { ...tls, dir: "/ctx" },
};
const update =
  '`docker context update lab --docker "host=tcp://10.0.0.5:2376,ca=CA.pem,cert=CERT.pem,key=KEY.pem"`';

const coded = (code: string, message = code, extra: object = {}) =>
  Object.assign(new Error(message), { code, ...extra });

function worded(error: unknown, target: EngineTarget): EngineFailure {
  const failure = describeEngineFailure(error, target);
  expect(`${failure.message} ${failure.fix}`).not.toMatch(/start Docker/);
  return failure;
}

describe("TLS failures", () => {
  it("a CA that did not sign the engine's certificate, or no CA at all", () => {
    expect(worded(coded("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), fromEnv)).toEqual({
      reason: "tls",
      message: "the engine's certificate is not signed by the CA in /certs/ca.pem",
      fix: "put the CA that signed the engine's certificate (the engine's --tlscacert) at /certs/ca.pem, or point DOCKER_CERT_PATH at the folder that has it",
    });
    expect(worded(coded("SELF_SIGNED_CERT_IN_CHAIN"), fromContext)).toEqual({
      reason: "tls",
      message: "the engine's certificate is not signed by the CA in /ctx/ca.pem",
      fix: `give the context the CA that signed the engine's certificate (the engine's --tlscacert): ${update}`,
    });
    const noCa = { ...fromEnv, tls: { ...tls, ca: undefined } };
    expect(worded(coded("DEPTH_ZERO_SELF_SIGNED_CERT"), noCa).message).toBe(
      "the engine's certificate is not signed by a CA this machine trusts (there is no /certs/ca.pem)",
    );
  });

  it("a certificate for another address, or out of date", () => {
    const altname = coded("ERR_TLS_CERT_ALTNAME_INVALID", "x", {
      reason: "IP: 10.0.0.5 is not in the cert's list: 10.0.0.6",
    });
    expect(worded(altname, fromEnv).message).toBe(
      "the engine's certificate is not made out for the address used: IP: 10.0.0.5 is not in the cert's list: 10.0.0.6",
    );
    expect(worded(coded("CERT_HAS_EXPIRED"), fromEnv)).toEqual({
      reason: "tls",
      message: "the engine's certificate has expired",
      fix: "renew the engine's certificate (its --tlscert), or set this machine's clock right",
    });
  });

  it("a client certificate refused, or none given", () => {
    expect(worded(coded("ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"), fromEnv)).toEqual({
      reason: "tls",
      message:
        "the engine at tcp://10.0.0.5:2376 (from DOCKER_HOST) refused the client certificate in /certs/cert.pem: it is not signed by the CA the engine trusts",
      fix: "put a client certificate signed by the engine's CA (the engine's --tlscacert) and its key at /certs/cert.pem and /certs/key.pem, or point DOCKER_CERT_PATH at the folder that has them",
    });
    expect(worded(coded("ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED"), fromEnv).message).toMatch(
      /: it has expired$/,
    );
    expect(worded(coded("ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"), fromContext)).toEqual({
      reason: "tls",
      message:
        'the engine at tcp://10.0.0.5:2376 (from docker context "lab") asks for a client certificate, and none was given (no /ctx/cert.pem)',
      fix: `give the context a client certificate signed by the engine's CA (the engine's --tlscacert), and its key: ${update}`,
    });
  });

  it("plain HTTP to an HTTPS engine, and HTTPS to a plain one", () => {
    const http400 = Object.assign(
      new Error("(HTTP code 400) unexpected - Client sent an HTTP request to an HTTPS server.\n "),
      {
        statusCode: 400,
      },
    );
    const plain = { host: "tcp://10.0.0.5:2376", source: "DOCKER_HOST" };
    expect(worded(http400, plain)).toEqual({
      reason: "tls",
      message:
        "the engine at tcp://10.0.0.5:2376 (from DOCKER_HOST) speaks HTTPS only, and no TLS was set up to reach it",
      fix: "set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with the engine's ca.pem, cert.pem and key.pem",
    });
    const wrongVersion = coded(
      "EPROTO",
      "write EPROTO 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number",
    );
    expect(worded(wrongVersion, fromContext)).toEqual({
      reason: "tls",
      message: 'the engine at tcp://10.0.0.5:2376 (from docker context "lab") speaks plain HTTP, not TLS',
      fix: "drop the context's TLS settings: `docker context update lab --docker host=tcp://10.0.0.5:2376`",
    });
  });

  it("a key that does not go with the certificate, or cannot be read", () => {
    expect(worded(coded("ERR_OSSL_X509_KEY_VALUES_MISMATCH"), fromEnv)).toEqual({
      reason: "tls",
      message: "the key in /certs/key.pem does not belong to the certificate in /certs/cert.pem",
      fix: "put the key that goes with /certs/cert.pem at /certs/key.pem",
    });
    expect(worded(coded("ERR_OSSL_UNSUPPORTED", "x", { reason: "unsupported" }), fromEnv).message).toBe(
      "the TLS files in /certs cannot be used: unsupported",
    );
  });

  it("a file docker-modem reads from DOCKER_CERT_PATH itself, missing or not PEM", () => {
    const missing = coded("ENOENT", "ENOENT: no such file or directory", { path: "/certs/ca.pem" });
    expect(worded(missing, { host: "tcp://10.0.0.5:2376", source: "DOCKER_HOST" })).toEqual({
      reason: "tls",
      message: "cannot read /certs/ca.pem, in the folder DOCKER_CERT_PATH names",
      fix: "put the engine's ca.pem, cert.pem and key.pem in that folder, or unset DOCKER_CERT_PATH",
    });
    expect(
      worded(new Error("File does not contain 'BEGIN CERTIFICATE' or 'END CERTIFICATE'"), fromEnv).message,
    ).toBe("/certs/ca.pem holds no PEM certificate");
  });
});

const settings: SshSettings = {
  hostName: "10.0.0.5",
  port: 2222,
  user: "tutor",
  identityFiles: ["/home/me/.ssh/id_ed25519", "/home/me/.ssh/id_rsa"],
  agent: undefined,
  knownHostsFiles: ["/home/me/.ssh/known_hosts"],
  strictHostKeyChecking: "ask",
  home: "/home/me",
};
const sshTarget: EngineTarget = { host: "ssh://tutor@engine:2222", source: "DOCKER_HOST", ssh: settings };
const refusal = (r: SshRefusal) => worded(new SshError(r, settings), sshTarget);

describe("SSH failures", () => {
  it("a host key not recorded, changed or revoked", () => {
    const key = "ED25519 key SHA256:abc";
    expect(refusal({ kind: "host-unknown", key, knownHosts: "~/.ssh/known_hosts" })).toEqual({
      reason: "ssh",
      message:
        "the SSH host [10.0.0.5]:2222 is not in ~/.ssh/known_hosts, so the tutor cannot tell it is the right host (it shows the ED25519 key SHA256:abc)",
      fix: "check that key and accept it by connecting once with `ssh -p 2222 tutor@engine`, then try again",
    });
    expect(refusal({ kind: "host-changed", key, where: "~/.ssh/known_hosts:3" }).fix).toBe(
      "if the host was reinstalled, forget its old key with `ssh-keygen -R '[10.0.0.5]:2222'`, then check and accept the new one by connecting once with `ssh -p 2222 tutor@engine`",
    );
    expect(refusal({ kind: "host-revoked", key, where: "/etc/ssh/ssh_known_hosts:1" }).message).toBe(
      "the SSH host [10.0.0.5]:2222 shows a revoked key (the ED25519 key SHA256:abc, marked @revoked in /etc/ssh/ssh_known_hosts:1)",
    );
  });

  it("keys refused, locked by a passphrase, or none at all", () => {
    expect(
      refusal({
        kind: "auth",
        offered: ["the agent's keys", "~/.ssh/id_rsa"],
        locked: ["~/.ssh/id_ed25519"],
      }),
    ).toEqual({
      reason: "ssh",
      message:
        "tutor@10.0.0.5 port 2222 refused every SSH key offered (the agent's keys, ~/.ssh/id_rsa); ~/.ssh/id_ed25519 has a passphrase and was not tried",
      fix: "authorize your public key there (`ssh-copy-id -p 2222 tutor@engine`), or add the key it knows to your agent (`ssh-add KEYFILE`)",
    });
    expect(refusal({ kind: "auth", offered: [], locked: [] }).message).toBe(
      "no SSH key to log in to tutor@10.0.0.5 port 2222 with: no agent is running (SSH_AUTH_SOCK is not set), and there is no ~/.ssh/id_ed25519, ~/.ssh/id_rsa",
    );
  });

  it("the host's docker missing or unable to reach its engine", () => {
    expect(
      worded(new RemoteDockerError(127, "bash: line 1: docker: command not found\n"), sshTarget),
    ).toEqual({
      reason: "ssh",
      message:
        "the SSH host of ssh://tutor@engine:2222 has no docker command (bash: line 1: docker: command not found)",
      fix: "install the docker CLI there: the tutor reaches the engine through `docker system dial-stdio`, as the docker CLI does",
    });
    expect(
      worded(
        new RemoteDockerError(1, "failed to open the raw stream connection: permission denied"),
        sshTarget,
      ).message,
    ).toBe(
      "`docker system dial-stdio` failed on the SSH host of ssh://tutor@engine:2222: failed to open the raw stream connection: permission denied",
    );
  });

  it("no SSH server, or no such host", () => {
    expect(worded(coded("ECONNREFUSED"), sshTarget)).toEqual({
      reason: "refused",
      message:
        "no SSH server answers at 10.0.0.5 port 2222 (the engine's host, from ssh://tutor@engine:2222)",
      fix: "start the SSH server there, or correct the address; check that `ssh -p 2222 tutor@engine docker version` works",
    });
    expect(worded(coded("ENOTFOUND"), sshTarget).message).toBe(
      "cannot resolve the SSH host of ssh://tutor@engine:2222 (10.0.0.5)",
    );
  });
});
