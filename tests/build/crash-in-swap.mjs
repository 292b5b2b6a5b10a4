// Preloaded (node --import) into a build by tests/build/output-crash.test.ts: the build dies the
// way a crash or an OOM kill would, right after its swap moved the previous output aside, the one
// moment no output folder exists.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  rename(from, to);
  if (/\.previous-\d+$/.test(String(to))) process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
