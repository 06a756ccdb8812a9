/**
 * The engine over SSH, as the docker CLI reaches it: one SSH connection, and for each HTTP connection a
 * channel running `docker system dial-stdio` on the host, kept for the next request. Authentication is the agent's keys, then the
 * identity files; the host's key must be the one a known_hosts file records (or the config's
 * StrictHostKeyChecking must be "no" or "accept-new" for a host none records). There is no socket timeout
 * here: the deadlines are the tutor's own (limits.ts), and `destroy()` (closeClient) ends the connection.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import {
  type AnyAuthMethod,
  Client,
  type ClientErrorExtensions,
  type ServerHostKeyAlgorithm,
  utils,
} from "ssh2";
import {
  describeHostKey,
  type HostKeyVerdict,
  hostKeyAlgorithms,
  judgeHostKey,
  type KnownHostEntry,
  knownHostName,
  parseKnownHosts,
  recordedKeyTypes,
} from "./known-hosts.js";
import { ChannelSocket } from "./ssh-channel.js";
import type { SshSettings } from "./ssh-config.js";
import { tildePath } from "./ssh-config.js";

/** Why the SSH connection was refused, with what the wording needs. */
export type SshRefusal =
  | { kind: "host-unknown"; key: string; knownHosts: string }
  | { kind: "host-changed" | "host-revoked"; key: string; where: string }
  | { kind: "auth"; offered: string[]; locked: string[] };

export class SshError extends Error {
  readonly code = "ESSH";
  constructor(
    readonly refusal: SshRefusal,
    readonly settings: SshSettings,
  ) {
    super(`SSH refused: ${refusal.kind}`);
    this.name = "SshError";
  }
}

/** At most this many channels at once: OpenSSH's sshd allows 10 sessions per connection (MaxSessions). */
const channelsPerConnection = 8;
/** The SSH handshake's own limit, for a connection no request waits on any more. */
const handshakeMs = 30_000;

/** The auth methods to try: the agent, then each identity file that exists (those with a passphrase set aside). */
async function authMethods(
  settings: SshSettings,
): Promise<{ methods: AnyAuthMethod[]; offered: string[]; locked: string[] }> {
  const username = settings.user;
  const methods: AnyAuthMethod[] = [];
  const offered: string[] = [];
  const locked: string[] = [];
  if (settings.agent) {
    methods.push({ type: "agent", username, agent: settings.agent });
    offered.push("the agent's keys");
  }
  for (const file of settings.identityFiles) {
    const key = await readFile(file).catch(() => undefined);
    if (!key) continue;
    const parsed = utils.parseKey(key);
    if (parsed instanceof Error) {
      if (/encrypt|passphrase/i.test(parsed.message)) locked.push(tildePath(file, settings.home));
      continue;
    }
    methods.push({ type: "publickey", username, key });
    offered.push(tildePath(file, settings.home));
  }
  return { methods, offered, locked };
}

async function knownHosts(settings: SshSettings): Promise<KnownHostEntry[]> {
  const texts = await Promise.all(
    settings.knownHostsFiles.map(async (file) => {
      const text = await readFile(file, "utf8").catch(() => "");
      return parseKnownHosts(text, tildePath(file, settings.home));
    }),
  );
  return texts.flat();
}

export class SshTransport extends http.Agent {
  readonly #settings: SshSettings;
  #client: Promise<Client> | undefined;
  #socket: net.Socket | undefined;
  #busy = 0;
  #destroyed = false;

  constructor(settings: SshSettings) {
    // Kept alive: each channel starts a `docker` process on the host, a few hundred milliseconds.
    super({ keepAlive: true, maxSockets: channelsPerConnection });
    this.#settings = settings;
  }

