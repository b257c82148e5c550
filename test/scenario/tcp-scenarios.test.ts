/** Every built-in scenario file is a test case: it parses and all its expectations hold. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { runScenario, Simulation } from '../../src/tcp/simulation.js';

const dir = new URL('../../scenarios/tcp/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const load = (f: string) => parseTcpScenario(readFileSync(join(dir, f), 'utf8'), `scenarios/tcp/${f}`);

describe('built-in TCP scenarios', () => {
  it('cover every situation the issue lists', () => {
    const names = files.map((f) => f.replace(/\.yaml$/, ''));
    for (const n of [
      'handshake', 'normal-close', 'time-wait', 'lost-final-ack', 'lost-syn', 'lost-syn-ack', 'lost-third-ack',
      'simultaneous-open', 'simultaneous-close', 'half-close', 'close-unacked-data', 'rst-closed-port', 'abort',
      'keepalive-dead-peer', 'fin-wait-2-timeout', 'syn-flood', 'syn-flood-cookies',
    ]) expect(names).toContain(n);
  });

  it.each(files)('%s: name matches the file, every expectation holds', (f) => {
    const s = load(f);
    expect(`${s.name}.yaml`).toBe(f);
    expect(s.steps.some((st) => 'expect' in st)).toBe(true);
    const r = runScenario(s);
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it.each(files)('%s: a practice question whose answer is one of its choices', (f) => {
    const asks = load(f).steps.filter((st): st is { ask: { answer: string; choices?: readonly string[] } } => 'ask' in st);
    for (const { ask } of asks) if (ask.choices) expect(ask.choices).toContain(ask.answer);
  });

  it.each(files)('%s: the same scenario always gives the same run', (f) => {
    const s = load(f);
    expect(JSON.stringify(runScenario(s))).toBe(JSON.stringify(runScenario(s)));
  });
});

describe('scenarios that teach a difference of the linux profile', () => {
  it('syn-ack-give-up: RFC 9293 closes the passive open, Linux keeps the listener in LISTEN', () => {
    const r = runScenario(load('syn-ack-give-up.yaml'), { profile: 'linux' });
    expect(r.passed).toBe(false);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ field: 'server', expected: 'CLOSED', actual: 'LISTEN' });
  });

  it('half-close: data after close() is answered with a RST on Linux', () => {
    const r = runScenario(load('half-close.yaml'), { profile: 'linux' });
    expect(r.passed).toBe(false);
    const rst = r.segments.find((s) => s.flags.startsWith('RST'));
    expect(rst).toMatchObject({ from: 'client', flags: 'RST,ACK' });
    expect(r.failures[0]).toMatchObject({ field: 'client', expected: 'FIN_WAIT_2', actual: 'CLOSED' });
  });

  it('time-wait: Linux keeps TIME_WAIT 60 s even with MSL 5 s', () => {
    const text = readFileSync(join(dir, 'time-wait.yaml'), 'utf8').replace('msl: 30s', 'msl: 5s');
    const rfc = new Simulation(parseTcpScenario(text, 'x.yaml')).run();
    const linux = new Simulation(parseTcpScenario(text, 'x.yaml'), { profile: 'linux' }).run();
    // 2*MSL = 10 s under RFC 9293: the client is CLOSED before the 59 s check.
    expect(rfc.failures.map((f) => f.field)).toContain('client');
    expect(linux.passed).toBe(true);
  });

  it('close-unread-data: under RFC 9293 the same close is an orderly FIN', () => {
    const r = runScenario(load('close-unread-data.yaml'), { profile: 'rfc9293' });
    expect(r.passed).toBe(false);
    expect(r.segments.some((s) => s.flags.startsWith('RST'))).toBe(false);
    expect(r.final).toEqual({ client: 'CLOSE_WAIT', server: 'FIN_WAIT_2' });
  });

  it('abort: the Linux RST carries ACK (tcp_send_active_reset), the RFC one does not (3.10.5)', () => {
    const rfc = runScenario(load('abort.yaml'));
    const linux = runScenario(load('abort.yaml'), { profile: 'linux' });
    expect(rfc.segments.find((s) => s.flags.startsWith('RST'))).toMatchObject({ flags: 'RST', seq: 1501 });
    expect(linux.segments.find((s) => s.flags.startsWith('RST'))).toMatchObject({ flags: 'RST,ACK', seq: 1501, ack: 5001 });
  });
});
