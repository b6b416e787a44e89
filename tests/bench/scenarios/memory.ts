import type { ScenarioResult } from '../lib/report';
export const runMemory = async (_o: unknown): Promise<ScenarioResult> => {
  throw new Error('todo');
};
