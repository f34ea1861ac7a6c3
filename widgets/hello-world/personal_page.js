// The example of amoCRM's "Кабинет клиента" documentation, unchanged in behaviour.
// Мы используем requirejs для импорта модулей в рантайме
define(['amocrm-sdk', 'jquery', 'dateformat'], function (initAmocrmWidgetSdk, $, dateFormat) {
  // Этот код выполняется один раз при импорте модуля
  const WidgetSdk = initAmocrmWidgetSdk({
    version: '1.0.0',
  })

  // Чтобы виджет заработал, нужно вернуть объект с колбэками
  return {
    initLead(params) {
      console.warn('WIDGET: initLead with token: ', params.token)

      return () => {
        console.warn('WIDGET: initLead destroyed')
      }
    },
    registerWidgetsBarSlot(el) {
      const $el = $(el)
      const sysData = WidgetSdk.methods.getState(WidgetSdk.constants.PUBLIC_STATE_ENTITIES.sys)
      const formattedTime = dateFormat(Date.now(), sysData.timeFormat)

      $el.text('Hello world!')

      console.warn(`WIDGET registerWidgetsBarSlot inited at ${formattedTime}`)

      return () => {
        console.warn('WIDGET: registerWidgetsBarSlot destroyed')
      }
    },
  }
})
