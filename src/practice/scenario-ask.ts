/**
 * A TCP scenario's `ask` steps as practice questions: the scenario runs in the simulator up to the
 * step, and the question shows what happened so far (the ladder is the working).
 */
import type { TcpScenario } from '../scenario/tcp.js';
import { describeStep, Simulation } from '../tcp/simulation.js';
import { messages } from '../i18n/index.js';
import { ladder } from './ladder.js';
import { readFlags, readInteger, readState } from './normalise.js';
import type { AnswerKind, Question, Text } from './question.js';

function kindFor(answer: string, choices: readonly string[] | undefined): AnswerKind {
  if (choices !== undefined) return { kind: 'choice' };
  if (readState(answer).ok) return { kind: 'state' };
  if (/^\d+$/.test(answer.trim()) && readInteger(answer).ok) return { kind: 'integer' };
  if (/^[A-Z,]+$/.test(answer.trim()) && readFlags(answer).ok) return { kind: 'flags' };
  return { kind: 'text' };
}

export function askQuestions(scenario: TcpScenario): Question[] {
  const out: Question[] = [];
  const sim = new Simulation(scenario);
  const done: string[] = [];
  const doneZh: string[] = [];
  const zhText = messages('zh').tcp;
  scenario.steps.forEach((step, index) => {
    if (!('ask' in step)) return;
    while (sim.next < index) {
      const s = scenario.steps[sim.next]!;
      if (!('ask' in s) && !('expect' in s)) {
        done.push(describeStep(s));
        doneZh.push(describeStep(s, zhText));
      }
      sim.step();
    }
    const ask = step.ask;
    // The zh block (SCENARIOS.md ask steps) when the file has one, else the English text in both.
    const zh = ask.zh;
    const both = (en: string, z: string | undefined): Text => ({ en, zh: z ?? en });
    const segs = sim.snapshot().segments;
    // The question is the ask text alone. The title states what the scenario shows ("Abort: RST instead
    // of FIN, no TIME_WAIT"), and the step log and segments up to the ask are the run that answers it
    // (the SYN,ACK's ack number, the RST Linux sends, "advance 999ms"), so all three go into the working,
    // shown after the answer.
    const lead = { en: `TCP scenario (step ${index + 1})`, zh: `TCP 场景（第 ${index + 1} 步）` };
    const lad = ladder(segs);
    const working: Text = {
      en: `${scenario.title} (scenario ${scenario.name})\nsteps: ${done.join('; ')}${lad.en === '' ? '' : `\n${lad.en}`}`,
      zh: `${scenario.titleZh ?? scenario.title}（场景 ${scenario.name}）\n已执行：${doneZh.join('；')}${lad.zh === '' ? '' : `\n${lad.zh}`}`,
    };
    const q: Question = {
      id: `${scenario.name}#${index + 1}`,
      topic: 'tcp',
      source: `scenario:${scenario.name}`,
      prompt: { en: `${lead.en}\n${ask.prompt}`, zh: `${lead.zh}\n${zh?.prompt ?? ask.prompt}` },
      answer: both(ask.answer, zh?.answer),
      accepts: [],
      check: kindFor(ask.answer, ask.choices),
      explanation: both(ask.explain, zh?.explain),
      working,
      params: { scenario: scenario.name, step: index + 1 },
    };
    out.push(ask.choices === undefined ? q : { ...q, choices: ask.choices.map((c, i) => both(c, zh?.choices?.[i])) });
  });
  return out;
}
