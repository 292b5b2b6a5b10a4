/**
 * Keeps a process alive when the reader of its output goes away (`npm run build | head`): a write
 * to a closed pipe fails with EPIPE, which Node throws from the stream when nothing listens for
 * it, ending the process with a stack trace halfway through its work. With this, writes after
 * the reader left are dropped and the process finishes its work. Returns whether the stream's
 * reader is still there. Idempotent per stream.
 */
export function survivingClosedPipe(stream: NodeJS.WritableStream): () => boolean {
  const known = readers.get(stream);
  if (known) return known;
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    open = false;
  });
  const isOpen = () => open;
  readers.set(stream, isOpen);
  return isOpen;
}

const readers = new WeakMap<NodeJS.WritableStream, () => boolean>();
