import type { ScenarioResult } from '../lib/report';
export const runThroughput = async (_o: unknown): Promise<ScenarioResult> => {
  throw new Error('todo');
};
