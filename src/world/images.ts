/** Before a lesson's first task: pull the images it needs that are missing, with a progress line. */
import type { Docker } from "../engine/client.js";
import { normalizeImageRef } from "./image-refs.js";

interface PullProgress {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
}

export async function missingImages(docker: Docker, refs: string[]): Promise<string[]> {
  const present = new Set<string>();
  for (const image of await docker.listImages())
    for (const tag of image.RepoTags ?? []) present.add(normalizeImageRef(tag));
  return refs.filter((ref) => !present.has(normalizeImageRef(ref)));
}

/** How far the pull of one image is: its layers known so far, and their bytes downloaded and in all. */
export interface PullState {
  ref: string;
  layers: number;
  current: number;
  total: number;
}

/** Pulls each image; returns those that could not be pulled. `progress` hears how far each pull is as it goes. */
export async function pullImages(
  docker: Docker,
  refs: string[],
  progress: (state: PullState) => void,
): Promise<string[]> {
  const failed: string[] = [];
  for (const ref of refs) {
    progress({ ref, layers: 0, current: 0, total: 0 });
    const layers = new Map<string, { current: number; total: number }>();
    try {
      const stream = await docker.pull(ref);
      await new Promise<void>((resolve, reject) => {
        docker.modem.followProgress(
          stream,
          (error: Error | null) => (error ? reject(error) : resolve()),
          (event: PullProgress) => {
            if (event.id && event.progressDetail?.total) {
              layers.set(event.id, {
                current: event.progressDetail.current ?? 0,
                total: event.progressDetail.total,
              });
            }
            const total = [...layers.values()].reduce((n, l) => n + l.total, 0);
            const current = [...layers.values()].reduce((n, l) => n + Math.min(l.current, l.total), 0);
            progress({ ref, layers: layers.size, current, total });
          },
        );
      });
    } catch {
      failed.push(ref);
    }
  }
  return failed;
}
