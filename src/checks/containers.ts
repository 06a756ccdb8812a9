/** Finding the container(s) a check names: by name, or every container of a compose service. */
import type Docker from "dockerode";
import { closest } from "../text/similar.js";
import { composeProjectLabel, composeServiceLabel } from "../world/labels.js";
import { owns } from "../world/ownership.js";
import type { CheckContext } from "./check-context.js";
import { fail, typoHint } from "./diagnosis.js";
import type { Outcome } from "./result.js";
import type { ContainerRef } from "./schema-parts.js";

export type ContainerInfo = Docker.ContainerInspectInfo;

export function containerName(info: { Name: string }): string {
  return info.Name.replace(/^\//, "");
}

export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

/** The inspected containers, or the outcome to report when there are none. */
export async function findContainers(
  ref: ContainerRef,
  ctx: CheckContext,
): Promise<{ containers: ContainerInfo[] } | { missing: Outcome }> {
  if (typeof ref === "string") {
    try {
      return { containers: [await ctx.docker.getContainer(ref).inspect()] };
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // Only the lesson's own names are suggested: a hint must not reveal the learner's other containers.
      const names = (await ctx.docker.listContainers({ all: true }))
        .flatMap((c) => c.Names.map((n) => n.slice(1)))
        .filter((n) => owns(ctx.resources, "containers", n));
      const near = typoHint(closest(ref, names), ctx.t);
      return { missing: fail(`${ctx.t("diag.noContainer", { name: ref })}${near}`) };
    }
  }
  const listed = await ctx.docker.listContainers({
    all: true,
    filters: { label: [`${composeProjectLabel}=${ref.project}`, `${composeServiceLabel}=${ref.service}`] },
  });
  if (listed.length === 0) {
    const inProject = await ctx.docker.listContainers({
      all: true,
      filters: { label: [`${composeProjectLabel}=${ref.project}`] },
    });
    const services = [...new Set(inProject.map((c) => c.Labels[composeServiceLabel] ?? ""))]
      .filter(Boolean)
      .sort();
    const { t } = ctx;
    const hint =
      services.length === 0
        ? t("diag.projectEmpty")
        : typoHint(closest(ref.service, services), t) ||
          t("diag.projectServices", { services: services.join(", ") });
    const none = t("diag.noServiceContainer", { service: ref.service, project: ref.project });
    return { missing: fail(`${none}${hint}`) };
  }
  const containers = await Promise.all(listed.map((c) => ctx.docker.getContainer(c.Id).inspect()));
  return { containers: containers.sort((a, b) => a.Name.localeCompare(b.Name)) };
}
