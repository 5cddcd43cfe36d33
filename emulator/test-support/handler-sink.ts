// A tiny HTTP server standing in for the app in emulator tests: records every form POST it gets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import qs from 'qs';

export interface SinkRequest {
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  raw: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Sink {
  url: string;
  requests: SinkRequest[];
  /** Status to answer with (default 200). */
  status: number;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const sink: Sink = { url: '', requests: [], status: 200, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      sink.requests.push({ path: u.pathname, query: qs.parse(u.search.slice(1)), body: qs.parse(raw), raw, headers: req.headers });
      res.writeHead(sink.status, { 'content-type': 'application/json' });
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sink.close = () => new Promise((r) => server.close(() => r()));
  return sink;
}
