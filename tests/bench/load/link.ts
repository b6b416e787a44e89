/**
 * The slow link of the display-accuracy scenario, in its own process so its timers are not held
 * up by the client's work: a delay proxy to the Rostrum server, and design (c) of the comparison,
 * a tiny server that pushes `{remainingMs}` once a second, behind a delay proxy of its own.
 */
import net, { type AddressInfo } from 'node:net';
import { serve } from '../lib/rpc';
import { type DelayProxy, startDelayProxy } from '../proxy';

const proxies: DelayProxy[] = [];
let ticker: net.Server | undefined;
let tickTimer: NodeJS.Timeout | undefined;

interface StartParams {
  targetPort: number;
  minDelayMs: number;
  maxDelayMs: number;
  seed: number;
  /** The ticker's turn: its limit; it starts now on the true clock. */
  tickerLimitMs: number;
}

const start = async (
  p: StartParams,
): Promise<{ proxyPort: number; tickerProxyPort: number; tickerStartedAt: number }> => {
  const proxy = await startDelayProxy({
    targetPort: p.targetPort,
    minDelayMs: p.minDelayMs,
    maxDelayMs: p.maxDelayMs,
    seed: p.seed,
  });
  proxies.push(proxy);

  const startedAt = Date.now();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  });
  ticker = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  // Once a second, on the second of the turn's own clock, every socket gets the time left.
  const tick = (): void => {
    const t = Date.now();
    const line = `${JSON.stringify({ remainingMs: p.tickerLimitMs - (t - startedAt), serverTime: t })}\n`;
    for (const s of sockets) s.write(line);
    const elapsed = Date.now() - startedAt;
    tickTimer = setTimeout(tick, 1000 - (elapsed % 1000));
  };
  tickTimer = setTimeout(tick, 1000);
  const tickerProxy = await startDelayProxy({
    targetPort: (server.address() as AddressInfo).port,
    minDelayMs: p.minDelayMs,
    maxDelayMs: p.maxDelayMs,
    seed: p.seed + 1,
  });
  proxies.push(tickerProxy);
  return { proxyPort: proxy.port, tickerProxyPort: tickerProxy.port, tickerStartedAt: startedAt };
};

serve({
  start,
  stats: () => proxies.map((p) => p.stats()),
  stop: async () => {
    if (tickTimer) clearTimeout(tickTimer);
    ticker?.close();
    await Promise.all(proxies.map((p) => p.close()));
    return null;
  },
});
