// A TCP proxy between a browser and the server, able to cut every connection and refuse new ones for a while:
// the way to take one browser "offline" without touching the others.
import net from 'node:net';

export class CuttableProxy {
  /** @param {number} targetPort @param {string} [targetHost] */
  constructor(targetPort, targetHost = '127.0.0.1') {
    this.targetPort = targetPort;
    this.targetHost = targetHost;
    /** @type {Set<net.Socket>} */
    this.sockets = new Set();
    this.refusing = false;
    this.accepted = 0;
    this.refused = 0;
    /** Connections cut by cut(), each counted once (a client and its upstream are one). */
    this.cutConnections = 0;
    this.server = net.createServer((client) => this.#onConnection(client));
  }

  /** Listens on a free loopback port; resolves with it. */
  listen() {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.port = /** @type {net.AddressInfo} */ (this.server.address()).port;
        resolve(this.port);
      });
    });
  }

  get url() { return `http://127.0.0.1:${this.port}`; }

  /** @param {net.Socket} client */
  #onConnection(client) {
    if (this.refusing) {
      // A reset rather than a polite close: what a dropped network looks like to the browser.
      this.refused++;
      client.resetAndDestroy();
      return;
    }
    this.accepted++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  }

  /** Cuts every proxied connection now and refuses new ones for `ms` milliseconds. */
  cut(ms) {
    this.refusing = true;
    this.cutConnections += this.sockets.size / 2;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.refusing = false), ms);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  close() {
    clearTimeout(this.timer);
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    return new Promise((resolve) => this.server.close(() => resolve(undefined)));
  }
}
