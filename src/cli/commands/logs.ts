import { UsageError } from '../../errors.js';
import type { Command } from '../io.js';

// Placeholder until the engine lands (owned by the engine work).
export const run: Command = async () => {
  throw new UsageError('initsteps logs: not available yet');
};
