/**
 * One `docker system dial-stdio` channel, shaped as the socket Node's HTTP client expects. ssh2's channel
 * has no setTimeout (the crash "sock.setTimeout is not a function"), and its end comes before the remote
 * command's exit status, so a `docker` that fails on the host would read as "socket hang up": this socket
 * ends once the channel closes, and fails with the command's own words when it exited non-zero.
 */
import { Duplex } from "node:stream";
import type { ClientChannel } from "ssh2";

/** The host's `docker system dial-stdio` failed: its exit code and what it wrote to stderr. */
export class RemoteDockerError extends Error {
  readonly code = "ESSHREMOTE";
  constructor(
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(stderr.trim().split("\n")[0] || `docker system dial-stdio exited with ${exitCode ?? "a signal"}`);
    this.name = "RemoteDockerError";
  }
}

const stderrLimit = 4096;

export class ChannelSocket extends Duplex {
  readonly #channel: ClientChannel;
  #stderr = "";
  #exitCode: number | undefined;
  #answered = false;
  /** In use by a request: the HTTP agent unrefs a kept-alive socket while it waits, and refs it when reused. */
  #held = true;
  readonly #inUse: (held: boolean) => void;

  /** `inUse` hears when the socket starts and stops serving a request (it starts out serving one). */
  constructor(channel: ClientChannel, inUse: (held: boolean) => void = () => {}) {
    super({ allowHalfOpen: true });
    this.#channel = channel;
    this.#inUse = inUse;
    this.once("close", () => this.unref());
    channel.on("data", (chunk: Buffer) => {
      this.#answered = true;
      if (!this.push(chunk)) channel.pause();
    });
    channel.stderr.on("data", (chunk: Buffer) => {
      if (this.#stderr.length < stderrLimit) this.#stderr += chunk.toString("utf8");
    });
    channel.on("exit", (code: number | null) => {
      this.#exitCode = code ?? undefined;
    });
    channel.on("error", (error: Error) => this.destroy(error));
    // The channel's 'close' may come before its last bytes were read: the end waits for both.
    let ended = false;
    let closed = false;
    const settle = () => {
      if (!closed || !(ended || channel.destroyed) || this.destroyed) return;
      // A command that failed before the engine said anything: its stderr says why.
      if (!this.#answered && this.#exitCode !== 0)
        this.destroy(new RemoteDockerError(this.#exitCode, this.#stderr));
      else this.push(null);
    };
    channel.on("end", () => {
      ended = true;
      settle();
    });
    channel.on("close", () => {
      closed = true;
      settle();
    });
  }

  override _read(): void {
    this.#channel.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#channel.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#channel.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#channel.destroy();
    callback(error);
  }

  // What Node's HTTP client and limits.ts call on a socket. Deadlines are the tutor's own (limits.ts), so
  // the timeouts have nothing to do on a channel.
  setTimeout(_ms?: number, _onTimeout?: () => void): this {
    return this;
  }
  setNoDelay(_noDelay?: boolean): this {
    return this;
  }
  setKeepAlive(_enable?: boolean, _delayMs?: number): this {
    return this;
  }
  ref(): this {
    if (!this.#held && !this.destroyed) {
      this.#held = true;
      this.#inUse(true);
    }
    return this;
  }
  unref(): this {
    if (this.#held) {
      this.#held = false;
      this.#inUse(false);
    }
    return this;
  }
}
