/**
 * (Node) Makes a UMD file that the host libraries bundle take its CommonJS branch: lodash's
 * single-file build, `lodash/lodash.js`.
 *
 * Why: a UMD file looks for AMD first. With require.js on the page, lodash would call an anonymous
 * `define` ("Mismatched anonymous define()") instead of filling `module.exports`, and would put `_`
 * on `window`. A `var define;` at the top of the file, inside the function the bundler wraps a
 * CommonJS module in, hides require.js's `define` from that file alone.
 *
 * Why that file and not lodash-es: lodash-es is 640 modules, and a bundler pays for each. The single
 * file made `storybook build` ~0.34 s faster (2236 → 1897 ms, 3 interleaved builds) and the lodash
 * chunk smaller (103 → 71 KB).
 *
 * Used by Vite (`storybook build`) and by the dev server's bundle of the heavy host libraries
 * (hostLibrariesPlugin.ts), so lodash is the same module in both.
 */

/** The UMD files bundled as CommonJS: lodash's single file, wherever node_modules is. */
export const UMD_FILE = /[\\/]node_modules[\\/]lodash[\\/]lodash\.js$/;

export function umdAsCommonJsPlugin() {
  return {
    name: 'amo-workbench:umd-as-commonjs',
    transform: {
      // Only these files reach the hook: any other module of a build is never a call into JS.
      filter: { id: UMD_FILE },
      // Prepended on the first line (lodash's is a comment), so no line moves and no map is needed.
      handler: (code: string) => ({ code: `var define; ${code}`, map: null }),
    },
  };
}
