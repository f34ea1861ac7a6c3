/**
 * (Node) Storybook's Vite builder, minus the change-detection adapter, for `core.builder` in
 * .storybook/main.ts while the changeDetection feature is off.
 *
 * Why: Storybook starts its module-graph engine whenever the preview builder offers that adapter,
 * whatever `features.changeDetection` says. The engine parses every story file and what it imports
 * (oxc-parser, on the main thread and a worker) while the first story loads: ~120 ms of the dev
 * server's main thread and ~90 ms of a worker on this project (npm run bench, warm start), on a
 * 2-core machine where Chromium is rendering at the same time. Its results only feed change
 * detection, which cannot see widget files anyway (requirejs loads them outside Vite's graph).
 *
 * Everything else is builder-vite's own: a local export shadows the same name from `export *`, and
 * preset.js beside this file is builder-vite's preset. The path must keep "vite" in it: addon-vitest
 * and Storybook recognise a Vite builder by that substring of `core.builder`.
 */
export * from '@storybook/builder-vite';

/** No adapter: Storybook then marks change detection "unavailable" and never starts the engine. */
export const changeDetectionAdapter = undefined;
