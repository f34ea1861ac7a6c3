/**
 * (Node) The widget `amo-workbench init` writes: a minimal, correct personal_page widget that passes
 * `amo-workbench test` and `validate` as written. It reads the deal through the SDK, follows it with
 * a subscription it removes in its cleanup, and asks its backend (mocked in mocks/handlers.js, token
 * checked) for a greeting, aborting the request when the deal changes.
 */
export const TEMPLATE_LANGS = ['ru', 'en', 'es', 'pt'] as const;

const TEXTS: Record<
  (typeof TEMPLATE_LANGS)[number],
  { name: string; description: string; short: string; status: string; loading: string; empty: string; failed: string }
> = {
  ru: {
    name: 'Мой виджет',
    description: 'Виджет кабинета клиента: показывает статус сделки и приветствие с сервера.',
    short: 'Статус сделки и приветствие.',
    status: 'Статус',
    loading: 'Загрузка…',
    empty: 'Приветствия пока нет',
    failed: 'Сервер не ответил',
  },
  en: {
    name: 'My widget',
    description: 'A client-cabinet widget: shows the deal status and a greeting from its backend.',
    short: 'Deal status and a greeting.',
    status: 'Status',
    loading: 'Loading…',
    empty: 'No greeting yet',
    failed: 'The backend did not answer',
  },
  es: {
    name: 'Mi widget',
    description: 'Un widget del portal del cliente: muestra el estado del negocio y un saludo de su servidor.',
    short: 'Estado del negocio y un saludo.',
    status: 'Estado',
    loading: 'Cargando…',
    empty: 'Aún no hay saludo',
    failed: 'El servidor no respondió',
  },
  pt: {
    name: 'Meu widget',
    description: 'Um widget do portal do cliente: mostra o status do negócio e uma saudação do servidor.',
    short: 'Status do negócio e uma saudação.',
    status: 'Status',
    loading: 'Carregando…',
    empty: 'Ainda não há saudação',
    failed: 'O servidor não respondeu',
  },
};

export function templateFiles(name: string): Record<string, string> {
  const files: Record<string, string> = {
    'manifest.json': `${JSON.stringify(
      {
        widget: {
          name: 'widget.name',
          description: 'widget.description',
          short_description: 'widget.short_description',
          version: '1.0.0',
          interface_version: 2,
          init_once: false,
          locale: [...TEMPLATE_LANGS],
          installation: true,
          support: { link: 'https://example.com/support', email: 'support@example.com' },
        },
        locations: ['personal_page'],
        settings: {},
      },
      null,
      2,
    )}\n`,
    'personal_page.js': PERSONAL_PAGE,
    'script.js': SCRIPT,
    'mocks/handlers.js': HANDLERS,
  };
  for (const lang of TEMPLATE_LANGS) {
    const t = TEXTS[lang];
    files[`i18n/${lang}.json`] =
      `${JSON.stringify({ widget: { name: t.name, description: t.description, short_description: t.short }, ui: { status: t.status, loading: t.loading, empty: t.empty, failed: t.failed } }, null, 2)}\n`;
  }
  files['README.md'] =
    `# ${name}\n\nA client-cabinet (personal_page) widget for amoCRM, made with \`amo-workbench init\`.\n\n- \`npx amo-workbench dev\`: the widget in a local client cabinet (Storybook).\n- \`npx amo-workbench test\`: its stories as tests, and the visual comparison.\n- \`npx amo-workbench pack\`: the widget.zip to upload.\n\nThe logos in images/ are placeholders of the right sizes: replace them before you upload.\n`;
  return files;
}

const PERSONAL_PAGE = `// A client-cabinet widget: the deal's status, and a greeting from the widget's backend.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  var sdk = initAmocrmWidgetSdk({ version: '1.0.0' });
  var ENTITIES = sdk.constants.PUBLIC_STATE_ENTITIES;
  var API = 'https://my-widget-backend.example/api/greeting';
  var token = '';

  var TEXTS = {
    ru: { status: 'Статус', loading: 'Загрузка…', empty: 'Приветствия пока нет', failed: 'Сервер не ответил' },
    en: { status: 'Status', loading: 'Loading…', empty: 'No greeting yet', failed: 'The backend did not answer' },
    es: { status: 'Estado', loading: 'Cargando…', empty: 'Aún no hay saludo', failed: 'El servidor no respondió' },
    pt: { status: 'Status', loading: 'Carregando…', empty: 'Ainda não há saudação', failed: 'O servidor não respondeu' },
  };

  return {
    // Called for each deal the client opens: keep the token for the backend calls.
    initLead: function (params) {
      token = params.token;
      return function () {
        token = '';
      };
    },
    // Called with the widget's slot: render into it, and undo everything in the cleanup.
    registerWidgetsBarSlot: function (el) {
      var controller = new AbortController();
      var greeting = null;
      var failed = false;
      var status = document.createElement('p');
      var message = document.createElement('p');
      el.append(status, message);

      function texts() {
        var sys = sdk.methods.getState(ENTITIES.sys);
        return TEXTS[sys && sys.lang] || TEXTS.en;
      }
      function render() {
        var lead = sdk.methods.getState(ENTITIES.lead);
        var selected = lead && lead.statuses.filter(function (s) { return s.selected; })[0];
        status.textContent = texts().status + ': ' + (selected ? selected.name : '—');
        message.textContent = failed ? texts().failed : greeting === null ? texts().loading : greeting || texts().empty;
      }

      var unsubscribeLead = sdk.methods.subscribe(ENTITIES.lead, render);
      var unsubscribeSys = sdk.methods.subscribe(ENTITIES.sys, render);
      render();

      var lead = sdk.methods.getState(ENTITIES.lead);
      fetch(API + '?lead=' + encodeURIComponent(lead ? lead.id : ''), { headers: { 'X-Auth-Token': token }, signal: controller.signal })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (body) {
          greeting = body.greeting;
          render();
        })
        .catch(function (error) {
          if (error.name === 'AbortError') return;
          failed = true;
          render();
        });

      return function () {
        controller.abort();
        unsubscribeLead();
        unsubscribeSys();
        el.replaceChildren();
      };
    },
  };
});
`;

const SCRIPT = `// The widget object amoCRM's structure page asks every archive for. This widget lives in the
// client cabinet (personal_page.js); in the CRM itself it has nothing to show.
define([], function () {
  return function () {
    this.callbacks = {
      render: function () { return true; },
      init: function () { return true; },
      bind_actions: function () { return true; },
      settings: function () { return true; },
      onSave: function () { return true; },
      destroy: function () {},
    };
    return this;
  };
});
`;

const HANDLERS = `// The widget's backend, mocked for its stories (never part of the upload archive). The token is
// checked as the real backend checks it with amoCRM's PHP SDK: a request without a valid one gets 401.
import { http } from 'msw';
import { scenarioJson, withVerifiedToken } from '@amocrm-workbench/mocks';

export const handlers = [
  http.get(
    'https://my-widget-backend.example/api/greeting',
    withVerifiedToken(({ claims }) => scenarioJson({ success: { greeting: 'Hello, account ' + claims.account_id + '!' }, empty: { greeting: '' } })),
  ),
];
`;
