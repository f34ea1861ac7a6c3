/** `import-modules`: requirejs `require(ids)` wrapped in a promise (spec decision). */
export type ImportModules = (ids: string[]) => Promise<unknown[]>;

/** The shape of a requirejs context's `require`, as far as import-modules uses it. */
type ContextRequire = (ids: string[], onLoad: (...modules: unknown[]) => void, onError: (error: unknown) => void) => void;

export function createImportModules(contextRequire: ContextRequire): ImportModules {
  return (ids) =>
    new Promise((resolve, reject) => {
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
        reject(new TypeError(`import-modules: expected an array of module ids, got ${JSON.stringify(ids)}.`));
        return;
      }
      contextRequire(ids, (...modules: unknown[]) => resolve(modules), reject);
    });
}
