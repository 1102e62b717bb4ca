// A counting SMTP receiver for the outbox benchmark: a real smtp-server in a child process of its
// own (so its CPU is not taken from the sender being measured), which reads each message's header
// only as far as the Message-ID line and counts it; no MIME parsing. The parent asks for counts and
// the list of Message-IDs over the IPC channel.
import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const CHILD_FLAG = '--diops-smtp-sink';

export interface SinkStats {
  /** Messages accepted (every DATA that ended), duplicates included. */
  received: number;
  /** Distinct Message-IDs among them. */
  distinct: number;
  /** Messages without a Message-ID header. */
  withoutId: number;
  /** CPU time the receiver process has used so far (user + system), in microseconds. */
  cpuMicros: number;
}

export interface SmtpSink {
  url: string;
  stats(): Promise<SinkStats>;
  /** Every distinct Message-ID with how many times it arrived. */
  messageIds(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

type Request = { id: number; op: 'stats' | 'ids' | 'close' };
type Reply = { id: number; result: unknown };

/** Starts the receiver in a child process and resolves once it listens on loopback. */
export function startSmtpSink(): Promise<SmtpSink> {
  const child: ChildProcess = fork(import.meta.filename, [CHILD_FLAG], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (result: unknown) => void>();
  let next = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = <T>(op: Request['op']): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, resolve as (result: unknown) => void);
      child.send({ id, op } satisfies Request, (error) => {
        if (error) {
          pending.delete(id);
          reject(error);
        }
      });
    });
  return new Promise<SmtpSink>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited early (code ${code})`)));
    child.on('message', (message: { port?: number } & Partial<Reply>) => {
      if (message.port !== undefined) {
        resolve({
          url: `smtp://127.0.0.1:${message.port}`,
          stats: () => ask<SinkStats>('stats'),
          messageIds: () => ask<Record<string, number>>('ids'),
          async close() {
            if (child.exitCode === null && child.signalCode === null) {
              await ask('close').catch(() => undefined);
              const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
              await exited;
              clearTimeout(timer);
            }
          },
        });
        return;
      }
      if (message.id !== undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
  });
}

const MESSAGE_ID = /^message-id:[ \t]*(<[^>\r\n]*>)/im;

function runChild(): void {
  const counts = new Map<string, number>();
  let received = 0;
  let withoutId = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = '';
      let id: string | null = null;
      let done = false;
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        head += chunk.toString('latin1');
        const match = MESSAGE_ID.exec(head);
        if (match?.[1]) {
          id = match[1];
          done = true;
        } else if (head.includes('\r\n\r\n')) {
          done = true; // end of the header without a Message-ID
        }
        if (done) head = '';
      });
      stream.on('end', () => {
        received++;
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
        else withoutId++;
        callback();
      });
    },
  });
  // A sender killed mid-message (the SIGKILL run) resets its connection; that is expected here.
  server.on('error', () => undefined);
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.server.address() as AddressInfo).port });
  });
  process.on('message', (request: Request) => {
    const reply = (result: unknown) => process.send?.({ id: request.id, result } satisfies Reply);
    if (request.op === 'stats') {
      const cpu = process.cpuUsage();
      reply({
        received,
        distinct: counts.size,
        withoutId,
        cpuMicros: cpu.user + cpu.system,
      } satisfies SinkStats);
    } else if (request.op === 'ids') reply(Object.fromEntries(counts));
    else {
      reply(null);
      // Pooled senders keep their connections open: do not wait for them to hang up.
      server.close(() => undefined);
      setTimeout(() => process.exit(0), 50);
    }
  });
  // The parent went away (crashed or killed): do not linger.
  process.on('disconnect', () => process.exit(0));
}

if (process.argv.includes(CHILD_FLAG)) runChild();