  /** Called by Node's HTTP client for each connection it needs: a dial-stdio channel. */
  override createConnection(
    _options: unknown,
    done?: (error: Error | null, socket: Duplex) => void,
  ): undefined {
    const callback = (error: Error | null, socket?: ChannelSocket) => done?.(error, socket as Duplex);
    this.#hold();
    this.#connected().then(
      (client) => {
        client.exec("docker system dial-stdio", (error, channel) => {
          if (error) {
            this.#release();
            return callback(error);
          }
          callback(null, new ChannelSocket(channel, (held) => (held ? this.#hold() : this.#release())));
        });
      },
      (error: Error) => {
        this.#release();
        callback(error);
      },
    );
    return undefined;
  }

  override destroy(): void {
    super.destroy();
    this.#destroyed = true;
    this.#socket?.destroy();
  }

  // An idle connection must not keep the process alive: the socket is referenced only while in use.
  #hold(): void {
    if (++this.#busy === 1) this.#socket?.ref();
  }
  #release(): void {
    if (--this.#busy === 0) this.#socket?.unref();
  }

  /** The connection, made on first use; a failed one is forgotten, so the next request tries again. */
  #connected(): Promise<Client> {
    if (this.#destroyed)
      return Promise.reject(Object.assign(new Error("the engine client was closed"), { code: "ECANCELED" }));
    if (!this.#client) {
      const forget = () => {
        if (this.#client === attempt) this.#client = undefined;
      };
      const attempt = this.#connect(forget);
      this.#client = attempt;
      attempt.catch(forget);
    }
    return this.#client;
  }

  /** Connects and authenticates; `lost` is called when a connection that was ready closes. */
  async #connect(lost: () => void): Promise<Client> {
    const settings = this.#settings;
    const [auth, entries] = await Promise.all([authMethods(settings), knownHosts(settings)]);
    if (auth.methods.length === 0)
      throw new SshError({ kind: "auth", offered: [], locked: auth.locked }, settings);
    const name = knownHostName(settings.hostName, settings.port);
    let verdict: HostKeyVerdict | undefined;
    let presented = "";
    const socket = net.connect({ host: settings.hostName, port: settings.port });
    this.#socket = socket;
    if (this.#busy === 0) socket.unref();
    const client = new Client();
    return new Promise<Client>((resolve, reject) => {
      let ready = false;
      const fail = (error: Error & ClientErrorExtensions) => {
        if (ready || error.level === "agent") return; // an unreachable agent: ssh2 goes on to the key files
        socket.destroy();
        if (verdict && verdict.kind !== "known" && !(verdict.kind === "unknown" && acceptsUnknown(settings)))
          return reject(new SshError(refusalFor(verdict, presented, settings), settings));
        if (error.level === "client-authentication")
          return reject(new SshError({ kind: "auth", offered: auth.offered, locked: auth.locked }, settings));
        if (error.level === "client-timeout") return reject(Object.assign(error, { code: "ETIMEDOUT" }));
        reject(error);
      };
      client.on("error", fail);
      client.on("close", () => {
        if (ready) return lost();
        fail(Object.assign(new Error("the SSH server closed the connection"), { code: "ECONNRESET" }));
      });
      client.on("ready", () => {
        ready = true;
        resolve(client);
      });
      client.connect({
        sock: socket,
        username: settings.user,
        authHandler: auth.methods,
        algorithms: {
          serverHostKey: hostKeyAlgorithms(recordedKeyTypes(entries, name)) as ServerHostKeyAlgorithm[],
        },
        readyTimeout: handshakeMs,
        hostVerifier: (key: Buffer) => {
          presented = describeHostKey(key);
          verdict = judgeHostKey(entries, name, key);
          return verdict.kind === "known" || (verdict.kind === "unknown" && acceptsUnknown(settings));
        },
      });
    });
  }
}

function acceptsUnknown(settings: SshSettings): boolean {
  return settings.strictHostKeyChecking === "no" || settings.strictHostKeyChecking === "accept-new";
}

function refusalFor(verdict: HostKeyVerdict, key: string, settings: SshSettings): SshRefusal {
  if (verdict.kind === "changed" || verdict.kind === "revoked")
    return { kind: verdict.kind === "changed" ? "host-changed" : "host-revoked", key, where: verdict.where };
  return {
    kind: "host-unknown",
    key,
    knownHosts: tildePath(settings.knownHostsFiles[0] ?? "~/.ssh/known_hosts", settings.home),
  };
}
