// The showcase: a client-cabinet widget written with the host's React and react-dom through
// requirejs. It reads sys, lead, leadFields and authors, renders every field type readably, formats
// dates with the host's dateformat and the account's formats, follows every change through
// subscribe (and unsubscribes in its cleanups), and loads its words from its own i18n/<lang>.json.
define(['module', 'amocrm-sdk', 'react', 'react-dom', 'dateformat'], function (module, initAmocrmWidgetSdk, React, ReactDOM, dateFormat) {
  var sdk = initAmocrmWidgetSdk({ version: '1.0.0' });
  var E = sdk.constants.PUBLIC_STATE_ENTITIES;
  var T = sdk.constants.FIELD_TYPES;
  var SOURCES = sdk.constants.LEAD_FIELD_SOURCES;
  var h = React.createElement;
  var LOCALES = { ru: 'ru-RU', en: 'en-US', es: 'es-ES', pt: 'pt-BR' };

  // The widget's words, fetched once per language from the widget folder (next to this script).
  var i18nCache = {};
  function loadI18n(lang) {
    if (!i18nCache[lang]) {
      i18nCache[lang] = fetch(new URL('i18n/' + lang + '.json', module.uri).href).then(function (r) {
        if (!r.ok) throw new Error('no i18n for ' + lang);
        return r.json();
      }).catch(function () { return loadI18n('en'); });
    }
    return i18nCache[lang];
  }

  // A React hook over sdk.subscribe: the component re-renders on every change of the entity.
  function useEntity(entity) {
    return React.useSyncExternalStore(
      function (onChange) { return sdk.methods.subscribe(entity, onChange); },
      function () { return sdk.methods.getState(entity); }
    );
  }

  function format(field, sys, words) {
    var v = field.value;
    if (v === null || v === undefined || v === '') return words.ui.empty;
    switch (field.type) {
      case T.budget: return new Intl.NumberFormat(LOCALES[sys.lang] || 'en-US').format(v) + ' ' + sys.currencySymbol;
      case T.checkbox: return v ? words.ui.yes : words.ui.no;
      case T.date:
      case T.birthday: return dateFormat(v * 1000, sys.dateFormat, true);
      case T.dateTime: return dateFormat(v * 1000, sys.dateFormat, true) + ' ' + dateFormat(v * 1000, sys.timeFormat, true);
      case T.select:
      case T.radiobutton: return v.value;
      case T.multiselect: return v.map(function (o) { return o.value; }).join(', ');
      case T.multitext: return v.map(function (o) { return o.value + ' (' + (words.enum_codes[o.enum_code] || o.enum_code) + ')'; }).join(', ');
      case T.smartAddress: return v.map(function (p) { return p.value; }).filter(Boolean).join(', ');
      case T.legalEntity: return [v.name, v.vat_id && 'VAT ' + v.vat_id].filter(Boolean).join(' · ');
      default: return String(v);
    }
  }

  function Showcase() {
    var sys = useEntity(E.sys);
    var lead = useEntity(E.lead);
    var fields = useEntity(E.leadFields) || {};
    var authors = useEntity(E.authors) || {};
    var state = React.useState(null);
    var words = state[0];
    var setWords = state[1];
    React.useEffect(function () {
      var current = true;
      loadI18n(sys.lang).then(function (w) { if (current) setWords(w); });
      return function () { current = false; };
    }, [sys.lang]);
    if (!words) return null;
    if (!lead || !lead.isLeadLoaded) return h('p', { className: 'sc-loading' }, words.ui.loading);

    var status = lead.statuses.filter(function (s) { return s.selected; })[0];
    var manager = authors[lead.managerId];
    var groups = [SOURCES.lead, SOURCES.contacts, SOURCES.company].map(function (source) {
      var rows = Object.keys(fields).map(function (id) { return fields[id]; }).filter(function (f) { return f.fieldSource === source; });
      if (!rows.length) return null;
      return h('section', { key: source, 'data-source': source },
        h('h4', { style: { margin: '8px 0 4px', fontSize: '12px', textTransform: 'uppercase', color: '#6b7688' } }, words.ui[source === SOURCES.lead ? 'lead' : source]),
        h('dl', { style: { margin: 0, display: 'grid', gridTemplateColumns: '40% 1fr', gap: '2px 8px', fontSize: '12px' } },
          rows.map(function (f) {
            return [
              h('dt', { key: f.id + '-t', style: { color: '#6b7688' } }, f.name),
              h('dd', { key: f.id + '-v', 'data-type': f.type, style: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' } }, format(f, sys, words)),
            ];
          })));
    });
    return h('div', { className: 'sc', lang: sys.lang },
      h('p', { style: { margin: '0 0 4px' } }, words.ui.status + ': ',
        h('span', { 'data-status': status ? status.id : '', style: { background: status ? status.color : '#eee', borderRadius: '8px', padding: '0 8px' } }, status ? status.name : '—')),
      manager ? h('p', { style: { margin: '0 0 4px' }, 'data-manager': manager.id }, words.ui.manager + ': ' + manager.name) : null,
      h('p', { style: { margin: 0, fontSize: '12px', color: '#6b7688' } }, words.ui.updated + ' ' + dateFormat(Date.now(), sys.dateFormat + ' ' + sys.timeFormat, true)),
      groups);
  }

  return {
    initLead: function () {
      // Keep the i18n of the current language warm for the slot.
      var off = sdk.methods.subscribe(E.sys, function (sys) { loadI18n(sys.lang); }, { withInitialResult: true });
      return function () { off(); };
    },
    registerWidgetsBarSlot: function (el) {
      var root = ReactDOM.createRoot(el);
      root.render(h(Showcase));
      return function () { root.unmount(); };
    },
  };
});
