// Runs the bayegan CLI in this process and, on exit, writes this process's CPU time (all
// threads) and peak RSS to the file named by BAYEGAN_MEASURE_FILE; scripts/bench.ts reads it.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  const file = process.env.BAYEGAN_MEASURE_FILE;
  if (file) writeFileSync(file, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssKb: maxRSS }));
});

await import('../bin/bayegan.mjs');
