import { renderResults } from './lib/report';
import { runThroughput } from './scenarios/throughput';

const r = await runThroughput({ delegations: 1000, repeats: 1 });
console.log(renderResults([r]));
console.log(JSON.stringify((r.data as { attempts: unknown[] }).attempts, null, 1).slice(0, 3000));
process.exit(0);
