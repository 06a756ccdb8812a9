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

/** The filters of one subscription to the engine's event stream, as the Engine API takes them. */
export type EventFilters = Record<string, string[]>;

/** Every kind of event a check can depend on: the subscription when nothing narrower is known. */
export const allEvents: EventFilters = { type: ["container", "image", "volume", "network"] };

export class EventRelevance {
  /** Containers of interest seen so far, by id: network and volume events name containers by id only. */
  private readonly containerIds = new Set<string>();

  constructor(private readonly interest: Resources) {}

  /**
   * The subscriptions that bring every event of interest, filtered by the engine where it can: container
   * events by exact name and a compose project's events by its label, so a learner's other containers
   * send the tutor nothing at all. (The engine ANDs the filters of one subscription, so each of these
   * is a subscription of its own.) Names with patterns, and the other kinds, come unfiltered by name
   * and are sorted out by `relevant`.
   */
  subscriptions(): EventFilters[] {
    const { containers, projects, images, volumes, networks } = this.interest;
    const patterned = [...containers, ...projects].some((name) => name.includes("*"));
    const subscriptions: EventFilters[] = [];
    if (patterned) subscriptions.push({ type: ["container"] });
    else {
      if (containers.length > 0) subscriptions.push({ type: ["container"], container: [...containers] });
      for (const project of projects)
        subscriptions.push({ type: ["container"], label: [`${composeProjectLabel}=${project}`] });
    }
    const others = [
      ...(images.length > 0 ? ["image"] : []),
      ...(volumes.length > 0 ? ["volume"] : []),
      ...(networks.length > 0 ? ["network"] : []),
    ];
    if (others.length > 0) subscriptions.push({ type: others });
    // A step with no engine resources still hears the engine, to tell the learner when it goes away.
    return subscriptions.length > 0 ? subscriptions : [allEvents];
  }

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
