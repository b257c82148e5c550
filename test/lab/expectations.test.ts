import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkExpectations, deepContains, matchSequence } from '../../src/lab/expectations.js';
import { EXPERIMENTS, findExperiment } from '../../src/lab/experiments/index.js';
import { loadLabScenario } from '../../src/scenario/lab.js';

const s = (t: string) => t.split(' ').map((x) => ({ state: x.replace('?', '') as never, optional: x.endsWith('?') }));

describe('lab expectations', () => {
  it('optional states may be missing, required ones may not, nothing extra is allowed', () => {
    expect(matchSequence(s('SYN_SENT? ESTABLISHED'), ['ESTABLISHED'])).toBe(true);
    expect(matchSequence(s('SYN_SENT? ESTABLISHED'), ['SYN_SENT', 'ESTABLISHED'])).toBe(true);
    expect(matchSequence(s('SYN_SENT? ESTABLISHED'), ['SYN_SENT'])).toBe(false);
    expect(matchSequence(s('ESTABLISHED'), ['ESTABLISHED', 'CLOSED'])).toBe(false);
  });
  it('applies a * pattern to every matching socket and compares results deeply', () => {
    const r = checkExpectations({ sequences: { 'client-*': s('FIN_WAIT_2') }, result: { held: { state: 'LAST_ACK' } } }, { 'client-1': ['FIN_WAIT_2'], 'client-2': ['CLOSED'] }, { held: { state: 'LAST_ACK', sendQueue: 3 } });
    expect(r.failures).toEqual([{ field: 'sequences.client-2', expected: 'FIN_WAIT_2', actual: 'CLOSED' }]);
    expect(deepContains([true, false], [true, false])).toBe(true);
    expect(deepContains([true], [true, false])).toBe(false);
  });
});

describe('scenarios/lab', () => {
  const dir = new URL('../../scenarios/lab/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('has one file per experiment', () => {
    expect(files.map((f) => f.replace('.yaml', '')).sort()).toEqual(EXPERIMENTS.map((e) => e.name).sort());
  });
  it.each(files)('%s loads with its experiment\'s parameter schema', (f) => {
    const exp = findExperiment(f.replace('.yaml', ''))!;
    const sc = loadLabScenario(readFileSync(new URL(f, dir), 'utf8'), f, exp.params.prefault({}));
    expect(sc.name).toBe(exp.name);
  });
  it('names file, line and field of a bad state or parameter', () => {
    const bad = (text: string, params = findExperiment('close-wait')!.params.prefault({})) => {
      try {
        loadLabScenario(text, 'x.yaml', params);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(bad('name: close-wait\ntitle: t\nparams: {}\nexpect:\n  sequences:\n    client: [ESTABLISH]\n')).toMatch(/^x\.yaml:6: expect\.sequences\.client\[0\]: unknown state "ESTABLISH"/);
    expect(bad('name: close-wait\ntitle: t\nparams:\n  clients: 0\n')).toMatch(/^x\.yaml:4: params\.clients: /);
  });
});
