// Started by tests/build/chromium-lifetime.test.ts: holds Chromium the way a build does (the shared
// browser, the build's signal handling) until it is signalled or killed.
import { exitCleanlyOnSignals } from '../../src/build/child-processes.ts';
import { createSharedBrowser } from '../../src/browser/index.ts';

exitCleanlyOnSignals({ cleanup: () => {}, log: (text) => process.stderr.write(text) });
await createSharedBrowser().browserType.launch();
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
