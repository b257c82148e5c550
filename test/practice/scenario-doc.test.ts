/**
 * Generated TCP questions build their scenario directly (src/practice/generators/scenario-doc.ts) so
 * that `exam` need not load the YAML reader and the schema. The reference is the scenario parser: the
 * built scenario must be exactly what parsing the same document as a file gives, for every story and
 * every timing the generators use, and must run to the same segments.
 */
import { describe, expect, it } from 'vitest';
import { practiceScenario, practiceScenarioDoc } from '../../src/practice/generators/scenario-doc.js';
import { STORY_NAMES, storyScenario } from '../../src/practice/generators/tcp.js';
import { timingScenario } from '../../src/practice/generators/tcp-timing.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { Simulation } from '../../src/tcp/simulation.js';

const cases = [
  ...STORY_NAMES.flatMap((story) => [storyScenario(story, { client: 100, server: 5100 }), storyScenario(story, { client: 8900, server: 13_900 }, 3000, 60_000)]),
  ...[5, 10, 20, 25, 40, 50].flatMap((delay) => [15, 30, 60, 120].map((msl) => timingScenario(delay, msl))),
];

describe('scenarios of generated TCP questions', () => {
  it(`are what the parser makes of the same document (${cases.length} cases)`, () => {
    expect(STORY_NAMES.length).toBeGreaterThan(4);
    for (const c of cases) {
      const parsed = parseTcpScenario(JSON.stringify(practiceScenarioDoc(c)), `practice:${c.name}`);
      expect(practiceScenario(c), c.name).toEqual(parsed);
    }
  });

  it('run to the same segments and transitions as the parsed scenario', () => {
    for (const c of cases.filter((_, i) => i % 3 === 0)) {
      const a = new Simulation(practiceScenario(c));
      const b = new Simulation(parseTcpScenario(JSON.stringify(practiceScenarioDoc(c)), `practice:${c.name}`));
      expect(JSON.stringify(a.run())).toBe(JSON.stringify(b.run()));
    }
  });
});
