import { Agent, request } from 'node:http';
import type { HttpAnswer } from './server';

const agents = new Map<string, Agent>();

/**
 * An HTTP request sent from a given local address of this machine. Every 127.x.y.z address is
 * the loopback interface on Linux, so a test can be "another device" (127.0.0.2, 127.0.0.3...)
 * without leaving the machine. Answers as `http()` of ./server does.
 */
export const httpFrom = (
  localAddress: string,
  url: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> => {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new Agent({ keepAlive: true, localAddress, maxSockets: 4 });
    agents.set(localAddress, agent);
  }
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) answerHeaders.set(name, String(value));
          }
          const parsed: unknown = answerHeaders.get('content-type')?.includes('application/json')
            ? JSON.parse(text)
            : text;
          resolve({ status: res.statusCode ?? 0, headers: answerHeaders, body: parsed, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
};

/** Closes the kept-alive connections of `httpFrom`. */
export const closeAddressAgents = (): void => {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
};
