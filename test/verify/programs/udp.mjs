// UDP echo servers for `netkata verify --probe udp-echo`'s tests: node udp.mjs <port> <mode>, the same
// modes as udp.py (see there). Binds 127.0.0.1 only.
import dgram from 'node:dgram';

const [port, mode] = [Number(process.argv[2]), process.argv[3]];
const s = dgram.createSocket('udp4');
let n = 0;
let held = null;
s.on('message', (msg, from) => {
  n++;
  // Node reads each datagram whole; the tutorial's 1024-byte buffer, cut by hand.
  let data = mode === 'truncates' ? msg.subarray(0, 1024) : msg;
  if (mode === 'drops' && n === 2) return;
  if (mode === 'merges') {
    if (held === null) return void (held = data);
    data = Buffer.concat([held, data]);
    held = null;
  }
  s.send(data, from.port, from.address);
});
s.bind(port, '127.0.0.1');
