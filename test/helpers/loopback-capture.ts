/**
 * Real traffic on loopback, captured by dumpcap: a Python http.server (HTTP/1.1, so keep-alive works) on
 * an ephemeral port, curl as the client. Used by the replay tests, which hold netkata's reading of the
 * files against tshark's. Needs dumpcap that may capture on lo, python3, curl and tshark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CAN_CAPTURE = ((): boolean => {
  for (const tool of [['dumpcap', '--version'], ['tshark', '--version'], ['editcap', '-h'], ['python3', '--version'], ['curl', '--version']]) {
    if (spawnSync(tool[0]!, tool.slice(1), { timeout: 10_000 }).status !== 0) return false;
  }
  // Capture rights on lo (root or the capture capabilities).
  const r = spawnSync('dumpcap', ['-D'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 && /\blo\b/.test(r.stdout);
})();

export interface HttpServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** `python3 -m http.server`'s own server class, HTTP/1.1, bound to `host` port 0, serving `dir`. */
export async function startHttpServer(host: '127.0.0.1' | '::1', dir: string): Promise<HttpServer> {
  const script = [
    'import http.server as h, socket, sys',
    'class S(h.ThreadingHTTPServer):',
    `    address_family = socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET`,
    'class R(h.SimpleHTTPRequestHandler):',
    "    protocol_version = 'HTTP/1.1'",
    '    def log_message(self, *a): pass',
    // A reply whose end is the server's close (no Content-Length): the client reads until the server's
    // FIN, so the server is always the one that closes first.
    '    def do_GET(self):',
    "        if self.path != '/close-first': return super().do_GET()",
    "        self.send_response(200); self.send_header('Connection', 'close'); self.end_headers()",
    "        self.wfile.write(b'x' * 3000)",
    `s = S((sys.argv[1], 0), lambda *a: R(*a, directory=sys.argv[2]))`,
    "print(s.server_address[1], flush=True)",
    's.serve_forever()',
  ].join('\n');
  const child = spawn('python3', ['-u', '-c', script, host, dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('http server did not start in 10 s')), 10_000);
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (c: string) => {
      out += c;
      const m = /^(\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`http server exited (${code})`)));
  });
  return { port, stop: () => stopChild(child, 'SIGTERM') };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('close', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface Dumpcap {
  stop(): Promise<void>;
}

/** Starts dumpcap with `args` (interfaces, format, filter) writing `file`; resolves once it captures. */
export async function startDumpcap(args: readonly string[], file: string): Promise<Dumpcap> {
  const child = spawn('dumpcap', [...args, '-q', '-w', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('dumpcap did not start in 10 s')), 10_000);
    let err = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (c: string) => {
      err += c;
      // dumpcap names the file once the interface is open and the filter set (as src/lab/capture.ts waits).
      if (/^File: /m.test(err)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`dumpcap exited (${code}): ${err}`)));
  });
  return {
    async stop() {
      // dumpcap reads the kernel's buffer in batches: give the last packets time to reach the file.
      await new Promise((r) => setTimeout(r, 300));
      await stopChild(child, 'SIGINT');
    },
  };
}

/** Runs curl with `args`; resolves with its exit code (an aborted transfer exits non-zero on purpose). */
export function curl(args: readonly string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const c = spawn('curl', ['-s', '-o', '/dev/null', '--max-time', '10', ...args], { stdio: 'ignore' });
    c.once('close', (code) => resolve(code));
  });
}

/** A file of `size` bytes in `dir` for the server to send. */
export function servedFile(dir: string, name: string, size: number): void {
  writeFileSync(join(dir, name), Buffer.alloc(size, 0x61));
}

/** tshark's fields for every TCP frame of `file` (one array per frame) and the text of its `-z conv,tcp` table, from one run. */
export function tsharkRead(file: string, fields: readonly string[]): { rows: string[][]; conv: string } {
  const r = spawnSync('tshark', ['-r', file, '-z', 'conv,tcp', '-T', 'fields', '-E', 'occurrence=f', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`tshark: ${r.stderr}`);
  const at = r.stdout.indexOf('\n====');
  const packets = at < 0 ? r.stdout : r.stdout.slice(0, at);
  return { rows: packets.split('\n').filter((l) => l !== '').map((l) => l.split('\t')), conv: at < 0 ? '' : r.stdout.slice(at) };
}

/** tshark's fields for every TCP frame of `file`, one array per frame. */
export function tsharkFields(file: string, fields: readonly string[], extra: readonly string[] = []): string[][] {
  const r = spawnSync('tshark', ['-r', file, '-Y', 'tcp', ...extra, '-T', 'fields', '-E', 'occurrence=f', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`tshark: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}
