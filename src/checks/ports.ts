/** Published ports: as a check writes them (`127.0.0.1:8080:80/tcp`), as the engine reports them, as shown. */
import { z } from "zod";
import type { ContainerInfo } from "./containers.js";

/** `8080:80`, `8080:80/tcp`, `127.0.0.1:8080:80/udp`: a port published on the host. */
export const publishedPort = z
  .string()
  .regex(
    /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?\d{1,5}:\d{1,5}(?:\/(?:tcp|udp|sctp))?$/,
    'expected a published port like "8080:80" or "8080:80/tcp"',
  );

export interface PortBinding {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: string;
}

/** `127.0.0.1:8080:80/tcp` → its parts; protocol defaults to tcp. */
export function parsePortSpec(spec: string): PortBinding {
  const [main, protocol = "tcp"] = spec.split("/") as [string, string?];
  const lastColon = main.lastIndexOf(":");
  const containerPort = main.slice(lastColon + 1);
  const rest = main.slice(0, lastColon);
  const hostColon = rest.lastIndexOf(":");
  const hostPort = hostColon >= 0 ? rest.slice(hostColon + 1) : rest;
  const written = hostColon >= 0 ? rest.slice(0, hostColon).replace(/^\[|\]$/g, "") : "";
  // Every address (0.0.0.0 or ::) is what publishing without an address means.
  const hostIp = written === "0.0.0.0" || written === "::" ? "" : written;
  return { hostIp, hostPort, containerPort, protocol };
}

/** Bindings as configured (a stopped container keeps them in HostConfig) and as published when running. */
export function publishedPorts(info: ContainerInfo): PortBinding[] {
  const seen = new Map<string, PortBinding>();
  const sources = [info.HostConfig.PortBindings, info.NetworkSettings?.Ports] as (
    | Record<string, { HostIp?: string; HostPort?: string }[] | null>
    | undefined
  )[];
  for (const source of sources) {
    for (const [key, bindings] of Object.entries(source ?? {})) {
      const [containerPort = "", protocol = "tcp"] = key.split("/");
      for (const binding of bindings ?? []) {
        if (!binding.HostPort) continue;
        const hostIp = binding.HostIp === "0.0.0.0" || binding.HostIp === "::" ? "" : (binding.HostIp ?? "");
        const port = { hostIp, hostPort: binding.HostPort, containerPort, protocol };
        seen.set(`${port.hostPort}->${containerPort}/${protocol}`, port);
      }
    }
  }
  return [...seen.values()].sort((a, b) => Number(a.hostPort) - Number(b.hostPort));
}

export function formatPort(p: PortBinding): string {
  return `${p.hostIp ? `${p.hostIp}:` : ""}${p.hostPort}->${p.containerPort}/${p.protocol}`;
}

/** `8080→80`, `127.0.0.1:8080→80/udp`: a published port as an author reads it (tcp goes without saying). */
export function portInWords(spec: string): string {
  const p = parsePortSpec(spec);
  return `${p.hostIp ? `${p.hostIp}:` : ""}${p.hostPort}→${p.containerPort}${p.protocol === "tcp" ? "" : `/${p.protocol}`}`;
}
