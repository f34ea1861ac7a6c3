/// <reference types="vite/client" />

/** A host library's namespace (src/node/vite/hostLibrariesPlugin.ts). */
declare module 'virtual:amo-workbench/host-library/*' {
  const namespace: unknown;
  export default namespace;
}
