/** `import-modules`: requirejs `require(ids)` wrapped in a promise (spec decision). */
export type ImportModules = (ids: string[]) => Promise<unknown[]>;

export function createImportModules(contextRequire: Require): ImportModules {
  return (ids) =>
    new Promise((resolve, reject) => {
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
        reject(new TypeError(`import-modules: expected an array of module ids, got ${JSON.stringify(ids)}.`));
        return;
      }
      contextRequire(ids, (...modules: unknown[]) => resolve(modules), reject);
    });
}
