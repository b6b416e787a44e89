/** What the benchmark ran on, for the JSON and docs/benchmarks.md. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
  fileDescriptorLimit: string;
}

const cpuModel = (): string => {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
};

const fdLimit = (): string => {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const line = limits.split('\n').find((l) => l.startsWith('Max open files'));
    const parts = line?.split(/\s{2,}/) ?? [];
    return `${parts[1] ?? '?'} soft, ${parts[2] ?? '?'} hard`;
  } catch {
    return 'unknown';
  }
};

export const machineInfo = (): MachineInfo => ({
  nproc: os.availableParallelism(),
  cpuModel: cpuModel(),
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  fileDescriptorLimit: fdLimit(),
});
