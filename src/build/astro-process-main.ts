// The entry point of the Astro process `npm run build` starts (see src/build/site-step.ts). It
// starts with the build and loads Astro (and reads the folders of the pages Astro kept) while the
// build checks the content; then it reads the path of its build plan from its standard input. An
// input that ends without one (the content has errors, or the build stopped) ends it.
import { warmKeptPages } from './astro-links.ts';
import { buildFromPlan, loadAstro } from './astro-process.ts';

const [root, keptPages] = process.argv.slice(2);
if (!root) {
  process.stderr.write("Usage: astro-process-main.ts <project folder> [<Astro's kept pages>], then the build plan's path on standard input\n");
  process.exit(2);
}
if (keptPages) void warmKeptPages(keptPages);
const astro = loadAstro(root);
// A failure to load is reported once there is a build to report it to.
astro.catch(() => {});
readLine(process.stdin).then(async (planFile) => {
  if (!planFile) process.exit(0);
  try {
    await buildFromPlan(planFile, await astro);
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  }
});

/** The first line of a stream, or an empty string when it ends without one. */
function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    stream.on('end', () => resolve(text));
    stream.on('error', () => resolve(''));
  });
}
