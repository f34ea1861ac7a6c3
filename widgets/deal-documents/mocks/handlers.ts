// The widget's own backend mocks (TypeScript or JavaScript both work): used by its story (Widgets/deal-documents) and every story that
// mounts it. Tokens are verified as the real backend does it with amoCRM's PHP SDK.
import { http } from 'msw';
import { scenarioJson, withVerifiedToken } from '@amocrm-workbench/mocks';

interface DocumentItem {
  id: string;
  title: string;
  url: string;
  /** Unix seconds. */
  updatedAt: number;
}

const DOCUMENTS: Record<string, DocumentItem[]> = {
  20471001: [
    { id: 'd-1', title: 'Договор СВ-2026/0314.pdf', url: 'https://documents-widget.example/files/d-1', updatedAt: 1773398400 },
    { id: 'd-2', title: 'Счёт № 118 от 12.03.2026.pdf', url: 'https://documents-widget.example/files/d-2', updatedAt: 1773312000 },
    { id: 'd-3', title: 'Техническое задание.docx', url: 'https://documents-widget.example/files/d-3', updatedAt: 1772870400 },
  ],
  20471002: [{ id: 'd-9', title: 'Акт продления лицензий 2025.pdf', url: 'https://documents-widget.example/files/d-9', updatedAt: 1735689600 }],
};

/** Every request the handlers saw, for tests: lead, account and whether it was aborted. */
export const seenRequests: { leadId: string; accountId: number; aborted: boolean }[] = [];

export const handlers = [
  http.get(
    'https://documents-widget.example/api/v1/leads/:leadId/documents',
    withVerifiedToken(({ params, claims, request }) => {
      const leadId = String(params.leadId);
      const seen = { leadId, accountId: claims.account_id, aborted: request.signal.aborted };
      seenRequests.push(seen);
      request.signal.addEventListener('abort', () => (seen.aborted = true));
      return scenarioJson({ success: { documents: DOCUMENTS[leadId] ?? [] }, empty: { documents: [] } });
    }),
  ),
];
