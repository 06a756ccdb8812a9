/**
 * The Docker resources one test file creates. Each name is remembered before the resource exists, so
 * `removeAll` finds it even when its creation failed halfway; removal goes by name, never by pruning.
 */
import type Dockerode from "dockerode";
import { testLabel } from "./engine.js";

type Kind = "containers" | "images" | "volumes" | "networks";

export class TestResources {
  private readonly names: Record<Kind, string[]> = { containers: [], images: [], volumes: [], networks: [] };

  /** `labelValue` goes under the shared test label: `org.docker-tutor.test=<labelValue>`. */
  constructor(
    private readonly docker: Dockerode,
    readonly labelValue: string,
  ) {}

  /** The labels every resource of this file carries. */
  get labels(): Record<string, string> {
    return { [testLabel]: this.labelValue };
  }

  /** Remembers a name for removal; returns it, so creation reads `create({ name: track("containers", n) })`. */
  track(kind: Kind, name: string): string {
    if (!this.names[kind].includes(name)) this.names[kind].push(name);
    return name;
  }

  /** Removes everything remembered (containers first, they hold the rest); missing ones are fine. */
  async removeAll(): Promise<void> {
    const failures: string[] = [];
    const attempt = async (what: string, remove: () => Promise<unknown>) => {
      try {
        await remove();
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 404)
          failures.push(`${what}: ${(error as Error).message}`);
      }
    };
    await Promise.all(
      this.names.containers.map((name) =>
        attempt(`container ${name}`, () => this.docker.getContainer(name).remove({ force: true })),
      ),
    );
    await Promise.all([
      ...this.names.images.map((name) =>
        attempt(`image ${name}`, () => this.docker.getImage(name).remove({ force: true })),
      ),
      ...this.names.volumes.map((name) =>
        attempt(`volume ${name}`, () => this.docker.getVolume(name).remove({ force: true })),
      ),
      ...this.names.networks.map((name) =>
        attempt(`network ${name}`, () => this.docker.getNetwork(name).remove()),
      ),
    ]);
    if (failures.length > 0) throw new Error(`could not remove test resources:\n${failures.join("\n")}`);
  }
}
