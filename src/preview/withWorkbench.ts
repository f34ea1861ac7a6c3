/**
 * The host for a hand-written story that has a render of its own: `decorators: [withWorkbench]`
 * mounts the cabinet with the widgets of `parameters.workbench` (the mocked `amocrm-sdk`, requirejs
 * with every host module, tokens, the doctor, the problem strip) and shows the story's own output
 * above it. Stories without a render of their own need nothing: the workbench's render does the same.
 * Decorators of the story or the project compose as Storybook's always do (this one wraps the story;
 * the ones listed after it wrap this one).
 */
import type { HtmlRenderer } from '@storybook/html-vite';
import type { DecoratorFunction } from 'storybook/internal/types';
import { h } from '../host/cabinet/dom';
import { renderStoryCabinet } from './storyMounts';

const ownSlots = new WeakMap<Element, HTMLElement>();

export const withWorkbench: DecoratorFunction<HtmlRenderer> = (storyFn, context) => {
  const own = storyFn();
  // The story had no render of its own: the workbench's render already mounted the cabinet.
  if (own instanceof HTMLElement && own.classList.contains('wb-with-strip')) return own;
  const root = renderStoryCabinet(context.args, context, (cabinet) => {
    const slot = h('div', { class: 'wb-story-own' });
    ownSlots.set(context.canvasElement, slot);
    return h('div', { class: 'wb-story-with-cabinet' }, slot, cabinet.element);
  });
  // A re-render (args, globals) keeps the cabinet and shows the story's new output.
  const slot = ownSlots.get(context.canvasElement);
  if (slot) {
    if (typeof own === 'string') slot.innerHTML = own;
    else if (own instanceof Node) slot.replaceChildren(own);
    else slot.replaceChildren();
  }
  return root;
};
