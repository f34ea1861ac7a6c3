import { describe, expect, it } from 'vitest';
import { mockAdvice } from './mockAdvice';

describe('mockAdvice', () => {
  it('names the handler for what was asked: a backend call, a socket, an event stream', () => {
    expect(mockAdvice({ method: 'GET', url: 'https://api.example/deals' })).toBe(
      "Answer it with a handler in the widget's mocks/handlers.js (or the story's parameters.msw.handlers).",
    );
    expect(mockAdvice({ method: 'WebSocket', url: 'wss://live.example/prices' })).toBe("Answer it with ws.link('<url>') in the widget's mocks/handlers.js.");
    expect(mockAdvice({ method: 'EventSource', url: 'https://live.example/stream' })).toBe("Answer it with sse('<url>') in the widget's mocks/handlers.js.");
  });

  it("tells socket.io's long-polling and its socket apart, with the origin to link", () => {
    expect(mockAdvice({ method: 'GET', url: 'https://rt.example/socket.io/?EIO=4&transport=polling&t=abc' })).toBe(
      "This is socket.io's HTTP long-polling: give the client transports: ['websocket'], then answer the socket with ws.link('wss://rt.example') (MSW matches a socket.io URL without its /socket.io/ path) with @mswjs/socket.io-binding's toSocketIo, in the widget's mocks/handlers.js.",
    );
    expect(mockAdvice({ method: 'WebSocket', url: 'ws://localhost:3001/socket.io/?EIO=4&transport=websocket' })).toBe(
      "Answer it with ws.link('ws://localhost:3001') (MSW matches a socket.io URL without its /socket.io/ path) with @mswjs/socket.io-binding's toSocketIo, in the widget's mocks/handlers.js.",
    );
  });
});
