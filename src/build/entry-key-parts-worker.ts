// The worker `entryKeyPartsAside` starts (src/build/entry-key-parts.ts): reads the build plan,
// works out the key part of every entry page and posts them, `[entry key, part][]`.
import { parentPort, workerData } from 'node:worker_threads';
import { fromPortableModel } from '../core/model/portable-model.ts';
import { readBuildPlan } from './build-plan.ts';
import { entryKeyParts } from './entry-key-parts.ts';
import { workerError } from './run-worker.ts';

if (parentPort) {
  const port = parentPort;
  const { planFile } = workerData as { planFile: string };
  Promise.resolve()
    .then(() => {
      const plan = readBuildPlan(planFile);
      return entryKeyParts(plan, fromPortableModel(plan.model));
    })
    .then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage(workerError(error)),
    );
}
