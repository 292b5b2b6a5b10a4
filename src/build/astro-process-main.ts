// The entry point of the Astro process `npm run build` starts (see src/build/site-step.ts).
import { buildFromPlan } from './astro-process.ts';

const planFile = process.argv[2];
if (!planFile) {
  process.stderr.write('Usage: astro-process-main.ts <build plan file>\n');
  process.exit(2);
}
buildFromPlan(planFile).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
