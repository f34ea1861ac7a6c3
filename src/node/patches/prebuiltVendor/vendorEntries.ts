/**
 * (Node) What `storybook build` takes prebuilt (prebuiltVendorPlugin.ts): the heavy host libraries,
 * MSW's browser bundle and Storybook's preview runtime, each as the same module the build would
 * otherwise make of it (the host library facade, MSW's bundle with its exports, the runtime's
 * module), and the import ids each one answers.
 *
 * Storybook's preview runtime (`storybook/internal/preview/runtime`, 1.6 MB in one file) is what
 * the iframe's entry imports to set Storybook up; everything else reaches it through the globals it
 * sets, so it is a module of its own with no imports, minified anew by every bare Storybook build.
 *
 * Not dateformat, nanoid and classnames: they are small, and dateformat is also imported by the
 * cabinet itself (src/host/cabinet/formatField.ts), which must keep sharing the widgets' copy.
 */
import { facadeModule, HOST_LIBRARY_PREFIX, LAZY_HOST_LIBRARIES, type HostLibraryName } from '../../vite/hostLibrariesPlugin.ts';
import { loadMswBrowserModule, MSW_IMPORT } from '../../vite/mswBrowserBundlePlugin.ts';

export const PREBUILT_HOST_LIBRARIES: readonly HostLibraryName[] = ['jquery', ...LAZY_HOST_LIBRARIES];

const MSW_ENTRY = 'msw';
export const STORYBOOK_RUNTIME = 'storybook/internal/preview/runtime';
const STORYBOOK_RUNTIME_ENTRY = 'storybook-preview-runtime';

/** Entry name -> the module's code. */
export function vendorEntries(): Record<string, string> {
  return {
    ...Object.fromEntries(PREBUILT_HOST_LIBRARIES.map((name) => [name, facadeModule(name)])),
    [MSW_ENTRY]: loadMswBrowserModule(),
    [STORYBOOK_RUNTIME_ENTRY]: `export * from ${JSON.stringify(STORYBOOK_RUNTIME)};\n`,
  };
}

/** Every id a vendor entry answers, as a plugin hook's id filter. */
export const VENDOR_IMPORTS: RegExp[] = [
  MSW_IMPORT,
  new RegExp(`^${escape(STORYBOOK_RUNTIME)}$`),
  new RegExp(`^${escape(HOST_LIBRARY_PREFIX)}(${PREBUILT_HOST_LIBRARIES.map(escape).join('|')})$`),
];

/** The entry behind an import id, if one is prebuilt. */
export function vendorEntryFor(id: string): string | undefined {
  if (MSW_IMPORT.test(id)) return MSW_ENTRY;
  if (id === STORYBOOK_RUNTIME) return STORYBOOK_RUNTIME_ENTRY;
  const name = id.startsWith(HOST_LIBRARY_PREFIX) ? id.slice(HOST_LIBRARY_PREFIX.length) : undefined;
  return name && (PREBUILT_HOST_LIBRARIES as readonly string[]).includes(name) ? name : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
