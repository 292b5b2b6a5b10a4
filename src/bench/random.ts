/** A small seeded generator (mulberry32), so a synthetic platform is the same on every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** Up to `count` distinct items. */
    sample<T>(items: readonly T[], count: number): T[] {
      const chosen = new Set<T>();
      for (let tries = 0; chosen.size < Math.min(count, items.length) && tries < count * 4; tries++) {
        chosen.add(items[Math.floor(next() * items.length)] as T);
      }
      return [...chosen];
    },
    chance: (probability: number) => next() < probability,
  };
}
export type Random = ReturnType<typeof seededRandom>;
