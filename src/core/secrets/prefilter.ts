/**
 * A cheap test that decides which files the secret scanner reads. Scanning every file with
 * secretlint costs about half a millisecond each, too much for a platform of 10,000 entries, and
 * almost no file holds anything resembling a credential. This test is deliberately a superset:
 * credentials are long random tokens, keys with known prefixes, private key blocks or passwords
 * inside URLs, so a file with none of those cannot hold one of the secrets the rules detect.
 */
// Literal markers of credentials, found with one automaton (below). `eyJ` starts every JSON Web
// Token (base64 of `{"`), and `secretlint-` every suppression comment, which the scanner must see
// to report what it hides.
const KNOWN_PREFIXES = [
  'AKIA', 'ASIA', 'eyJ', 'secretlint-', 'PRIVATE KEY',
  ...['a', 'b', 'p', 'o', 's', 'r'].map((kind) => `xox${kind}-`),
  'sk-', 'sk_live', 'rk_live', 'glpat-', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'hf_', 'gsk_',
  'lin_api_', 'npm_', '_authToken', 'dapi', 'figd_', 'tskey-', 'ops_', 'ntn_', 'secret_', 'hvs.', 'hvb.', 'SG.',
  ...['at', 'ss', 'ca', 'pa'].map((kind) => `shp${kind}_`),
  'AIza', 'service_account', 'dckr_pat_', 'glsa_', 'glc_', 'cfut_',
];
// After "://": a user (possibly empty), a colon, a password of any characters but whitespace
// and "/" (so "p!ss" and "s3cr3t!" count), and "@" before the host.
const USERINFO = /[^\s/@:]*:[^\s/]+@/y;
const LONG_RUN = 20;

/** True when the text may contain a credential and must be scanned. */
export function mightContainSecret(text: string): boolean {
  return hasCredentialInUrl(text) || hasMarkerOrLongToken(text);
}

function hasCredentialInUrl(text: string): boolean {
  for (let index = text.indexOf('://'); index !== -1; index = text.indexOf('://', index + 3)) {
    USERINFO.lastIndex = index + 3;
    if (USERINFO.test(text)) return true;
  }
  return false;
}

/**
 * An Aho-Corasick automaton over ASCII for the known prefixes: `NEXT[state * 128 + code]` is the
 * state after reading a character, and `FOUND[state]` is 1 when a prefix ends there. Reading
 * every file once through it costs half of what a regular expression of 50 alternatives does,
 * which matters at 10,000 files.
 */
const { NEXT, FOUND } = buildAutomaton(KNOWN_PREFIXES);

// 1 for letters, 2 for digits, 3 for the other characters of base64 and tokens (+ / = _).
const TOKEN_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) TOKEN_CLASS[code] = 1;
  else if (code >= 48 && code <= 57) TOKEN_CLASS[code] = 2;
  else if (code === 43 || code === 47 || code === 61 || code === 95) TOKEN_CLASS[code] = 3;
}

/**
 * True when the text holds a known prefix, or a run of at least 20 token characters mixing
 * letters and digits: API keys and hashes, not words or slugs (hyphens end a run). One pass over
 * the characters for both.
 */
function hasMarkerOrLongToken(text: string): boolean {
  let state = 0;
  let length = 0;
  let letters = false;
  let digits = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let kind = 0;
    // Prefixes are ASCII, so no match runs through anything else; nor does a token.
    if (code < 128) {
      state = NEXT[(state << 7) | code]!;
      if (FOUND[state] === 1) return true;
      kind = TOKEN_CLASS[code]!;
    } else state = 0;
    if (kind !== 0) {
      length++;
      if (kind === 1) letters = true;
      else if (kind === 2) digits = true;
      continue;
    }
    if (length >= LONG_RUN && digits && letters) return true;
    length = 0;
    letters = false;
    digits = false;
  }
  return length >= LONG_RUN && digits && letters;
}

function buildAutomaton(words: readonly string[]): { NEXT: Int32Array; FOUND: Uint8Array } {
  // The trie: children[state][code] is the next state, or undefined.
  const children: (number | undefined)[][] = [[]];
  const ends: boolean[] = [false];
  for (const word of words) {
    let state = 0;
    for (let index = 0; index < word.length; index++) {
      const code = word.charCodeAt(index);
      const row = children[state] ?? [];
      let next = row[code];
      if (next === undefined) {
        next = children.length;
        children.push([]);
        ends.push(false);
        row[code] = next;
      }
      state = next;
    }
    ends[state] = true;
  }
  // Failure links, breadth first, folded into a full transition table.
  const next = new Int32Array(children.length * 128);
  const failure = new Int32Array(children.length);
  const queue: number[] = [];
  for (let code = 0; code < 128; code++) {
    const child = children[0]?.[code];
    if (child !== undefined) {
      next[code] = child;
      queue.push(child);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    const fallback = failure[state] ?? 0;
    ends[state] = (ends[state] ?? false) || (ends[fallback] ?? false);
    for (let code = 0; code < 128; code++) {
      const child = children[state]?.[code];
      if (child === undefined) {
        next[state * 128 + code] = next[fallback * 128 + code] ?? 0;
      } else {
        failure[child] = next[fallback * 128 + code] ?? 0;
        next[state * 128 + code] = child;
        queue.push(child);
      }
    }
  }
  return { NEXT: next, FOUND: Uint8Array.from(ends, (end) => (end ? 1 : 0)) };
}
