import type { ScenarioResult } from '../lib/report';
export const runAccuracy = async (_o: unknown): Promise<ScenarioResult> => {
  throw new Error('todo');
};
