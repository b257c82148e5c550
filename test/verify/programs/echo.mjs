// Echo servers for `netkata verify`'s tests, correct or broken on purpose: node echo.mjs <port> <mode>.
// The same modes as echo.py (see there). Binds 127.0.0.1 only.
import net from 'node:net';

const [port, mode] = [Number(process.argv[2]), process.argv[3]];

// one-at-a-time: the next connection is served only once the current one closed (a queue of paused sockets).
const waiting = [];
let busy = false;
function serveNext() {
  const s = waiting.shift();
  if (!s) return void (busy = false);
  busy = true;
  s.on('close', serveNext);
  s.resume();
}

const server = net.createServer({ allowHalfOpen: mode === 'never-closes', pauseOnConnect: mode === 'one-at-a-time' }, (s) => {
  if (mode === 'one-at-a-time') {
    waiting.push(s);
    if (!busy) serveNext();
  }
  // Without an 'error' listener a peer's RST (ECONNRESET) is an uncaught exception: the process ends.
  if (mode !== 'crash-on-reset') s.on('error', () => {});
  if (mode === 'framed') {
    let buf = Buffer.alloc(0);
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32BE(0)) {
        const n = 4 + buf.readUInt32BE(0);
        s.write(buf.subarray(0, n));
        buf = buf.subarray(n);
      }
    });
  } else if (mode === 'unframed') {
    s.on('data', (d) => {
      const head = Buffer.alloc(4);
      head.writeUInt32BE(Math.max(0, d.length - 4));
      s.write(Buffer.concat([head, d.subarray(4)]));
    });
  } else {
    s.on('data', (d) => s.write(d));
  }
  // allowHalfOpen false: Node ends our side once the client's FIN is read; never-closes keeps it open.
});
server.listen(port, '127.0.0.1');
