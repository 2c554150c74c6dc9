// The Fireside process: one Node process serving Next.js and Socket.IO. `npm start` runs this.
import { type Config, ConfigError, parseConfig } from './config';

async function main() {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[fireside] ${err.message}\nFix the variable(s) above and start again (see README: Configuration).`);
      process.exit(78);
    }
    throw err;
  }
  // Loaded only after the configuration is valid, so a bad variable is reported before Next and Prisma load.
  const { startFireside } = await import('./app');
  const fireside = await startFireside(config);
  let signalled = false;
  const onSignal = (signal: string) => {
    if (signalled) return;
    signalled = true;
    console.log(`[fireside] ${signal}: shutting down gracefully`);
    const hard = setTimeout(() => {
      console.error('[fireside] shutdown took too long; exiting');
      process.exit(1);
    }, 9800);
    hard.unref();
    void fireside.stop().then((settled) => {
      console.log(settled ? '[fireside] stopped cleanly' : '[fireside] stopped; some in-flight work did not finish in time');
      process.exit(settled ? 0 : 1);
    });
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

main().catch((err) => {
  console.error('[fireside] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
