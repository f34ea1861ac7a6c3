export function createImportModules(contextRequire) {
    return (ids) => new Promise((resolve, reject) => {
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
            reject(new TypeError(`import-modules: expected an array of module ids, got ${JSON.stringify(ids)}.`));
            return;
        }
        contextRequire(ids, (...modules) => resolve(modules), reject);
    });
}
