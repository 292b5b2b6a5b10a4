/**
 * A cheap test that decides which files the secret scanner reads. Scanning every file with
 * secretlint costs about half a millisecond each, too much for a platform of 10,000 entries, and
 * almost no file holds anything resembling a credential. This test is deliberately a superset:
 * credentials are long random tokens, keys with known prefixes, private key blocks or passwords
 * inside URLs, so a file with none of those cannot hold one of the secrets the rules detect.
 */
const KNOWN_PREFIXES =
  /AKIA|ASIA|PRIVATE KEY|xox[abposr]-|sk-|sk_live|rk_live|glpat-|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|hf_|gsk_|lin_api_|npm_|_authToken|dapi|figd_|tskey-|ops_|ntn_|secret_|hvs\.|hvb\.|SG\.|shp(at|ss|ca|pa)_|AIza|service_account|dckr_pat_|glsa_|glc_|cfut_/;
// After "://": a user, a colon, a password and "@" before the host.
const USERINFO = /[^\s/@:]*:[^\s/@]+@/y;
const LONG_RUN = 20;

/** True when the text may contain a credential and must be scanned. */
export function mightContainSecret(text: string): boolean {
  return KNOWN_PREFIXES.test(text) || hasCredentialInUrl(text) || hasLongToken(text);
}

function hasCredentialInUrl(text: string): boolean {
  for (let index = text.indexOf('://'); index !== -1; index = text.indexOf('://', index + 3)) {
    USERINFO.lastIndex = index + 3;
    if (USERINFO.test(text)) return true;
  }
  return false;
}

/**
 * True when the text has a run of at least 20 token characters mixing letters and digits: API
 * keys and hashes, not words or slugs (hyphens end a run). One pass over the characters, because
 * a regular expression retries at every position and costs several times more.
 */
function hasLongToken(text: string): boolean {
  let length = 0;
  let letters = false;
  let digits = false;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0;
    const digit = code >= 48 && code <= 57;
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (digit || letter || code === 43 || code === 47 || code === 61 || code === 95) {
      length++;
      digits ||= digit;
      letters ||= letter;
      continue;
    }
    if (length >= LONG_RUN && digits && letters) return true;
    length = 0;
    letters = false;
    digits = false;
  }
  return false;
}
