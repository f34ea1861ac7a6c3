/**
 * A widget's socket or event stream, heard by the widget no more. When its story ends the host
 * closes what the widget opened; the close event a socket sends then (or the one the widget's own
 * cleanup caused, which comes later than the cleanup) still reached the widget's handlers, and a
 * handler that reconnects after a second opened a socket again every second in every story after
 * (the widget's code no longer known by then, nothing was let go). Silenced, the widget's
 * `addEventListener` listeners are removed and its `on...` handlers cleared before the close.
 */
type Connection = WebSocket | EventSource;
type Listener = [type: string, listener: EventListenerOrEventListenerObject, options: boolean | EventListenerOptions | undefined];

const listenersOf = new WeakMap<Connection, Listener[]>();

/** From its construction on, the listeners added to the connection are remembered. */
export function rememberListeners(connection: Connection): void {
  const listeners: Listener[] = [];
  listenersOf.set(connection, listeners);
  const add = connection.addEventListener.bind(connection) as (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) => void;
  (connection as EventTarget).addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) => {
    if (listener) listeners.push([type, listener, options]);
    add(type, listener, options);
  };
}

export function silence(connection: Connection): void {
  for (const [type, listener, options] of listenersOf.get(connection) ?? []) connection.removeEventListener(type, listener, options);
  listenersOf.delete(connection);
  connection.onopen = null;
  connection.onmessage = null;
  connection.onerror = null;
  if ('onclose' in connection) connection.onclose = null;
}

/**
 * Only what hears the connection end (`close`, `error`): where a reconnect starts. The rest stays, so
 * a library still finishing what the widget's cleanup started (socket.io sending its close packet
 * once a connecting socket opens, then closing it) can finish.
 */
export function silenceEnding(connection: Connection): void {
  const listeners = listenersOf.get(connection) ?? [];
  for (const entry of [...listeners]) {
    const [type, listener, options] = entry;
    if (type !== 'close' && type !== 'error') continue;
    connection.removeEventListener(type, listener, options);
    listeners.splice(listeners.indexOf(entry), 1);
  }
  connection.onerror = null;
  if ('onclose' in connection) connection.onclose = null;
}
