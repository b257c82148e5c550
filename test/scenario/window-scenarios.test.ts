/**
 * Every built-in window scenario (scenarios/window/*.yaml) parses and passes its own expectations, which
 * were written from the textbook figures and RFC rules their descriptions cite; and the schema's errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWindowScenarioText, parseWindowScenario } from '../../src/scenario/window.js';
import { runWindowScenario } from '../../src/tcp/window-run.js';
import { errorOf } from '../helpers/input-error.js';

const dir = new URL('../../scenarios/window/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('built-in window scenarios', () => {
  it('there are the issue\'s four kinds: the textbook run, zero window, Reno/NewReno, Tahoe/Reno', () => {
    expect(files).toEqual(expect.arrayContaining(['textbook-reno.yaml', 'zero-window-persist.yaml', 'reno-two-losses.yaml', 'newreno-two-losses.yaml', 'tahoe-three-dupacks.yaml', 'reno-three-dupacks.yaml']));
  });

  it.each(files)('%s passes', (f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    expect(isWindowScenarioText(text)).toBe(true);
    const s = parseWindowScenario(text, `scenarios/window/${f}`);
    expect(s.name).toBe(f.slice(0, -5));
    expect(s.expect.length).toBeGreaterThan(0);
    const run = runWindowScenario(s);
    expect(run.failures).toEqual([]);
  });

  it('the paired scenarios differ only in the variant', () => {
    const strip = (f: string) => readFileSync(join(dir, f), 'utf8').replace(/^(name|title|variant|description|zh|  title|expect|  - ).*\n(  \S.*\n)*/gm, '');
    expect(strip('reno-two-losses.yaml')).toBe(strip('newreno-two-losses.yaml'));
    expect(strip('tahoe-three-dupacks.yaml')).toBe(strip('reno-three-dupacks.yaml'));
  });
});

describe('window scenario schema', () => {
  const base = 'kind: window\nname: x\ntitle: t\n';
  it('names the field and line of a mistake', () => {
    expect(errorOf(() => parseWindowScenario(`${base}send: { segments: 3 }\nmss: 1000\n`, 'x.yaml'))).toMatch(/^x\.yaml:5: mss: mss is for unit: bytes/);
    expect(errorOf(() => parseWindowScenario(`${base}send: { segments: 3 }\nloss: [{ round: 3 }]\n`, 'x.yaml'))).toMatch(/^x\.yaml:5: loss\[0\]: a loss is one of/);
    expect(errorOf(() => parseWindowScenario(`${base}unit: bytes\nsend: { segments: 3 }\n`, 'x.yaml'))).toMatch(/send: with unit: bytes, send \{ bytes: n \}/);
  });
  it('defaults: RFC 5681 "arbitrarily high" ssthresh (the buffer), equation (1) IW in bytes', () => {
    const s = parseWindowScenario(`${base}unit: bytes\nsend: { bytes: 3000 }\n`, 'x.yaml');
    expect(s.config).toMatchObject({ mss: 1460, iw: 4380, buffer: 65_535, ssthresh: 65_535 });
  });
});
