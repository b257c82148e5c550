import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { LangContext } from '../../src/ui/i18n/strings.js';
import { builtinScenarioDir } from '../../src/cli/scenario-files.js';
import { SimulatorView } from '../../src/ui/tcp/SimulatorView.js';
import { KEY, tick, type Rendered, withHelpers } from './helpers.js';

afterEach(() => cleanup());

const scenario = (name: string) =>
  parseTcpScenario(readFileSync(join(builtinScenarioDir(), `${name}.yaml`), 'utf8'), `scenarios/tcp/${name}.yaml`);

function renderSim(name: string): Rendered {
  return withHelpers(
    render(
      <LangContext.Provider value="zh">
        <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
          <SimulatorView scenario={scenario(name)} width={80} height={24} onBack={() => {}} playInterval={700} />
        </ThemeContext.Provider>
      </LangContext.Provider>,
    ),
  );
}

describe('dbg', () => {
  it('shows', async () => {
    const app = renderSim('lost-syn');
    await tick();
    console.log(app.frame());
    for (let i = 0; i < 4; i++) await app.press(KEY.right);
    console.log(app.frame());
    await app.press('d');
    for (let i = 0; i < 4; i++) await app.press(KEY.right);
    console.log(app.frame());
  });
});
