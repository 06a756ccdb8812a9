/** Lesson 1's task done from outside the tutor, as a learner in another terminal would. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { testLabel } from "./engine.js";

const run = promisify(execFile);

export async function runFirstContainer(labelValue: string): Promise<void> {
  await run("docker", [
    "run", "--name", "tutor-hello", "--label", `${testLabel}=${labelValue}`, "busybox", "echo", "Hello from my first container",
  ]); // biome-ignore format: one command line
}

export async function removeFirstContainer(): Promise<void> {
  await run("docker", ["rm", "-f", "tutor-hello"]).catch(() => undefined);
}
