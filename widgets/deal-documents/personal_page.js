// An example client-cabinet widget with a backend: the deal's documents, loaded with the token
// initLead receives. Written against the host's React, @reduxjs/toolkit and react-redux (no build
// step: React.createElement instead of JSX). Shows loading, error and empty states, follows the
// cabinet language, and on a deal switch aborts the stale request in its cleanup and loads anew.
define(['amocrm-sdk', 'react', 'react-dom', '@reduxjs/toolkit', 'react-redux', 'dateformat'], function (
  initAmocrmWidgetSdk, React, ReactDOM, RTK, ReactRedux, dateFormat
) {
  var BACKEND = 'https://documents-widget.example/api/v1';
  var sdk = initAmocrmWidgetSdk({ version: '1.0.0' });
  var E = sdk.constants.PUBLIC_STATE_ENTITIES;
  var h = React.createElement;

  var TEXT = {
    ru: { title: 'Документы', loading: 'Загружаем документы…', empty: 'По этой сделке документов пока нет.', retry: 'Повторить',
      unauthorized: 'Сессия истекла: обновите страницу.', forbidden: 'Нет доступа к документам.', server: 'Сервер документов недоступен.',
      malformed: 'Сервер прислал повреждённый ответ.', network: 'Нет связи с сервером документов.', updated: 'обновлён' },
    en: { title: 'Documents', loading: 'Loading documents…', empty: 'No documents for this deal yet.', retry: 'Retry',
      unauthorized: 'Your session expired: reload the page.', forbidden: 'You may not see these documents.', server: 'The documents server is unavailable.',
      malformed: 'The server sent a broken answer.', network: 'Cannot reach the documents server.', updated: 'updated' },
    es: { title: 'Documentos', loading: 'Cargando documentos…', empty: 'Este negocio aún no tiene documentos.', retry: 'Reintentar',
      unauthorized: 'Su sesión expiró: recargue la página.', forbidden: 'No tiene acceso a los documentos.', server: 'El servidor de documentos no está disponible.',
      malformed: 'El servidor envió una respuesta dañada.', network: 'No hay conexión con el servidor de documentos.', updated: 'actualizado' },
    pt: { title: 'Documentos', loading: 'Carregando documentos…', empty: 'Ainda não há documentos neste negócio.', retry: 'Tentar novamente',
      unauthorized: 'Sua sessão expirou: recarregue a página.', forbidden: 'Você não tem acesso aos documentos.', server: 'O servidor de documentos está indisponível.',
      malformed: 'O servidor enviou uma resposta corrompida.', network: 'Sem conexão com o servidor de documentos.', updated: 'atualizado' },
  };

  var fetchDocuments = RTK.createAsyncThunk('documents/fetch', function (arg, api) {
    return fetch(BACKEND + '/leads/' + encodeURIComponent(arg.leadId) + '/documents', {
      headers: { 'X-Auth-Token': arg.token },
      signal: api.signal,
    }).then(
      function (response) {
        if (response.status === 401) return api.rejectWithValue('unauthorized');
        if (response.status === 403) return api.rejectWithValue('forbidden');
        if (!response.ok) return api.rejectWithValue('server');
        return response.json().then(
          function (body) { return body.documents; },
          function () { return api.rejectWithValue('malformed'); }
        );
      },
      function (error) {
        if (error && error.name === 'AbortError') throw error;
        return api.rejectWithValue('network');
      }
    );
  });

  var slice = RTK.createSlice({
    name: 'documents',
    initialState: { status: 'idle', items: [], error: null, request: null, lang: 'ru', dateMask: 'dd.mm.yyyy' },
    reducers: {
      sysChanged: function (state, action) {
        state.lang = action.payload.lang;
        state.dateMask = action.payload.dateFormat;
      },
    },
    extraReducers: function (builder) {
      builder
        .addCase(fetchDocuments.pending, function (state, action) {
          state.status = 'loading';
          state.request = action.meta.requestId;
          state.error = null;
        })
        .addCase(fetchDocuments.fulfilled, function (state, action) {
          if (action.meta.requestId !== state.request) return;
          state.status = 'done';
          state.items = action.payload;
        })
        .addCase(fetchDocuments.rejected, function (state, action) {
          // An aborted (stale) request says nothing about the current deal.
          if (action.meta.aborted || action.meta.requestId !== state.request) return;
          state.status = 'failed';
          state.error = action.payload || 'network';
        });
    },
  });

  var store = RTK.configureStore({ reducer: slice.reducer });
  var lastRequest = null;

  function load(token) {
    lastRequest = store.dispatch(fetchDocuments({ token: token, leadId: sdk.methods.getRouterQuery().leadId }));
    return lastRequest;
  }

  function Documents() {
    var state = {
      status: ReactRedux.useSelector(function (s) { return s.status; }),
      items: ReactRedux.useSelector(function (s) { return s.items; }),
      error: ReactRedux.useSelector(function (s) { return s.error; }),
      lang: ReactRedux.useSelector(function (s) { return s.lang; }),
      dateMask: ReactRedux.useSelector(function (s) { return s.dateMask; }),
    };
    var t = TEXT[state.lang] || TEXT.en;
    var body;
    if (state.status === 'loading' || state.status === 'idle') {
      body = h('p', { className: 'dd-loading', role: 'status' }, t.loading);
    } else if (state.status === 'failed') {
      body = h('p', { className: 'dd-error', role: 'alert', 'data-error': state.error }, t[state.error]);
    } else if (!state.items.length) {
      body = h('p', { className: 'dd-empty' }, t.empty);
    } else {
      body = h('ul', { className: 'dd-list' }, state.items.map(function (doc) {
        return h('li', { key: doc.id, 'data-document-id': doc.id },
          h('a', { href: doc.url, target: '_blank', rel: 'noreferrer' }, doc.title),
          h('small', null, ' · ' + t.updated + ' ' + dateFormat(doc.updatedAt * 1000, state.dateMask, true)));
      }));
    }
    return h('section', { className: 'dd' }, h('strong', null, t.title), body);
  }

  var offSys = sdk.methods.subscribe(E.sys, function (sys) {
    store.dispatch(slice.actions.sysChanged({ lang: sys.lang, dateFormat: sys.dateFormat }));
  }, { withInitialResult: true });
  void offSys; // the module lives as long as the cabinet; the subscription with it.

  return {
    initLead: function (params) {
      var request = load(params.token);
      return function () {
        request.abort();
      };
    },
    registerWidgetsBarSlot: function (el) {
      var root = ReactDOM.createRoot(el);
      ReactDOM.flushSync(function () {
        root.render(h(ReactRedux.Provider, { store: store }, h(Documents)));
      });
      return function () {
        root.unmount();
      };
    },
  };
});
