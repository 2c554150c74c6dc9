// A TCP proxy between a test client and the server that can lose the server's answers on purpose: with the
// downstream blackholed, the client's bytes still reach the server but nothing comes back (an ack lost after the
// commit, F17); cut() then drops every connection as a tunnel or a dead Wi-Fi would.
import net from 'node:net';

export type TcpProxy = {
  /** http://127.0.0.1:<port> of the proxy, to connect clients to. */
  url: string;
  port: number;
  /** From now on, bytes from the server to the client are dropped (the client's bytes still go through). */
  blackhole(): void;
  /** Bytes flow both ways again, for connections made from now on and those still open. */
  heal(): void;
  /** Closes every connection through the proxy at once (both sides); the proxy keeps listening. */
  cut(): void;
  /** How many connections are open through the proxy. */
  open(): number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let blackholed = false;
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!blackholed) client.write(chunk);
    });
    // A reset is how cut() and a dying server look from here; either side ending ends both.
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    blackhole: () => {
      blackholed = true;
    },
    heal: () => {
      blackholed = false;
    },
    cut: () => {
      for (const { client, upstream } of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    open: () => pairs.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of pairs) {
          client.destroy();
          upstream.destroy();
        }
        pairs.clear();
        server.close(() => resolve());
      }),
  };
}
