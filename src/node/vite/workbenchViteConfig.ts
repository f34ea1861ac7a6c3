/**
 * (Node) The Vite config file the `amo-workbench` command's Storybook loads instead of the project's
 * own. Storybook's Vite builder merges `vite.config.*` from the project's root into the preview's
 * configuration: in a widget's repository that file builds the widget (a library build, its
 * plugins, `define`s, aliases that may swap `react` for another package), and a config that throws
 * without the widget's build environment stopped `dev`, `build` and `test`. The workbench serves
 * the widget as built, so none of it applies; a Storybook of the developer's own (the preset in
 * their main.ts) still reads theirs.
 */
export default {};
