/** Colour for the terminal, off for NO_COLOR, --no-color and anything that is not a terminal. */
import { Chalk, type ChalkInstance } from "chalk";

export function colorWanted(flag: boolean, env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream): boolean {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 2 : 0 });
}
