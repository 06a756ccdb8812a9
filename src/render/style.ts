/** Colour for the terminal, off for NO_COLOR, --no-color and anything that is not a terminal. */
import { Chalk, type ChalkInstance } from "chalk";

export function colorWanted(flag: boolean, env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream): boolean {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  // FORCE_COLOR=0 (or false) asks for no colour, as chalk and Node read it.
  if (env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false") return false;
  if (env.FORCE_COLOR !== undefined) return true;
  return Boolean(stream.isTTY);
}

export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 2 : 0 });
}
