#!/usr/bin/env node
// Keystroke to frame in the calculators: the built app (dist/) rendered with ink-testing-library on
// the subnet calculator; each sample writes one key to stdin and times until lastFrame() shows that
// key's result (typing `4` after `192.168.12.87/2` must show broadcast 192.168.12.255; Backspace must
// bring back the /2 broadcast 255.255.255.255). Baseline in the same run: a minimal ink component that
// only echoes the key (ink's own input -> render -> frame cost). Medians of SAMPLES each.
//
//   node bench/ui-keystroke.bench.js [samples]     (or: npm run bench ui-keystroke)
import { stripVTControlCharacters } from 'node:util';
import { createElement, useState } from 'react';
import { Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { App } from '../dist/ui/App.js';
import { themeFor } from '../dist/ui/theme.js';
import { median } from './stats.js';

const SAMPLES = Math.max(20, Number(process.argv[2] ?? 200));
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

/** Poll (every macrotask, no sleeps) until the frame satisfies `ok`; throws after 5 s with the frame. */
async function waitFor(r, ok, what) {
  const t0 = performance.now();
  while (!ok(stripVTControlCharacters(r.lastFrame() ?? ''))) {
    if (performance.now() - t0 > 5000) throw new Error(`no frame with ${what}:\n${r.lastFrame()}`);
    await new Promise((res) => setImmediate(res));
  }
}

/** Write `key`, then poll (every macrotask, no sleeps) until the frame satisfies `ok`; ms elapsed. */
async function keyToFrame(r, key, ok) {
  const t0 = performance.now();
  r.stdin.write(key);
  for (;;) {
    if (ok(stripVTControlCharacters(r.lastFrame() ?? ''))) return performance.now() - t0;
    if (performance.now() - t0 > 5000) throw new Error(`no frame for ${JSON.stringify(key)}:\n${r.lastFrame()}`);
    await new Promise((res) => setImmediate(res));
  }
}

function Echo() {
  const [last, setLast] = useState('');
  useInput((input) => setLast(input));
  return createElement(Text, null, `key ${last}`);
}

async function measureBaseline() {
  const r = render(createElement(Echo));
  await waitFor(r, (f) => f.startsWith('key'), 'the echo component');
  await new Promise((res) => setTimeout(res, 0)); // ink subscribes to input in an effect after the first frame
  const out = [];
  for (let i = 0; i < SAMPLES; i++) {
    const k = i % 2 ? 'a' : 'b';
    out.push(await keyToFrame(r, k, (f) => f.includes(`key ${k}`)));
  }
  r.unmount();
  return out;
}

async function measureCalculator() {
  const r = render(createElement(App, { lang: 'en', theme: themeFor({ NO_COLOR: '1' }), initialScreen: 'calc' }));
  // Screens load lazily: keys typed before the calculator has drawn (and subscribed to input) are lost.
  await waitFor(r, (f) => f.includes('> subnet'), 'the subnet calculator');
  await new Promise((res) => setTimeout(res, 0));
  r.stdin.write('192.168.12.87/2');
  await waitFor(r, (f) => /broadcast\s+255\.255\.255\.255/.test(f), 'the /2 result');
  const out = [];
  for (let i = 0; i < SAMPLES; i++) {
    // RFC 950 arithmetic, checked with Python's ipaddress: /24 -> 192.168.12.255; /2 -> 255.255.255.255
    if (i % 2 === 0) out.push(await keyToFrame(r, '4', (f) => /broadcast\s+192\.168\.12\.255/.test(f)));
    else out.push(await keyToFrame(r, '\u007f', (f) => /broadcast\s+255\.255\.255\.255/.test(f)));
  }
  r.unmount();
  return out;
}

// Warm-up of both, then the measured runs.
await measureBaseline();
await measureCalculator();
const base = await measureBaseline();
const calc = await measureCalculator();
console.log(`samples: ${SAMPLES} keystrokes each (ink-testing-library frames, dist/ build)`);
console.log(`baseline, ink echo component:   median ${median(base).toFixed(2)} ms  p95 ${p95(base).toFixed(2)} ms`);
console.log(`subnet calculator key -> result: median ${median(calc).toFixed(2)} ms  p95 ${p95(calc).toFixed(2)} ms`);
console.log(`ratio calculator / echo: ${(median(calc) / median(base)).toFixed(2)}x  (issue 5 target: under 50 ms)`);
