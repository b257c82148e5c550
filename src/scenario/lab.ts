/**
 * The schema of `scenarios/lab/*.yaml` (SCENARIOS.md, lab expectations): an experiment's name, title,
 * the parameters it runs with, and what the kernel must show (`sequences`, a state per step, `?` marks a
 * state the poll may miss) and what its `result` must contain. Text in, data out: the caller reads files.
 */
import { z } from 'zod';
import { loadYaml } from './load.js';
import { addReason, said } from './issue.js';
import { reason } from '../errors.js';
import { TCP_STATES as LAB_STATES, type TcpState as LabStateName } from '../tcp/states.js';

export interface ExpectedState {
  readonly state: LabStateName;
  readonly optional: boolean;
}

const StateStep = z.string().transform((s, ctx): ExpectedState => {
  const optional = s.endsWith('?');
  const state = optional ? s.slice(0, -1) : s;
  if (!(LAB_STATES as readonly string[]).includes(state)) {
    addReason(ctx, reason('labState', { state, states: LAB_STATES }));
    return z.NEVER;
  }
  return { state: state as LabStateName, optional };
});

/** Socket names, or a pattern with `*` (`client-*`) that applies to every socket it matches. */
const SocketName = z.string().regex(/^[a-z][a-z0-9*-]*$/, said(reason('socketName')));

const Json: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(Json), z.record(z.string(), Json)]));

export function labScenarioSchema<P extends z.ZodType>(params: P) {
  return z
    .object({
      name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, said(reason('kebab'))),
      title: z.string().min(1),
      /** Simplified Chinese beside the English: the title, and the explanation the report and the app show. */
      zh: z.object({ title: z.string().min(1), explain: z.string().min(1) }).strict().optional(),
      params: params,
      expect: z
        .object({
          sequences: z.record(SocketName, z.array(StateStep).min(1)).optional(),
          /** A subset of the result: every key given must be present with an equal value (deeply). */
          result: z.record(z.string(), Json).optional(),
        })
        .strict()
        .default({}),
    })
    .strict();
}

const AnyParams = z.record(z.string(), Json).default({});
export type LabScenario = z.output<ReturnType<typeof labScenarioSchema<typeof AnyParams>>>;

/** Parse a lab scenario; `params` validated with the experiment's own schema when given. */
export function loadLabScenario<P extends z.ZodType = typeof AnyParams>(
  text: string,
  file: string,
  params?: P,
): Omit<LabScenario, 'params'> & { params: z.output<P> } {
  return loadYaml(text, file, labScenarioSchema(params ?? AnyParams)) as Omit<LabScenario, 'params'> & { params: z.output<P> };
}
