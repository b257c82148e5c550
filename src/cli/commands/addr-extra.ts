import type { Command } from 'commander';

// split, aggregate, range, port, mac. Keep top-level imports light: load the calculators inside actions.
export function registerAddressExtraCommands(program: Command): void {
  void program;
}
