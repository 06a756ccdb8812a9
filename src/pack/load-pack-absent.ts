/**
 * What the quick `list` bundle (dist/quick.js, scripts/build.mjs) has in place of the pack loader: a pack
 * that is not in the pack cache cannot be listed there, so this says so, and the full program lists it.
 */
export class PackNotCached extends Error {
  constructor() {
    super("a pack is not in the pack cache");
    this.name = "PackNotCached";
  }
}

export async function loadPack(): Promise<never> {
  throw new PackNotCached();
}
