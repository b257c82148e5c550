// Clients for `netkata verify --probe client-close`'s tests: node client.mjs <port> <mode>, the same
// modes as client.py (see there).
import net from 'node:net';

const [port, mode] = [Number(process.argv[2]), process.argv[3]];
// allowHalfOpen: after the server's FIN, 'waits' ends its side itself (Node would otherwise do it at once).
const s = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
let got = Buffer.alloc(0);
s.on('error', () => {});
s.on('connect', () => s.write('hello\n'));
s.on('data', (d) => {
  got = Buffer.concat([got, d]);
  if (got.length >= 6 && mode === 'closes-first') s.end();
});
s.on('end', () => s.end());
