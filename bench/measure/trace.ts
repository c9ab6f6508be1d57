/**
 * Reads a Chromium trace (CDP Tracing, categories in TRACE_CATEGORIES) of one tab: the
 * renderer main thread's tasks, and the V8 CPU profile samples embedded in the trace, which
 * share the trace clock with the tasks. A sample is the extension's when any frame on its
 * stack comes from a `chrome-extension://` script (content scripts run in the page's renderer,
 * in their own world, on the same thread).
 */

export const TRACE_CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** User-timing marks the harness places; the first one names the page's renderer. */
export const MARK_PREFIX = 'cg-bench:';
export const EXTENSION_URL_PREFIX = 'chrome-extension://';
export const LONG_TASK_MS = 50;

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

interface Sample {
  /** µs, trace clock */
  ts: number;
  /** µs until the next sample */
  weight: number;
  extension: boolean;
  node: number;
}

export interface TraceAnalysis {
  /** Top-level tasks on the page's renderer main thread (µs, trace clock). */
  tasks: { ts: number; dur: number }[];
  samples: Sample[];
  nodes: Map<number, ProfileNode>;
  /** Mark name (without prefix) to its time (µs, trace clock). */
  marks: Map<string, number>;
}

export interface LongTask {
  durMs: number;
  /** Sampled script time inside the task that came from the extension. */
  extensionMs: number;
  /** The extension made it long: its own time passes the threshold, or the task would be short without it. */
  fromExtension: boolean;
}

function data(event: TraceEvent): Record<string, unknown> {
  return ((event.args?.data as Record<string, unknown> | undefined) ?? {}) as Record<string, unknown>;
}

export function analyzeTrace(events: readonly TraceEvent[]): TraceAnalysis {
  const marks = new Map<string, number>();
  let pid: number | null = null;
  let tid: number | null = null;
  for (const e of events) {
    if (!e.name.startsWith(MARK_PREFIX)) continue;
    marks.set(e.name.slice(MARK_PREFIX.length), e.ts);
    if (pid === null) {
      pid = e.pid;
      tid = e.tid;
    }
  }
  if (pid === null)
    throw new Error(`trace has no ${MARK_PREFIX} mark: cannot tell which renderer is the page's`);

  const tasks = events
    .filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur !== undefined,
    )
    .map((e) => ({ ts: e.ts, dur: e.dur! }))
    .sort((a, b) => a.ts - b.ts);
  const topLevel: { ts: number; dur: number }[] = [];
  for (const task of tasks) {
    const last = topLevel[topLevel.length - 1];
    if (last && task.ts < last.ts + last.dur) continue; // nested run loop: already counted
    topLevel.push(task);
  }

  return { tasks: topLevel, ...profileSamples(events, pid, tid!), marks };
}

function profileSamples(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
): { samples: Sample[]; nodes: Map<number, ProfileNode> } {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return { samples: [], nodes: new Map() };
  const nodes = new Map<number, ProfileNode>();
  const raw: { ts: number; node: number }[] = [];
  let clock = Number(data(profile).startTime ?? profile.ts);
  const chunks = events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)
    .sort((a, b) => a.ts - b.ts);
  for (const chunk of chunks) {
    const d = data(chunk);
    const cpuProfile = (d.cpuProfile ?? {}) as { nodes?: ProfileNode[]; samples?: number[] };
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
    const deltas = (d.timeDeltas ?? []) as number[];
    (cpuProfile.samples ?? []).forEach((node, i) => {
      clock += deltas[i] ?? 0;
      raw.push({ ts: clock, node });
    });
  }

  const isExtension = new Map<number, boolean>();
  const fromExtension = (id: number): boolean => {
    const known = isExtension.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const result =
      !!node &&
      ((node.callFrame.url ?? '').startsWith(EXTENSION_URL_PREFIX) ||
        (node.parent !== undefined && fromExtension(node.parent)));
    isExtension.set(id, result);
    return result;
  };

  raw.sort((a, b) => a.ts - b.ts);
  const samples = raw.map((s, i) => ({
    ts: s.ts,
    weight: i + 1 < raw.length ? raw[i + 1]!.ts - s.ts : 0,
    extension: fromExtension(s.node),
    node: s.node,
  }));
  return { samples, nodes };
}

export interface Hotspot {
  /** "function url:line:column" of a frame in the extension's stacks. */
  frame: string;
  selfMs: number;
  /** Time with this frame anywhere on the stack (counted once per sample). */
  totalMs: number;
}

/** Where the extension's sampled time went between two trace times, by frame, most expensive first. */
export function extensionHotspots(trace: TraceAnalysis, from = -Infinity, to = Infinity): Hotspot[] {
  const spots = new Map<string, Hotspot>();
  const key = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = (url ?? '').replace(/^chrome-extension:\/\/[a-p]+\//, '');
    return `${functionName || '(anonymous)'} ${file}:${(lineNumber ?? -1) + 1}:${(columnNumber ?? -1) + 1}`;
  };
  const spot = (frame: string) => {
    const known = spots.get(frame);
    if (known) return known;
    const created = { frame, selfMs: 0, totalMs: 0 };
    spots.set(frame, created);
    return created;
  };
  for (const sample of trace.samples) {
    if (!sample.extension || sample.ts < from || sample.ts >= to) continue;
    const ms = sample.weight / 1000;
    const seen = new Set<string>();
    let node = trace.nodes.get(sample.node);
    spot(node ? key(node) : '?').selfMs += ms;
    while (node) {
      const frame = key(node);
      if (!seen.has(frame)) {
        seen.add(frame);
        spot(frame).totalMs += ms;
      }
      node = node.parent === undefined ? undefined : trace.nodes.get(node.parent);
    }
  }
  return [...spots.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/** The extension's sampled script time (ms) between two trace times (µs). */
export function extensionMs(trace: TraceAnalysis, from = -Infinity, to = Infinity): number {
  let us = 0;
  for (const s of trace.samples) if (s.extension && s.ts >= from && s.ts < to) us += s.weight;
  return us / 1000;
}

/** Tasks over 50 ms between two trace times (µs), each with the extension's share. */
export function longTasks(trace: TraceAnalysis, from = -Infinity, to = Infinity): LongTask[] {
  return trace.tasks
    .filter((t) => t.dur > LONG_TASK_MS * 1000 && t.ts >= from && t.ts < to)
    .map((t) => {
      const durMs = t.dur / 1000;
      const ext = extensionMs(trace, t.ts, t.ts + t.dur);
      return {
        durMs,
        extensionMs: ext,
        fromExtension: ext > LONG_TASK_MS || (ext > 0 && durMs - ext <= LONG_TASK_MS),
      };
    });
}
