/**
 * The screens behind the home menu, loaded after the first frame: importing them all (zod, yaml,
 * @inkjs/ui, ip-address, the lab's experiments, the concept lessons) took about 450 ms here, which the
 * home screen does not need (bench/ui-startup.bench.js measures the first frame).
 */
import type { ScreenProps } from './screen-props.js';

type Screen = (props: ScreenProps) => React.JSX.Element;

export interface ScreenModules {
  readonly calc: Screen;
  readonly tcp: Screen;
  readonly concepts: Screen;
  readonly lab: Screen;
  readonly practice: Screen;
  readonly traffic: Screen;
}

let loaded: ScreenModules | undefined;
let loading: Promise<ScreenModules> | undefined;

/** The screens if they have been loaded, else undefined. */
export function loadedScreens(): ScreenModules | undefined {
  return loaded;
}

export function loadScreens(): Promise<ScreenModules> {
  loading ??= Promise.all([
    import('./calc/CalculatorsScreen.js'),
    import('./tcp/TcpScreen.js'),
    import('./concepts/ConceptsScreen.js'),
    import('./lab/LabScreen.js'),
    import('./practice/PracticeScreen.js'),
    import('./traffic/TrafficScreen.js'),
  ]).then(([calc, tcp, concepts, lab, practice, traffic]) => {
    loaded = {
      calc: calc.CalculatorsScreen,
      tcp: tcp.TcpScreen,
      concepts: concepts.ConceptsScreen,
      lab: lab.LabScreen,
      practice: practice.PracticeScreen,
      traffic: traffic.TrafficScreen,
    };
    return loaded;
  });
  return loading;
}
