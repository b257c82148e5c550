import type { Command } from 'commander';

// Registers this capability's commands. Keep top-level imports light: load heavy modules inside actions.
export function registerLabCommands(program: Command): void {
  void program;
}
