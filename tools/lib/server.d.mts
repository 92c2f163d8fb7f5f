// Types of server.mjs, for the TypeScript browser tests that start a server of their own.
import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare const MAIN: string;

export declare function freePort(): Promise<number>;

export interface BuiltServer {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** Stops the server with `signal` (SIGKILL after 5 s) and resolves with its exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export declare function startBuiltServer(options?: {
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}): Promise<BuiltServer>;

export declare function signIn(baseUrl: string, username: string, password: string): Promise<string>;
