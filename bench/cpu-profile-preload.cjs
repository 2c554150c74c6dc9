// Preloaded into every Fireside server by `BENCH_SERVER_PROFILE_DIR=DIR npm run bench [suite]` (and bench:room):
// samples the process's CPU and writes it to DIR on SIGTERM, which is how the bench stops the server. Each probe
// with `reset` (the bench marks the start and the end of a measured phase so) also closes the profile so far, so a
// phase has a file of its own: DIR/<pid>-<n>.cpuprofile, n counting from 0 at start-up.
// Read them with bench/profile-summary.ts or Chrome DevTools.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  let part = 0;
  let stopped = false;
  const save = (then) =>
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(path.join(dir, `${process.pid}-${part++}.cpuprofile`), JSON.stringify(result.profile));
      then();
    });
  process.on('message', (msg) => {
    if (msg?.probe === true && msg.reset === true && !stopped) save(() => session.post('Profiler.start'));
  });
  process.channel?.unref();
  process.prependListener('SIGTERM', () => {
    if (stopped) return;
    stopped = true;
    save(() => session.disconnect());
  });
}
