// Preloaded (`node --expose-gc --require bench/server-probe-preload.cjs …`) into every server `npm run bench` starts,
// Fireside and the raw `ws` baselines alike, so nothing of the bench lives in server/. It answers the bench over the
// IPC channel: event-loop delay since the last reset (monitorEventLoopDelay), memory after a full GC, CPU time and the
// number of open sockets. The channel is unref'd, so it never keeps a stopping server alive.
const { monitorEventLoopDelay } = require('node:perf_hooks');

if (typeof process.send === 'function') {
  // The histogram records the time between two ticks of a RESOLUTION_MS timer; the delay is what exceeds it.
  const RESOLUTION_MS = 10;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);

  /** Full collections until the heap stops shrinking (a single gc() leaves weak and finalised objects behind). */
  const collect = () => {
    if (typeof global.gc !== 'function') return false;
    let before = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 6; i++) {
      global.gc();
      const used = process.memoryUsage().heapUsed;
      if (used >= before - 64 * 1024) break;
      before = used;
    }
    return true;
  };

  const openSockets = () => process._getActiveHandles().filter((h) => h?.constructor?.name === 'Socket' && !h.destroyed && h.remoteAddress).length;

  process.on('message', (msg) => {
    if (msg?.probe !== true) return;
    const gc = msg.gc ? collect() : false;
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    const answer = {
      probe: true,
      id: msg.id,
      gc,
      eventLoopDelay: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
        mean: Number.isNaN(delay.mean) ? 0 : ms(delay.mean),
        count: delay.count,
      },
      memory: { heapUsed: mem.heapUsed, rss: mem.rss, external: mem.external, arrayBuffers: mem.arrayBuffers },
      cpuMs: (cpu.user + cpu.system) / 1000,
      sockets: openSockets(),
    };
    if (msg.reset) delay.reset();
    process.send(answer);
  });
  process.channel?.unref();
}
