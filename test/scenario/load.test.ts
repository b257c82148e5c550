import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/errors.js';
import { loadYaml } from '../../src/scenario/load.js';

const schema = z.object({
  name: z.string(),
  steps: z.array(z.object({ expect: z.record(z.string(), z.enum(['LISTEN', 'ESTABLISHED'])) }).strict()),
});

function errorOf(text: string): string {
  try {
    loadYaml(text, 'x.yaml', schema);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('no error');
}

describe('loadYaml', () => {
  it('returns the validated data', () => {
    expect(loadYaml('name: a\nsteps:\n  - expect: { c: LISTEN }\n', 'x.yaml', schema)).toEqual({
      name: 'a',
      steps: [{ expect: { c: 'LISTEN' } }],
    });
  });
  it('names file, line and field of a bad value', () => {
    const msg = errorOf('name: a\nsteps:\n  - expect: { c: LISTEN }\n  - expect:\n      c: ESTABLISH\n');
    expect(msg).toMatch(/^x\.yaml:5: steps\[1\]\.expect\.c: /);
  });
  it('names the line of the parent when a field is missing', () => {
    expect(errorOf('steps: []\n')).toMatch(/^x\.yaml:1: name: /);
  });
  it('reports YAML syntax errors with their line', () => {
    expect(errorOf('name: a\nsteps: [\n')).toMatch(/^x\.yaml:\d+: /);
  });
  it('rejects duplicate keys', () => {
    expect(errorOf('name: a\nname: b\nsteps: []\n')).toMatch(/^x\.yaml:2: /);
  });
});
