import { Duplex, PassThrough } from "node:stream";
import type { ClientChannel } from "ssh2";
import { describe, expect, it } from "vitest";
import { ChannelSocket, RemoteDockerError } from "../../../src/engine/ssh-channel.js";

/** A stand-in for ssh2's channel: what it receives is kept, what the host sends is pushed by the test. */
class FakeChannel extends Duplex {
  readonly stderr = new PassThrough();
  readonly written: Buffer[] = [];
  override _read(): void {}
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.written.push(chunk);
    callback();
  }
  /** The remote command ends: its exit status, then the channel closes. */
  finish(code: number): void {
    this.emit("exit", code);
    this.push(null);
    this.emit("close");
  }
}

const socketOver = (channel: FakeChannel, inUse: (held: boolean) => void = () => {}) =>
  new ChannelSocket(channel as unknown as ClientChannel, inUse);

describe("a dial-stdio channel as the HTTP client's socket", () => {
  it("carries bytes both ways, and ends once the remote command exited well", async () => {
    const channel = new FakeChannel();
    const socket = socketOver(channel);
    socket.write("GET /version HTTP/1.1\r\n\r\n");
    channel.push("HTTP/1.1 200 OK\r\n\r\n");
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    const ended = new Promise((resolve) => socket.once("end", resolve));
    channel.finish(0);
    await ended;
    expect(Buffer.concat(channel.written).toString()).toBe("GET /version HTTP/1.1\r\n\r\n");
    expect(Buffer.concat(received).toString()).toBe("HTTP/1.1 200 OK\r\n\r\n");
  });

  it("fails with the host's own words when docker failed before answering", async () => {
    const channel = new FakeChannel();
    const socket = socketOver(channel);
    const failed = new Promise<Error>((resolve) => socket.once("error", resolve));
    channel.stderr.write("bash: line 1: docker: command not found\n");
    await new Promise((resolve) => setImmediate(resolve));
    channel.finish(127);
    const error = await failed;
    expect(error).toBeInstanceOf(RemoteDockerError);
    expect(error).toMatchObject({
      code: "ESSHREMOTE",
      exitCode: 127,
      message: "bash: line 1: docker: command not found",
    });
  });

  it("has the socket methods Node's HTTP client calls, and tells when it is in use", async () => {
    const uses: boolean[] = [];
    const socket = socketOver(new FakeChannel(), (held) => uses.push(held));
    expect(socket.setTimeout(1000)).toBe(socket);
    socket.setNoDelay(true).setKeepAlive(true);
    socket.unref(); // kept alive, waiting for the next request
    socket.unref();
    socket.ref(); // reused
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.destroy();
    await closed;
    expect(uses).toEqual([false, true, false]);
  });
});
