/** The widget folder's problems, above the cabinet: each with its file, what is wrong and the fix. */
import { h } from '../cabinet/dom';
import type { FolderProblem } from '../widgets/folderProblem';
import './folderProblemsPanel.css';

export function withFolderProblems(root: HTMLElement, problems: readonly FolderProblem[]): HTMLElement {
  if (!problems.length) return root;
  const panel = h(
    'section',
    { class: 'wb-problems', role: 'alert', 'aria-label': 'widget folder problems' },
    h('h2', { class: 'wb-problems__title' }, `${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the widget folder`),
    h(
      'ul',
      { class: 'wb-problems__list' },
      ...problems.map((problem) =>
        h(
          'li',
          { 'data-problem': problem.code },
          h('code', { class: 'wb-problems__file' }, problem.file),
          h('span', { class: 'wb-problems__message' }, problem.message),
          h('span', { class: 'wb-problems__fix' }, problem.fix),
        ),
      ),
    ),
  );
  return h('div', { class: 'wb-with-problems' }, panel, root);
}
