/**
 * The web-mode event channel: Server-Sent Events. The browser's EventSource reconnects by itself,
 * and the comments sent as heartbeats keep idle proxies and the browser from dropping the stream.
 */
import type { ServerResponse } from 'node:http';
import type { EventName, Events } from '../../shared/api';

/** Fan-out of back-end events to every connected page. */
export interface EventStream {
  /** Takes over `response` as an event stream until the client disconnects or the stream closes. */
  attach(response: ServerResponse, headers: Record<string, string>): void;
  /** Sends one event to every connected client. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  /** Number of connected clients (for tests and diagnostics). */
  readonly size: number;
  /** Ends every stream and stops the heartbeat. */
  close(): void;
}

/** Creates the fan-out; `heartbeatMs` is how often an idle stream gets a comment line. */
export function createEventStream(heartbeatMs = 15_000): EventStream {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': heartbeat\n\n');
  }, heartbeatMs);
  // The heartbeat alone must never keep the process (or a test run) alive.
  heartbeat.unref();

  return {
    attach(response, headers) {
      response.writeHead(200, {
        ...headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // A first comment flushes the headers so EventSource reports `open` at once; `retry` sets
      // the reconnect delay after the server restarts.
      response.write('retry: 2000\n: connected\n\n');
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    emit(name, payload) {
      // JSON.stringify never emits raw newlines, so the payload is always a single `data:` line.
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of clients) client.write(frame);
    },
    get size() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
