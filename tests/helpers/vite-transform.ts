import type { Plugin } from 'vite';

type Handler = (this: unknown, code: string, id: string) => { code: string } | undefined;

/**
 * Runs a plugin's transform hook the way Vite and Rolldown do, with `this.error` throwing: a hook
 * with an `id` filter is called only for the modules the filter lets through.
 */
export function transformWith(plugin: Plugin, code: string, id: string): { code: string } | undefined {
  const hook = plugin.transform as Handler | { filter?: { id?: unknown }; handler: Handler } | undefined;
  if (!hook) throw new Error(`${plugin.name} has no transform hook.`);
  const { handler, filter } = typeof hook === 'function' ? { handler: hook, filter: undefined } : hook;
  const only = filter?.id;
  if (only !== undefined) {
    if (!(only instanceof RegExp)) throw new Error(`${plugin.name}: this helper reads an id filter that is a RegExp, not ${String(only)}.`);
    if (!only.test(id)) return undefined;
  }
  return handler.call({ error: (message: string): never => { throw new Error(message); } }, code, id);
}
