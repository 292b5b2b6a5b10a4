/**
 * The Content-Security-Policy every page carries, as a `<meta http-equiv>` element written by
 * Astro's `security.csp` (a static site cannot send headers). Astro adds a hash of every inline
 * script and style of the page to `script-src` and `style-src`; the directives here close the
 * rest:
 *
 * - nothing is loaded from other origins: scripts, styles, fonts, frames, objects, forms;
 * - `'wasm-unsafe-eval'` lets Pagefind run its WebAssembly search index, and `worker-src` its
 *   worker, both from this site;
 * - scripts run only from this site or when their hash is listed: Astro hashes the scripts it
 *   bundles, and the build adds the hashes of Starlight's inline scripts from a reviewed list
 *   (src/build/reviewed-inline-scripts.ts), never of whatever a page holds: any other inline
 *   script stops the build (src/build/csp-step.ts), which also moves the policy to the top of
 *   `<head>`, because a `<meta>` policy only governs what comes after it;
 * - styles may be inline (`'unsafe-inline'`, which makes Astro leave out style hashes): Starlight,
 *   Expressive Code and the site's meters use `style` attributes, which a hash cannot allow. CSS
 *   runs no code, and the sanitizer strips `style` from HTML that authors write.
 *
 * What it does not cover: a `<meta>` policy cannot set `frame-ancestors`, `report-uri` or
 * `sandbox`, so protection against being framed needs a header from the web server; and images
 * may come from any https origin, since entries may link pictures hosted elsewhere.
 */
export function contentSecurityPolicy() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [
      "default-src 'self'",
      "img-src 'self' data: https:",
      "font-src 'self'",
      "connect-src 'self'",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ] satisfies `${string}-${string} ${string}`[],
    scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
  };
}
