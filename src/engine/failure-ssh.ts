/**
 * SSH mistakes, worded as the learner would fix them with `ssh` itself: the host's key, the keys to log in
 * with, the SSH server, and the docker CLI on the host (which the engine is reached through).
 */
import type { EngineFailure } from "./failure.js";
import { knownHostName } from "./known-hosts.js";
import type { SshError } from "./ssh.js";
import type { RemoteDockerError } from "./ssh-channel.js";
import type { SshSettings } from "./ssh-config.js";
import type { EngineTarget } from "./target.js";

/** `ssh [-p PORT] [USER@]HOST` as the learner wrote the engine's address, so their ssh config applies alike. */
function sshCommand(host: string): string {
  try {
    const url = new URL(host);
    return `ssh ${url.port ? `-p ${url.port} ` : ""}${url.username ? `${url.username}@` : ""}${url.hostname.replace(/^\[|\]$/g, "")}`;
  } catch {
    return "ssh HOST";
  }
}

function login(settings: SshSettings): string {
  return `${settings.user}@${settings.hostName}${settings.port === 22 ? "" : ` port ${settings.port}`}`;
}

function refused(error: SshError, target: EngineTarget): EngineFailure {
  const { refusal, settings } = error;
  const ssh = sshCommand(target.host);
  const name = knownHostName(settings.hostName, settings.port);
  const quoted = name.startsWith("[") ? `'${name}'` : name;
  const failure = (message: string, fix: string): EngineFailure => ({ reason: "ssh", message, fix });
  switch (refusal.kind) {
    case "host-unknown":
      return failure(
        `the SSH host ${name} is not in ${refusal.knownHosts}, so the tutor cannot tell it is the right host (it shows the ${refusal.key})`,
        `check that key and accept it by connecting once with \`${ssh}\`, then try again`,
      );
    case "host-changed":
      return failure(
        `the SSH host ${name} shows a different key from the one recorded in ${refusal.where} (it shows the ${refusal.key}): someone may be intercepting the connection`,
        `if the host was reinstalled, forget its old key with \`ssh-keygen -R ${quoted}\`, then check and accept the new one by connecting once with \`${ssh}\``,
      );
    case "host-revoked":
      return failure(
        `the SSH host ${name} shows a revoked key (the ${refusal.key}, marked @revoked in ${refusal.where})`,
        "ask the host's administrator for its current key",
      );
    case "auth": {
      const agentFix = 'start an agent and add your key: `eval "$(ssh-agent)"`, then `ssh-add`';
      if (refusal.offered.length > 0) {
        const locked =
          refusal.locked.length > 0
            ? `; ${refusal.locked.join(", ")} has a passphrase and was not tried`
            : "";
        return failure(
          `${login(settings)} refused every SSH key offered (${refusal.offered.join(", ")})${locked}`,
          `authorize your public key there (\`ssh-copy-id ${ssh.slice(4)}\`), or add the key it knows to your agent (\`ssh-add KEYFILE\`)`,
        );
      }
      if (refusal.locked.length > 0)
        return failure(
          `no SSH key to log in to ${login(settings)} with: ${refusal.locked.join(", ")} has a passphrase, which the tutor cannot ask for, and no agent is running (SSH_AUTH_SOCK is not set)`,
          `add it to an agent: \`eval "$(ssh-agent)"\`, then \`ssh-add ${refusal.locked[0]}\``,
        );
      return failure(
        `no SSH key to log in to ${login(settings)} with: no agent is running (SSH_AUTH_SOCK is not set), and there is no ${settings.identityFiles.map((f) => f.replace(`${settings.home}/`, "~/")).join(", ")}`,
        `${agentFix}; or name your key with IdentityFile in ~/.ssh/config`,
      );
    }
  }
}

/** The failure when `error` comes from the SSH route to an `ssh://` engine; undefined for anything else. */
export function describeSshFailure(error: unknown, target: EngineTarget): EngineFailure | undefined {
  if (!target.host.startsWith("ssh://")) return undefined;
  const code = (error as NodeJS.ErrnoException)?.code;
  const ssh = sshCommand(target.host);
  const checkFix = `check that \`${ssh} docker version\` works`;
  if (code === "ESSH") return refused(error as SshError, target);
  if (code === "ESSHREMOTE") {
    const remote = error as RemoteDockerError;
    if (remote.exitCode === 127)
      return {
        reason: "ssh",
        message: `the SSH host of ${target.host} has no docker command (${remote.message})`,
        fix: "install the docker CLI there: the tutor reaches the engine through `docker system dial-stdio`, as the docker CLI does",
      };
    return {
      reason: "ssh",
      message: `\`docker system dial-stdio\` failed on the SSH host of ${target.host}: ${remote.message}`,
      fix: `have Docker running on that host, and its user allowed to use it (\`sudo usermod -aG docker USER\` there); ${checkFix}`,
    };
  }
  const where = target.ssh ? `${target.ssh.hostName} port ${target.ssh.port}` : target.host;
  if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ENETUNREACH")
    return {
      reason: "refused",
      message: `no SSH server answers at ${where} (the engine's host, from ${target.host})`,
      fix: `start the SSH server there, or correct the address; ${checkFix}`,
    };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return {
      reason: "refused",
      message: `cannot resolve the SSH host of ${target.host}${target.ssh ? ` (${target.ssh.hostName})` : ""}`,
      fix: `correct the host name (or its HostName in ~/.ssh/config); ${checkFix}`,
    };
  if (code === "ETIMEDOUT" || code === "ECONNRESET")
    return {
      reason: code === "ETIMEDOUT" ? "timeout" : "refused",
      message: `the engine at ${target.host} ${code === "ETIMEDOUT" ? "did not answer in time" : "closed the connection"}`,
      fix: checkFix,
    };
  return undefined;
}
