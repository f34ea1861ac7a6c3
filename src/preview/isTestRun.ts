/** True inside the Vitest browser run (Storybook's Vitest addon), false in the Storybook UI. */
export function isTestRun(): boolean {
  return '__vitest_browser__' in globalThis || Boolean((import.meta.env as Record<string, unknown>).VITEST);
}
