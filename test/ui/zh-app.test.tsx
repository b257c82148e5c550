// The app in zh mode shows no English interface text: every screen this test can reach without
// sockets (home, help, calculators, concepts, practice, the lab's menu) is searched for the English
// catalogue's own labels (src/i18n/en/app.ts and lab.ts, which the zh frames must not contain) and
// for any two lower-case English words in a row (text hard-coded outside the catalogue). Names stay
// as they are: RFC state names, protocols, IANA registry names, socket and topic identifiers.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { messages } from '../../src/i18n/index.js';
import { EXPERIMENTS } from '../../src/lab/experiments/index.js';
import { TOPICS } from '../../src/practice/question.js';
import { KEY, renderApp, tick, type, type Rendered } from './helpers.js';

afterEach(() => cleanup());

const PHRASE = /\b[a-z]{3,} [a-z]{3,}\b/;
/** English labels worth looking for: several words, or one word of 5+ letters that is not a name. */
const labels = [...Object.values(messages('en').app), ...Object.values(messages('en').lab)]
  .filter((v): v is string => typeof v === 'string')
  .filter((v) => / [a-z]/.test(v) || /^[a-z]{5,}$/.test(v))
  .filter((v) => !/^(netkata|binary|global|loopback|multicast|broadcast|teredo|special|shared|private)$/.test(v))
  // identifiers, shown as the CLI takes them: practice topics, experiment names
  .filter((v) => !(TOPICS as readonly string[]).includes(v) && !EXPERIMENTS.some((e) => e.name === v));

function englishIn(frame: string): string[] {
  // a single word as a word, and not a call in code (`close()`)
  const found = labels.filter((l) => (l.includes(' ') ? frame.includes(l) : new RegExp(`\\b${l}\\b(?!\\()`).test(frame)));
  // The command the lab screen points to (netkata verify ...) stays as a reader types it.
  const phrase = PHRASE.exec(frame.replace(/netkata verify .*$/m, ''));
  return phrase ? [...found, phrase[0]] : found;
}

async function screens(): Promise<[string, string][]> {
  const seen: [string, string][] = [];
  const keep = (what: string, app: Rendered): void => void seen.push([what, app.frame()]);
  let app = renderApp({ lang: 'zh' });
  await tick();
  keep('home', app);
  await app.press('?');
  keep('help', app);
  cleanup();
  app = renderApp({ lang: 'zh', screen: 'calc' });
  await tick();
  for (const input of ['192.168.12.87/24', '192.168.1.10 192.168.1.200 /24', '100.64.0.1', '2001:db8::1', '10.0.0.0/24 /26', '22', '01:00:5e:00:00:fb']) {
    await type(app, input);
    keep(`calculator ${input}`, app);
    await app.press(KEY.ctrlU, KEY.down);
  }
  await app.press('?');
  keep('calculator help', app);
  cleanup();
  app = renderApp({ lang: 'zh', screen: 'concepts' });
  await tick();
  for (let i = 0; i < 5; i++) {
    await app.press('n');
    keep(`concepts ${i}`, app);
    await app.press(KEY.right);
  }
  cleanup();
  app = renderApp({ lang: 'zh', screen: 'practice' });
  await tick();
  keep('practice topics', app);
  cleanup();
  app = renderApp({ lang: 'zh', screen: 'lab' });
  await tick();
  keep('lab menu', app);
  await app.press('?');
  keep('lab help', app);
  return seen;
}

describe('the app in zh mode', () => {
  it('shows Chinese on every screen and none of the English labels', async () => {
    expect(labels.length).toBeGreaterThan(100);
    const frames = await screens();
    for (const [what, frame] of frames) {
      expect(frame, what).toMatch(/[\u4e00-\u9fff]/);
      expect(englishIn(frame), `${what}:\n${frame}`).toEqual([]);
    }
    const all = frames.map(([, f]) => f).join('\n');
    // a few the audit moved into the catalogue
    expect(all).toContain('本帮助（按任意键关闭）');
    expect(all).toMatch(/subnet +子网划分/);
    expect(all).toMatch(/范围 +共享（运营商级 NAT）/);
    expect(all).toMatch(/二进制 +0010000000000001/);
  }, 60_000);
});
