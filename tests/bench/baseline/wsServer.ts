/**
 * The baseline of the fan-out scenario: a bare `ws` server in its own process that, when its
 * control client sends a version number, broadcasts a frame to every other client. The frame is
 * the socket.io `state` frame the Rostrum server sent (captured by the parent), with its version
 * replaced, so the bytes on the wire are the same size and content. The frame is encoded once
 * and sent to each client, like a raw WebSocket broadcast; no JSON or engine work at all.
 */
import type { AddressInfo } from 'node:net';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { serve } from '../lib/rpc';

let server: WebSocketServer | undefined;
let prefix = '';
let suffix = '';
const audience = new Set<WebSocket>();

const start = (): Promise<{ port: number }> =>
  new Promise((resolve) => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    server = wss;
    wss.on('connection', (ws, request) => {
      const control = request.url?.includes('control') ?? false;
      if (!control) {
        audience.add(ws);
        ws.on('close', () => audience.delete(ws));
        return;
      }
      ws.on('message', (data: Buffer) => {
        const frame = Buffer.from(`${prefix}${data.toString()}${suffix}`);
        for (const client of audience) client.send(frame, { binary: false });
        ws.send(data); // the "ack", after the broadcast is handed to the sockets
      });
    });
    wss.on('listening', () => resolve({ port: (wss.address() as AddressInfo).port }));
  });

/** The captured frame, cut around its version number. */
const setFrame = (p: { frame: string }): { bytes: number } => {
  const match = /"version":(\d+)/.exec(p.frame);
  if (!match) throw new Error('the frame has no version');
  const at = match.index + '"version":'.length;
  prefix = p.frame.slice(0, at);
  suffix = p.frame.slice(at + (match[1] as string).length);
  return { bytes: Buffer.byteLength(p.frame) };
};

serve({
  start,
  setFrame,
  clients: () => audience.size,
  stop: () => {
    for (const c of audience) c.terminate();
    server?.close();
    return null;
  },
});
