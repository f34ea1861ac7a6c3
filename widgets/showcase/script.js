// The widget object amoCRM's structure page asks every archive for. This widget lives in the client
// cabinet (personal_page.js); in the CRM itself it has nothing to show, so every callback says so.
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
