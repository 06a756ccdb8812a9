/** Byte counts for people: decimal units, as `docker images` and `df -H` show them. */

const units = ["B", "kB", "MB", "GB", "TB"];

/** `1234567` → `1.2MB`; `spaced` → `1.2 MB`. */
export function formatBytes(bytes: number, options: { spaced?: boolean } = {}): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const number = unit === 0 ? String(Math.round(value)) : value.toFixed(1);
  return `${number}${options.spaced ? " " : ""}${units[unit]}`;
}

const parseUnits: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `"10MB"`, `"1.5 GiB"` or a number of bytes → bytes; NaN when it is neither. */
export function parseBytes(size: number | string): number {
  if (typeof size === "number") return size;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(size);
  return match ? Number(match[1]) * (parseUnits[(match[2] || "b").toLowerCase()] ?? 1) : Number.NaN;
}
