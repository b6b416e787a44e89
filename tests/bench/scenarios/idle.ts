import type { ScenarioResult } from '../lib/report';
export const runIdle = async (_o: unknown): Promise<ScenarioResult> => {
  throw new Error('todo');
};
