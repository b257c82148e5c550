/**
 * The text report of `netkata verify`: each check with its verdict and the kernel states of the
 * program's sockets it is about (observed, and [inferred] where the poll missed a state the machine
 * says the socket passed), then the verdict. For people, not a contract: `--json` is the contract.
 */
import { foldLine as fold } from '../fold.js';
import { messages, type Lang } from '../i18n/index.js';
import { violationText, type PathStep } from '../lab/conformance.js';
import { palette, REPORT_WIDTH } from '../lab/format.js';
import type { VerifyCheck, VerifyReport } from './run.js';

export interface VerifyFormatOptions {
  readonly color: boolean;
  readonly lang?: Lang;
}

export function formatVerifyReport(r: VerifyReport, o: VerifyFormatOptions): string {
  const c = palette(o.color);
  const all = messages(o.lang ?? 'en');
  const t = all.verify;
  const out: string[] = [];
  out.push(...fold(c.bold(t.heading(r.probe, o.lang === 'zh' && r.titleZh ? r.titleZh : r.title)), REPORT_WIDTH, 2));
  const command = r.command ? r.command.join(' ') : t.external;
  out.push(...fold(`${c.dim(t.program)}${t.labelSep}${t.programLine(command, r.pid === null ? '?' : String(r.pid), r.port)}`, REPORT_WIDTH, 2));
  out.push('');
  const width = Math.max(...r.checks.map((k) => k.name.length));
  for (const k of r.checks) {
    const verdict = k.ok ? c.green(t.pass) : c.red(t.fail);
    out.push(...fold(`${verdict} ${k.name.padEnd(width)}  ${describe(k, t, all.lab)}`, REPORT_WIDTH, width + 7));
    for (const s of k.sockets) out.push(...fold(`${' '.repeat(width + 7)}${s.socket}: ${pathText(s.path, c.dim)}`, REPORT_WIDTH, 2));
  }
  if (r.sockets && Object.keys(r.sockets).length > 0 && r.checks.some((k) => k.sockets.length > 0)) out.push(...fold(c.dim(`  ${all.lab.legend}`), REPORT_WIDTH, 2));
  if (r.programExit) {
    const how = r.programExit.signal ? t.exitSignal(r.programExit.signal) : t.exitCode(r.programExit.code ?? 0);
    out.push('', t.exited(r.programExit.at, how));
    const tail = r.stderr.trim().split('\n').slice(-3);
    if (tail.length > 0 && tail[0] !== '') out.push(c.dim(`  ${t.stderr}`), ...tail.map((l) => c.dim(`    ${l.slice(0, REPORT_WIDTH - 4)}`)));
  }
  if (r.error) {
    const during = r.error.step !== undefined && r.error.verb !== undefined ? t.duringStep(r.error.step + 1, r.error.verb) : '';
    out.push('', c.red(r.error.kind === 'timeout' ? `${t.timeout(r.timeoutMs)}${during}` : t.interruptedDuring(during)));
  }
  out.push('');
  const failed = r.checks.filter((k) => !k.ok).length;
  // A run cut short (timeout, Ctrl-C) fails though none of its checks did: say so, not '0 of N failed'.
  out.push(r.ok ? c.green(t.verdictOk(r.checks.length)) : c.red(failed === 0 && r.error ? t.verdictUnfinished : t.verdictBad(failed, r.checks.length)));
  return out.join('\n');
}

type VerifyText = ReturnType<typeof messages>['verify'];

function describe(k: VerifyCheck, t: VerifyText, lab: ReturnType<typeof messages>['lab']): string {
  const d = k.detail;
  switch (d.kind) {
    case 'reply':
      return `${d.client}${t.labelSep}${t.reply(d.expected, d.got, d.ms, d.within)}${d.why ? `${t.partSep}${t.replyWhy[d.why]}` : ''}`;
    case 'states':
      return `${t.states(`server<-${d.client}`, d.expected.join(' -> '), d.within)}${d.missing ? `${t.partSep}${t.statesMissing(d.missing)}` : ''}`;
    case 'no-state':
      return `${t.noState(d.state, d.within)}${d.left.length > 0 ? `${t.partSep}${t.noStateLeft(d.left.join(', '))}` : ''}`;
    case 'accepts':
      return `${t.accepts(d.ms, d.within)}${d.why === 'refused' ? `${t.partSep}${t.acceptsWhy.refused(d.error ?? '')}` : d.why ? `${t.partSep}${t.acceptsWhy[d.why]}` : ''}`;
    case 'file': {
      const head = d.header ? t.file(d.header.name, d.header.size, d.bytes, d.ms, d.within) : t.fileNoHeader(d.bytes, d.ms, d.within);
      return `${d.client}${t.labelSep}${head}${d.why ? `${t.partSep}${fileWhyText(d, t)}` : ''}`;
    }
    case 'datagrams':
      return `${t.datagrams(d.sent.length, datagramList(d.expected), datagramList(d.got), d.ms, d.within)}${d.why ? `${t.partSep}${t.datagramsWhy[d.why]}` : ''}`;
    case 'udp-socket':
      return t.udpSocket(d.port, d.sockets.length === 0 ? t.udpSocketNone : d.sockets.map((s) => t.udpSocketLine(s.local, s.drops, s.rxQueue)).join(', '));
    case 'accept-client':
      return `${t.acceptClient(d.client, d.ms, d.within)}${d.why ? `${t.partSep}${t.acceptClientWhy[d.why]}` : ''}`;
    case 'client-states':
      return `${t.clientStates(d.client, d.expected.join(' -> '), d.within)}${d.missing ? `${t.partSep}${t.statesMissing(d.missing)}` : ''}`;
    case 'conformance':
      // A violation's message is English (the JSON's); its `why` says the same in the chosen language.
      return [t.conformance, ...d.violations.map((v) => (v.why === undefined ? v.message : violationText(v.why, lab)))].join(t.partSep);
    case 'step':
      return t.step(d.verb, d.error);
  }
}

/** `(LISTEN) -> [SYN_RECEIVED] -> ESTABLISHED`: (start), [not seen by the poll], observed. */
export function pathText(path: readonly PathStep[], dim: (s: string) => string = (s) => s): string {
  return path.map((p, i) => (i === 0 && !p.observed ? dim(`(${p.state})`) : p.observed ? p.state : dim(`[${p.state}]`))).join(' -> ');
}

function fileWhyText(d: Extract<VerifyCheck['detail'], { kind: 'file' }>, t: VerifyText): string {
  if (d.why === 'checksum') return t.fileWhy.checksum(d.sha256 ?? '', d.header?.sha256 ?? '');
  if (d.why === 'header' && d.problem) {
    const p = d.problem;
    const text = p.code === 'no-length' || p.code === 'cut' || p.code === 'json' ? t.fileProblem[p.code](p.n) : p.code === 'length' ? t.fileProblem.length(p.n, p.hex) : p.code === 'missing' ? t.fileProblem.missing(p.keys) : t.fileProblem[p.code];
    return `${t.fileWhy.header}${t.partSep}${text}`;
  }
  return d.why ? t.fileWhy[d.why] as string : '';
}

/** `["one", "abcdefghijklmnop..."(2000 B)]`: a long datagram shown by its start and its length. */
function datagramList(list: readonly string[]): string {
  const one = (x: string): string => {
    const bytes = Buffer.byteLength(x, 'utf8');
    return bytes > 24 ? `${JSON.stringify(`${x.slice(0, 16)}...`)}(${bytes} B)` : JSON.stringify(x);
  };
  return `[${list.map(one).join(', ')}]`;
}
