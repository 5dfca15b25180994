// Latency percentiles over one kept-alive connection, and throughput over many.
import { performance } from "node:perf_hooks";
import { type HttpRequest, type HttpResult, keepAliveAgent, post } from "./http-client.js";

/** A stream of requests of one kind, and what a right answer to them looks like. */
export interface Workload {
  /** The next request, ready to send (signed just now). */
  next(): HttpRequest;
  /** Whether the response is what the command should get (not an error reply). */
  accepts(result: HttpResult): boolean;
}

export interface LatencySummary {
  requests: number;
  failures: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** The first unexpected response, to see what went wrong. */
  firstFailure?: string;
}

export interface ThroughputSummary {
  connections: number;
  /** The measured window (after the warm-up). */
  seconds: number;
  /** Every request sent, warm-up included. */
  sent: number;
  /** Requests sent and answered in the measured window. */
  requests: number;
  failures: number;
  perSecond: number;
  /** Latency under this load: queueing included. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The load generator's CPU use over the run (1 = one core busy): near 1, it is the limit. */
  clientCpu: number;
  firstFailure?: string;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(
  samples: number[],
  failures: { count: number; first: string | undefined },
): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    requests: sorted.length,
    failures: failures.count,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    ...(failures.first === undefined ? {} : { firstFailure: failures.first }),
  };
}

class Failures {
  count = 0;
  first: string | undefined;

  check(workload: Workload, result: HttpResult): void {
    if (workload.accepts(result)) return;
    this.count += 1;
    this.first ??= `${result.status} ${result.body.slice(0, 300)}`;
  }
}

/** `warmup` requests unmeasured (but checked), then `requests` one after another on a single connection. */
export async function measureSequential(
  origin: URL,
  workload: Workload,
  counts: { warmup: number; requests: number },
): Promise<LatencySummary> {
  const agent = keepAliveAgent(1);
  try {
    const failures = new Failures();
    for (let index = 0; index < counts.warmup; index += 1) {
      failures.check(workload, await post(origin, agent, workload.next()));
    }
    const samples: number[] = [];
    for (let index = 0; index < counts.requests; index += 1) {
      const result = await post(origin, agent, workload.next());
      samples.push(result.ms);
      failures.check(workload, result);
    }
    return summarize(samples, failures);
  } finally {
    agent.destroy();
  }
}

/**
 * `connections` clients, each sending its next request when its last one is answered. The
 * first `warmupMs` are not counted: the connections are opened then. (Opened under full
 * load, a server that runs each request to completion accepts them one per event-loop round.)
 */
export async function measureThroughput(
  origin: URL,
  workload: Workload,
  options: { connections: number; durationMs: number; warmupMs: number },
): Promise<ThroughputSummary> {
  const agent = keepAliveAgent(options.connections);
  const failures = new Failures();
  const samples: number[] = [];
  let sent = 0;
  let cpuBefore = process.cpuUsage();
  const measureFrom = performance.now() + options.warmupMs;
  const deadline = measureFrom + options.durationMs;
  let lastAnswer = measureFrom;
  const client = async () => {
    for (let now = performance.now(); now < deadline; now = performance.now()) {
      const result = await post(origin, agent, workload.next());
      sent += 1;
      failures.check(workload, result);
      if (now < measureFrom) continue;
      samples.push(result.ms);
      lastAnswer = performance.now();
    }
  };
  const warm = new Promise<void>((resolve) => {
    setTimeout(() => {
      cpuBefore = process.cpuUsage();
      resolve();
    }, options.warmupMs);
  });
  try {
    await Promise.all([warm, ...Array.from({ length: options.connections }, client)]);
  } finally {
    agent.destroy();
  }
  const seconds = (lastAnswer - measureFrom) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const latency = summarize(samples, failures);
  return {
    connections: options.connections,
    seconds,
    sent,
    requests: samples.length,
    failures: failures.count,
    perSecond: samples.length / seconds,
    p50: latency.p50,
    p90: latency.p90,
    p99: latency.p99,
    max: latency.max,
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    ...(failures.first === undefined ? {} : { firstFailure: failures.first }),
  };
}
