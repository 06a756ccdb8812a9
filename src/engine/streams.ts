/** Docker's multiplexed stdout/stderr stream (8-byte frame headers), as plain text. */

export function demultiplex(buffer: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let offset = 0;
  // A TTY stream has no headers: its first byte is not a stream type with three zero bytes after it.
  const framed = (b: Buffer, at: number) =>
    b.length >= at + 8 &&
    b[at] !== undefined &&
    b[at] <= 2 &&
    b[at + 1] === 0 &&
    b[at + 2] === 0 &&
    b[at + 3] === 0;
  if (!framed(buffer, 0)) return { stdout: buffer.toString("utf8"), stderr: "" };
  while (framed(buffer, offset)) {
    const type = buffer[offset];
    const size = buffer.readUInt32BE(offset + 4);
    const chunk = buffer.subarray(offset + 8, offset + 8 + size);
    (type === 2 ? err : out).push(chunk);
    offset += 8 + size;
  }
  return { stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}

/** The most of a stream `collect` keeps by default: 4 MiB, thousands of lines of output for a check to read. */
export const maxCollectedBytes = 4 * 1024 * 1024;

/**
 * A readable stream as one buffer of at most `limitBytes`: past them it is read on without being kept, so a
 * command writing a lot still ends normally and memory stays bounded (its time is bounded by whoever opened
 * it: the request deadline, the exec timeout). A stream that closes without ending gives what came.
 */
export function collect(stream: NodeJS.ReadableStream, limitBytes = maxCollectedBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks));
    stream.on("data", (chunk: Buffer) => {
      if (size < limitBytes) chunks.push(chunk.subarray(0, limitBytes - size));
      size += chunk.length;
    });
    stream.on("end", done);
    stream.on("close", done);
    stream.on("error", reject);
  });
}
