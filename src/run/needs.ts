/** Whether an engine gives a lesson (or one of its steps) what it declares it needs, and if not, why. */
import { composeVersion, detectBuilder } from "../engine/tools.js";
import { apiAtLeast } from "../engine/version.js";
import type { EngineNeeds } from "../pack/schema.js";

/** What the engine and the tools beside it offer. */
export interface EngineFacts {
  apiVersion: string;
  podman: boolean;
  builder: "buildkit" | "classic" | undefined;
  compose: { command: string; version: string | undefined } | undefined;
}

/** The needs of a lesson (no step) or of one step that this engine does not meet, each in words. */
export function unmetNeeds(needs: EngineNeeds | undefined, facts: EngineFacts, stepId?: string): string[] {
  if (!needs) return [];
  const unmet: string[] = [];
  if (stepId === undefined) {
    if (needs.minApi && !apiAtLeast(facts.apiVersion, needs.minApi))
      unmet.push(`needs API ${needs.minApi} or newer (this engine has ${facts.apiVersion})`);
    if (needs.buildkit && facts.builder !== "buildkit")
      unmet.push("needs BuildKit (docker build here uses the classic builder: install docker-buildx)");
    if (needs.compose !== undefined && composeMajor(facts) !== needs.compose)
      unmet.push(
        `needs Compose v${needs.compose} (${facts.compose ? `here: ${facts.compose.command} ${facts.compose.version ?? ""}`.trim() : "no compose command here"})`,
      );
    if (needs.docker === true && facts.podman)
      unmet.push("needs Docker itself (Podman's compatible API cannot do it)");
  } else if (Array.isArray(needs.docker) && needs.docker.includes(stepId) && facts.podman) {
    unmet.push("needs Docker itself (Podman's compatible API cannot do this step)");
  }
  return unmet;
}

function composeMajor(facts: EngineFacts): 1 | 2 | undefined {
  const compose = facts.compose;
  if (!compose) return undefined;
  if (compose.command === "docker compose") return 2;
  return compose.version?.startsWith("1.") ? 1 : compose.version ? 2 : undefined;
}

/** The needs in a few words, for the menu and doctor: `API 1.44, BuildKit, Compose v2`. */
export function describeNeeds(needs: EngineNeeds | undefined): string | undefined {
  if (!needs) return undefined;
  const words = [
    ...(needs.minApi ? [`API ${needs.minApi}`] : []),
    ...(needs.buildkit ? ["BuildKit"] : []),
    ...(needs.compose ? [`Compose v${needs.compose}`] : []),
    ...(needs.docker === true ? ["Docker (not Podman)"] : []),
  ];
  return words.length > 0 ? words.join(", ") : undefined;
}

/** The facts of a connected engine and this machine's docker CLI. */
export async function engineFacts(
  info: { apiVersion: string; podman: boolean },
  env: NodeJS.ProcessEnv,
  composeCommand: "docker compose" | "docker-compose" | undefined,
): Promise<EngineFacts> {
  const [builder, version] = await Promise.all([
    detectBuilder(env),
    composeCommand ? composeVersion(composeCommand, env) : Promise.resolve(undefined),
  ]);
  return {
    apiVersion: info.apiVersion,
    podman: info.podman,
    builder,
    compose: composeCommand ? { command: composeCommand, version } : undefined,
  };
}

/** For verify: what a lesson, or one of its steps, lacks on this engine. */
export function unmetOn(
  facts: EngineFacts,
): (lesson: { meta: { engine?: EngineNeeds } }, stepId?: string) => string[] {
  return (lesson, stepId) => unmetNeeds(lesson.meta.engine, facts, stepId);
}
