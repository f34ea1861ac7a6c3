// Builder-vite's preset, where Storybook looks for a builder's preset when it loads a project
// without starting it (addon-vitest's experimental_loadStorybook: `preset.js` beside the builder's
// entry). `storybook dev` and `build` take the same file from the entry's `corePresets` export.
export * from '@storybook/builder-vite/preset';
