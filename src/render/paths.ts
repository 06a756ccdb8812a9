import path from "node:path";

/** Paths relative to where the command runs, as compilers print them, so terminals make them clickable. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
