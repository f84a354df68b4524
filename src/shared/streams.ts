/**
 * Streams: long-lived, ordered flows of data (container logs; later exec terminals and stats). Each stream is
 * named once here with its zod input schema, the data it sends, and the schema of what the page may write
 * to it. Both transports carry the same wire messages: IPC events on STREAM_EVENT_CHANNEL (desktop) and the
 * web mode's WebSocket.
 */
import { z } from 'zod';
import { COMPOSE_PROJECT_NAME, COMPOSE_SERVICE_NAME } from './compose';
import type { WharfErrorInfo } from './errors';

export interface StreamDef<I extends z.ZodType, D, W extends z.ZodType> {
  input: I;
  /** Phantom: the data type only. */
  data: D;
  /** What the page may send into the stream (stdin, resize); z.never() when nothing. */
  write: W;
}

function stream<D>() {
  return <I extends z.ZodType, W extends z.ZodType = z.ZodNever>(input: I, write?: W): StreamDef<I, D, W> => ({
    input,
    data: undefined as D,
    write: (write ?? z.never()) as W,
  });
}

const containerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/);
const composeProject = z.string().regex(COMPOSE_PROJECT_NAME);
const composeService = z.string().regex(COMPOSE_SERVICE_NAME);

/** One batch of log lines; a page appends them in order. */
export interface LogBatch {
  /** `source`: the container a line came from, as `docker compose logs` prefixes it ("web-1"); only in compose.logs. */
  lines: Array<{ stream: 'stdout' | 'stderr'; text: string; source?: string }>;
  /** Lines the core dropped because the page could not keep up (the view says so). */
  dropped?: number;
}

/** What an exec terminal sends: the terminal's output (UTF-8 text), then its exit code. */
export type ExecOutput = { kind: 'output'; data: string } | { kind: 'exit'; code: number | null };

/** One `docker stats` sample of one container, computed like the CLI computes it. */
export interface StatsSample {
  id: string;
  /** Epoch ms of the engine's reading. */
  at: number;
  /** CPU %, where 100 = one full core (as docker stats shows it); null on the first sample. */
  cpuPercent: number | null;
  /** Memory in use without the page cache, bytes. */
  memUsage: number;
  memLimit: number;
  memPercent: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

const size = { cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) };

export const streams = {
  /** `docker logs [-f] [--tail N] [--since T] [-t] ID`, demultiplexed when the container has no TTY. */
  'containers.logs': stream<LogBatch>()(
    z
      .object({
        id: containerId,
        follow: z.boolean(),
        /** Lines from the end, or 'all'. */
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]),
        /** Unix seconds. */
        since: z.number().int().min(0).optional(),
        timestamps: z.boolean(),
      })
      .strict(),
  ),
  /**
   * `docker compose -p NAME logs [-f] [--tail N] [--since T] [-t] [SERVICE…]`: the project's containers merged (each line says
   * which container, "web-1"), or some services only; with follow, containers started later join the stream.
   */
  'compose.logs': stream<LogBatch>()(
    z
      .object({
        project: composeProject,
        services: z.array(composeService).max(200).optional(),
        follow: z.boolean(),
        tail: z.union([z.number().int().min(0).max(1_000_000), z.literal('all')]),
        /** Unix seconds. */
        since: z.number().int().min(0).optional(),
        timestamps: z.boolean(),
      })
      .strict(),
  ),
  /** `docker stats ID…`: a sample per container about every second while open (running containers only). */
  'containers.stats': stream<StatsSample>()(z.object({ ids: z.array(containerId).min(1).max(50) }).strict()),
  /** `docker exec -it ID COMMAND…` in a terminal; the page writes keystrokes and resizes. */
  'containers.exec': stream<ExecOutput>()(
    z
      .object({
        id: containerId,
        command: z.array(z.string().min(1).max(4096).regex(/^[^\0]*$/)).min(1).max(64),
        user: z.string().max(256).regex(/^[^\0\s]*$/).optional(),
        ...size,
      })
      .strict(),
    z.union([z.object({ kind: z.literal('stdin'), data: z.string().max(65_536) }).strict(), z.object({ kind: z.literal('resize'), ...size }).strict()]),
  ),
} as const;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamInput<S extends StreamName> = z.input<Streams[S]['input']>;
export type ParsedStreamInput<S extends StreamName> = z.output<Streams[S]['input']>;
export type StreamData<S extends StreamName> = Streams[S]['data'];
export type StreamWrite<S extends StreamName> = z.output<Streams[S]['write']>;

export const STREAM_NAMES = Object.keys(streams) as StreamName[];

export function isStreamName(name: string): name is StreamName {
  return Object.prototype.hasOwnProperty.call(streams, name);
}

/** A stream's id, chosen by the page (unique per page connection). */
export const STREAM_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Main → page. */
export type StreamServerMessage =
  | { type: 'stream.data'; sid: string; data: unknown }
  | { type: 'stream.end'; sid: string; error?: WharfErrorInfo };

/** Page → main (the web mode's WebSocket; the desktop uses one IPC message per op). */
export type StreamClientMessage =
  | { op: 'open'; sid: string; name: string; input: unknown }
  | { op: 'write'; sid: string; data: unknown }
  | { op: 'close'; sid: string };

/** The Electron IPC names of the stream ops and of main → page stream messages. */
export const STREAM_IPC = { open: 'wharf-stream:open', write: 'wharf-stream:write', close: 'wharf-stream:close', event: 'wharf-stream:event' } as const;
