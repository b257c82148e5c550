// File servers for `netkata verify --probe file`'s tests: node file.mjs <port> <mode>, the same modes as
// file.py (see there). The checksum is node:crypto's. Binds 127.0.0.1 only.
import { createHash } from 'node:crypto';
import net from 'node:net';

const [port, mode] = [Number(process.argv[2]), process.argv[3]];
const DATA = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7 + 3) % 251));

net
  .createServer((s) => {
    s.on('error', () => {});
    const size = DATA.length + (mode === 'wrong-size' ? 7 : 0);
    const sha256 = createHash('sha256').update(mode === 'wrong-checksum' ? DATA.subarray(1) : DATA).digest('hex');
    const head = Buffer.from(JSON.stringify({ name: 'data.bin', size, sha256 }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(head.length);
    if (mode !== 'no-header') s.write(Buffer.concat([length, head]));
    s.end(DATA);
  })
  .listen(port, '127.0.0.1');
