// Preloaded into the server by `BENCH_SERVER_PROFILE_DIR=DIR npm run bench:room` (NODE_OPTIONS=--require ...; Node
// refuses --cpu-prof there): samples the process's CPU from start-up and writes DIR/<pid>.cpuprofile on SIGTERM,
// which is how the bench stops the server. Read it with bench/profile-summary.ts or Chrome DevTools.
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
  let written = false;
  process.prependListener('SIGTERM', () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      session.disconnect();
    });
  });
}
