// Loaded with `node --import` into the build's Astro child (see child-processes.ts), so that it
// never outlives the build that started it.
//
// Linux has no portable way for a Node process to ask to die with its parent (prctl's
// PR_SET_PDEATHSIG is not reachable from Node), so the child looks: when the build is gone, even
// by SIGKILL, the child is adopted by another process and its parent pid changes.
//
// Exiting through process.exit (rather than dying of the signal) runs the exit hooks, among them
// Playwright's, which kills a Chromium the content loaders launched for a diagram.

const parent = process.ppid;
const POLL_MS = 500;

const poll = setInterval(() => {
  if (process.ppid === parent) return;
  process.stderr.write(`Astro's build stops: the npm run build that started it (pid ${parent}) is gone.\n`);
  process.exit(1);
}, POLL_MS);
// The watch must not keep a finished build alive.
poll.unref();

for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const) {
  process.on(signal, () => process.exit(128 + number));
}

// A module, so its names stay out of the global scope.
export {};
