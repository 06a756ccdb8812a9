/**
 * Which engine events can change a step's verdict: those about the resources its checks name, and what
 * those depend on indirectly (a network or volume event of a container of interest). The tutor re-checks
 * only on these, so a learner's other containers coming and going cost nothing.
 */
import { composeProjectLabel } from "./labels.js";
import { builtInNetworks, owns } from "./ownership.js";
import type { Resources } from "./resources.js";

/** An event as the engine's event stream sends it, one JSON object per line. */
export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export class EventRelevance {
  /** Containers of interest seen so far, by id: network and volume events name containers by id only. */
  private readonly containerIds = new Set<string>();

  constructor(private readonly interest: Resources) {}

  /** A container that existed before the watch began, so its later network and volume events count. */
  noteContainer(id: string, name: string, labels: Record<string, string> = {}): void {
    if (this.isContainerOfInterest(name, labels)) this.containerIds.add(id);
  }

  relevant(event: EngineEvent): boolean {
    const attributes = event.Actor?.Attributes ?? {};
    const id = event.Actor?.ID ?? "";
    switch (event.Type) {
      case "container": {
        if (!this.isContainerOfInterest(attributes.name ?? "", attributes)) return false;
        if (id) this.containerIds.add(id);
        return true;
      }
      case "image": {
        // Some engines name only the image's id (a delete): that may be an image of interest.
        const name = attributes.name ?? id;
        return name === "" || name.startsWith("sha256:") || owns(this.interest, "images", name);
      }
      case "volume":
        return owns(this.interest, "volumes", id) || this.containerIds.has(attributes.container ?? "");
      case "network": {
        const name = attributes.name ?? "";
        const ownNetwork = !builtInNetworks.has(name) && owns(this.interest, "networks", name);
        return ownNetwork || this.containerIds.has(attributes.container ?? "");
      }
      default:
        return true;
    }
  }

  private isContainerOfInterest(name: string, labels: Record<string, string>): boolean {
    const project = labels[composeProjectLabel];
    return (
      owns(this.interest, "containers", name) ||
      (project !== undefined && owns(this.interest, "projects", project))
    );
  }
}
