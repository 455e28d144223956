// A minimal Language Server Protocol client for tests: JSON-RPC 2.0 over stdio with
// Content-Length framing, written here so the test depends on nothing but Node.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  code?: number | string;
  source?: string;
}

export interface MarkupContent {
  kind: string;
  value: string;
}

export interface Hover {
  contents: MarkupContent | string | Array<string | { language: string; value: string }>;
  range?: Range;
}

export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | MarkupContent;
  insertText?: string;
}

export interface CompletionList {
  isIncomplete: boolean;
  items: CompletionItem[];
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

interface PendingRequest {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface DiagnosticsWaiter {
  uri: string;
  predicate: (diagnostics: Diagnostic[]) => boolean;
  rejectIf: (diagnostics: Diagnostic[]) => boolean;
  resolve: (diagnostics: Diagnostic[]) => void;
  reject: (diagnostics: Diagnostic[]) => void;
}

export interface WaitOptions {
  timeoutMs?: number;
  rejectIf?: (diagnostics: Diagnostic[]) => boolean;
}

/** Answers a request the server sends to the client (workspace/configuration and the like). */
export type ServerRequestHandler = (method: string, params: unknown) => unknown;

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters = new Set<DiagnosticsWaiter>();
  private readonly exited: Promise<void>;
  private hasExited = false;
  /** Everything the server logged (window/logMessage) or wrote to stderr, for failure messages. */
  readonly log: string[] = [];
  /** Methods of the server-to-client requests received so far, in order. */
  readonly serverRequests: string[] = [];

  constructor(command: string, args: string[], cwd: string, onServerRequest: ServerRequestHandler) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', () => {
        this.hasExited = true;
        for (const request of this.pending.values()) {
          clearTimeout(request.timer);
          request.reject(new Error(`language server exited during ${request.method}\n${this.logTail()}`));
        }
        this.pending.clear();
        resolve();
      });
    });
    // A write after the server died must fail the test through the pending request, not crash vitest.
    this.child.stdin.on('error', (error) => this.log.push(`stdin: ${error.message}`));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.log.push(`stderr: ${chunk}`));
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk, onServerRequest));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  request<T>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.logTail()}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with the first published diagnostics for `uri` (the latest already received, or a later
   * publish) that satisfy `predicate`. The server may publish several times for one document (for
   * example once before its settings arrive), so waiting for the right content, not the first
   * publish, is what keeps the test deterministic. A publish satisfying `rejectIf` (a problem that
   * waiting will not fix) fails at once instead of at the timeout.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[]) => boolean,
    { timeoutMs = 20_000, rejectIf = () => false }: WaitOptions = {},
  ): Promise<Diagnostic[]> {
    const unexpected = (diagnostics: Diagnostic[]) =>
      new Error(`unexpected diagnostics for ${uri}: ${JSON.stringify(diagnostics, null, 1)}`);
    const latest = this.diagnostics.get(uri);
    if (latest && rejectIf(latest)) return Promise.reject(unexpected(latest));
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const waiter: DiagnosticsWaiter = {
        uri,
        predicate,
        rejectIf,
        resolve: (diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        },
        reject: (diagnostics) => {
          clearTimeout(timer);
          reject(unexpected(diagnostics));
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = JSON.stringify(this.diagnostics.get(uri) ?? null, null, 1);
        reject(
          new Error(
            `no matching diagnostics for ${uri} within ${timeoutMs} ms; latest: ${seen}\n${this.logTail()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Polite shutdown (shutdown request, exit notification), then SIGKILL if the server lingers. */
  async close(): Promise<void> {
    if (this.hasExited) return;
    try {
      await this.request('shutdown', null, 3_000);
      this.notify('exit', null);
    } catch {
      // The server is hung or already gone; it is killed below.
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3_000).unref());
    if ((await Promise.race([this.exited, timeout])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private send(message: Message): void {
    if (this.hasExited || this.child.stdin.destroyed) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(
      Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]),
    );
  }

  private receive(chunk: Buffer, onServerRequest: ServerRequestHandler): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: *(\d+)$/im.exec(header);
      if (!match) {
        // Not LSP: record it and stop the server, so the test fails through its pending request.
        this.log.push(`malformed LSP header: ${JSON.stringify(header)}`);
        this.child.kill('SIGKILL');
        return;
      }
      const length = Number(match[1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch {
        this.log.push(`malformed LSP body: ${body.slice(0, 200)}`);
        this.child.kill('SIGKILL');
        return;
      }
      this.dispatch(message, onServerRequest);
    }
  }

  private dispatch(message: Message, onServerRequest: ServerRequestHandler): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request from the server to the client.
      this.serverRequests.push(message.method);
      let result: unknown = null;
      try {
        result = onServerRequest(message.method, message.params) ?? null;
      } catch (error) {
        this.send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32603, message: error instanceof Error ? error.message : String(error) },
        });
        return;
      }
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method !== undefined) {
      this.onNotification(message.method, message.params);
      return;
    }
    if (typeof message.id !== 'number') return;
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    clearTimeout(request.timer);
    if (message.error) {
      request.reject(new Error(`${request.method} failed: ${message.error.message}`));
    } else {
      request.resolve(message.result);
    }
  }

  private onNotification(method: string, params: unknown): void {
    if (method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri !== uri) continue;
        if (waiter.rejectIf(diagnostics)) {
          this.waiters.delete(waiter);
          waiter.reject(diagnostics);
        } else if (waiter.predicate(diagnostics)) {
          this.waiters.delete(waiter);
          waiter.resolve(diagnostics);
        }
      }
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      this.log.push(`${method}: ${(params as { message: string }).message}`);
    } else if (method === 'telemetry/event') {
      // yaml-language-server reports exceptions in its handlers (e.g. yaml.validation.error) this way.
      this.log.push(`${method}: ${JSON.stringify(params).slice(0, 500)}`);
    }
  }

  private logTail(): string {
    return this.log.slice(-20).join('\n');
  }
}
