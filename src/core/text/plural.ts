/**
 * A count with its noun, singular or plural: `1 warning`, `3 warnings`, `1 entry`, `2 entries`.
 * The plural defaults to the noun with an `s`; give it when English does otherwise.
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${groupThousands(count)} ${count === 1 ? noun : nouns}`;
}

/**
 * `12500` as `12,500`. Written out rather than `toLocaleString`, which looks the locale up on every
 * call: a page of 200 index rows counts findings 200 times.
 */
export function groupThousands(count: number): string {
  const [whole = '', fraction] = String(count).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The noun alone, singular or plural for the count, for layouts that set the number apart. */
export function nounFor(count: number, noun: string, nouns = `${noun}s`): string {
  return count === 1 ? noun : nouns;
}
