/** The render function of every workbench story (see storyMounts.ts). */
import type { ArgsStoryFn } from 'storybook/internal/types';
import type { HtmlRenderer } from '@storybook/html-vite';
import { renderStoryCabinet } from './storyMounts';

export const renderCabinet: ArgsStoryFn<HtmlRenderer> = (args, context) => renderStoryCabinet(args, context);
