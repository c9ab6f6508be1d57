import { describe, expect, test } from 'vitest';
import { analyzeTrace, extensionHotspots, extensionMs, longTasks, type TraceEvent } from './trace';

const PID = 7;
const MAIN = 70;
const PROFILER = 71;
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/portal.js';

/** A trace shaped like Chromium's: tasks on the main thread, profile chunks on the profiler thread. */
function trace(extra: TraceEvent[] = []): TraceEvent[] {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)' } },
    { id: 2, parent: 1, callFrame: { functionName: 'pageWork', url: 'http://127.0.0.1/app.js' } },
    { id: 3, parent: 1, callFrame: { functionName: 'readPage', url: EXT } },
    { id: 4, parent: 3, callFrame: { functionName: 'querySelectorAll', url: '' } },
    { id: 5, parent: 1, callFrame: { functionName: '(idle)' } },
  ];
  // 1 ms samples from t=1000 µs: 10 page, 30 extension (20 of them in a DOM call it made), 10 page, 10 idle.
  const samples = [
    ...Array(10).fill(2),
    ...Array(10).fill(3),
    ...Array(20).fill(4),
    ...Array(10).fill(2),
    ...Array(10).fill(5),
  ];
  return [
    { name: 'cg-bench:start', ph: 'I', pid: PID, tid: MAIN, ts: 500 },
    { name: 'RunTask', ph: 'X', pid: 99, tid: 99, ts: 0, dur: 500_000 }, // another process: ignored
    { name: 'RunTask', ph: 'X', pid: PID, tid: MAIN, ts: 1000, dur: 60_000 },
    { name: 'RunTask', ph: 'X', pid: PID, tid: MAIN, ts: 2000, dur: 1000 }, // nested in the first
    { name: 'Profile', ph: 'P', pid: PID, tid: MAIN, ts: 0, id: '0x1', args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: PID,
      tid: PROFILER,
      ts: 10,
      id: '0x1',
      args: {
        data: {
          cpuProfile: { nodes: nodes.slice(0, 3), samples: samples.slice(0, 30) },
          timeDeltas: [1000, ...Array(29).fill(1000)],
        },
      },
    },
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: PID,
      tid: PROFILER,
      ts: 20,
      id: '0x1',
      args: {
        data: {
          cpuProfile: { nodes: nodes.slice(3), samples: samples.slice(30) },
          timeDeltas: Array(30).fill(1000),
        },
      },
    },
    { name: 'cg-bench:end', ph: 'I', pid: PID, tid: MAIN, ts: 70_000 },
    ...extra,
  ];
}

describe('trace attribution', () => {
  test('finds the page renderer from the first mark and keeps top-level tasks only', () => {
    const analysis = analyzeTrace(trace());
    expect(analysis.tasks).toEqual([{ ts: 1000, dur: 60_000 }]);
    expect(analysis.marks.get('end')).toBe(70_000);
  });

  test('samples count as the extension when any frame on the stack is an extension script', () => {
    expect(extensionMs(analyzeTrace(trace()))).toBe(30);
  });

  test('time windows cut the samples', () => {
    const analysis = analyzeTrace(trace());
    expect(extensionMs(analysis, 0, 21_000)).toBe(10);
  });

  test('a long task is the extension’s when it would be short without the extension', () => {
    const [task] = longTasks(analyzeTrace(trace()));
    expect(task).toMatchObject({ durMs: 60, extensionMs: 30, fromExtension: true });
  });

  test('a page’s own long task with no extension time is not attributed', () => {
    const pageOnly = trace().map((e) =>
      e.name === 'ProfileChunk'
        ? {
            ...e,
            args: {
              data: {
                ...(e.args!.data as object),
                cpuProfile: {
                  nodes: (e.args!.data as { cpuProfile: { nodes: unknown[] } }).cpuProfile.nodes,
                  samples: Array(30).fill(2),
                },
              },
            },
          }
        : e,
    );
    const [task] = longTasks(analyzeTrace(pageOnly));
    expect(task).toMatchObject({ extensionMs: 0, fromExtension: false });
  });

  test('hotspots split the extension’s time by frame: self where it ran, total up the stack', () => {
    const spots = extensionHotspots(analyzeTrace(trace()));
    expect(spots.map((s) => [s.frame.split(' ')[0], s.selfMs, s.totalMs])).toEqual([
      ['querySelectorAll', 20, 20],
      ['readPage', 10, 30],
      ['(root)', 0, 30],
    ]);
  });

  test('a trace without marks is refused rather than guessed', () => {
    expect(() => analyzeTrace(trace().filter((e) => !e.name.startsWith('cg-bench:')))).toThrow(/mark/);
  });
});
