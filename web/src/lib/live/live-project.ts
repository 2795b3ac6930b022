/**
 * A project's live channel: the SignalR hub at /hubs/project, joined for one project.
 *
 * Changes reach the app exactly once and in sequence order, although the server sends them at least once and by
 * two paths (the group push, and the catch-up JoinProject lists): each batch is sorted and passed through a
 * SequenceGate. While a JoinProject is in flight, pushed changes are held back and delivered with the catch-up.
 * A catch-up too long to list ("more") asks the app to reload everything (onResync). Started with no sequence,
 * the first join lists nothing and the gate starts at the project's current sequence.
 *
 * Staying connected: SignalR's automatic reconnect retries forever (0, 1, 2, 5, 10 s, then every 10 s); after it
 * reconnects, the client rejoins from the gate's last sequence and re-sends the open source. If the connection
 * closes anyway (the server closed it, or a join failed), the client starts it again with the same back-off, until
 * stop(). A refusal of the join (a HubException such as "LIVE/NOT_FOUND: ...", the caller is no member) is final.
 * Status: "connecting" until first live, "live" once joined, "reconnecting" while SignalR reconnects, "offline"
 * while closed (retrying in the background unless stopped or refused). A heartbeat runs every 60 s while live.
 */
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { SequenceGate } from "./sequence-gate";
import type {
  ProjectChange,
  ProjectJoined,
  ProjectPresence,
  ProjectVersion,
  SegmentNavigation,
} from "./types";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveHandlers {
  /** New changes, in sequence order, each once. */
  onChanges(changes: ProjectChange[]): void;
  onPresence(presence: ProjectPresence): void;
  /** An agent of this account asks to show a passage, possibly in another project. */
  onNavigate(navigation: SegmentNavigation): void;
  /** A version of the project closed (its changes were batched into it); it is the newest one now. */
  onVersionClosed(version: ProjectVersion): void;
  /** Too much was missed to catch up: reload everything (changes after the reload point keep coming). */
  onResync(): void;
  onStatus(status: LiveStatus): void;
  /** A hub method failed; the message is the server's ("LIVE/NOT_FOUND: ...") when it gave one. */
  onError(message: string): void;
}

/** The part of a SignalR HubConnection that LiveProject uses, so tests can hand it a fake. */
export interface LiveConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T>(methodName: string, ...args: unknown[]): Promise<T>;
  on(methodName: string, handler: (payload: never) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export interface LiveOptions {
  /** The hub's address; /hubs/project by default. */
  url?: string;
  /** Builds the connection; by default a SignalR HubConnection with automatic reconnect. */
  connectionFactory?: (url: string) => LiveConnection;
}

const retryDelays = [0, 1000, 2000, 5000];
const retryEvery = 10_000;
const heartbeatEvery = 60_000;
const refusal = "HubException: ";

export class LiveProject {
  private readonly projectId: string;
  private readonly handlers: LiveHandlers;
  private readonly connection: LiveConnection;
  private gate = new SequenceGate(0);
  /** Whether the next join is the first after start(null), which lists nothing and sets the gate. */
  private fromNow = false;
  private status: LiveStatus = "offline";
  /** Between start() and stop() (or a refused join): keep the channel up. */
  private wanted = false;
  /** Changes pushed while a join is in flight (null when none is), delivered after its catch-up. */
  private held: ProjectChange[] | null = null;
  /** Counts joins, so the answer of one overtaken by a lost connection is ignored. */
  private joins = 0;
  private openSourceId: string | null = null;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private restart: ReturnType<typeof setTimeout> | undefined;
  private restarts = 0;

  constructor(projectId: string, handlers: LiveHandlers, options: LiveOptions = {}) {
    this.projectId = projectId;
    this.handlers = handlers;
    this.connection = (options.connectionFactory ?? hubConnection)(options.url ?? "/hubs/project");
    this.connection.on("changed", (change: ProjectChange) => this.receive(change));
    this.connection.on("presence", (presence: ProjectPresence) => this.presence(presence));
    this.connection.on("navigate", (navigation: SegmentNavigation) => this.handlers.onNavigate(navigation));
    this.connection.on("versionClosed", (version: ProjectVersion) => this.handlers.onVersionClosed(version));
    this.connection.onreconnecting(() => this.reconnecting());
    this.connection.onreconnected(() => void this.join());
    this.connection.onclose(() => this.closed());
  }

  /**
   * Connects and joins from `lastSequence`, the sequence the app's data was loaded at; null takes changes from the
   * join on (the project's current sequence). Resolves after the first attempt, whatever its outcome: failures are
   * told through onStatus and onError, and retried in the background.
   */
  async start(lastSequence: number | null): Promise<void> {
    if (this.wanted) {
      throw new Error("This live project is already started.");
    }
    this.wanted = true;
    this.restarts = 0;
    this.gate = new SequenceGate(lastSequence ?? 0);
    this.fromNow = lastSequence === null;
    this.setStatus("connecting");
    await this.connect();
  }

  /** Tells the others which source this client has open (null: none); re-sent after every rejoin. */
  openSource(sourceId: string | null): void {
    this.openSourceId = sourceId;
    if (this.status === "live") {
      void this.invoke("OpenSource", this.projectId, sourceId);
    }
  }

  async stop(): Promise<void> {
    const wasLive = this.status === "live";
    this.wanted = false;
    clearTimeout(this.restart);
    this.stopHeartbeat();
    if (wasLive) {
      // Closing the connection leaves the project anyway; this only says so sooner, so a failure does not matter.
      await this.connection.invoke("LeaveProject", this.projectId).catch(() => undefined);
    }
    await this.connection.stop();
    this.setStatus("offline");
  }

  private async connect(): Promise<void> {
    try {
      await this.connection.start();
    } catch {
      // Not reachable (or stopped meanwhile): the status already says so; try again later.
      if (this.wanted) {
        this.scheduleRestart();
      }
      return;
    }
    await this.join();
  }

  private async join(): Promise<void> {
    const join = ++this.joins;
    this.held = [];
    let joined: ProjectJoined;
    try {
      const after = this.fromNow ? null : this.gate.last;
      joined = await this.connection.invoke<ProjectJoined>("JoinProject", this.projectId, after);
    } catch (error) {
      if (join === this.joins) {
        this.held = null;
        this.joinFailed(error);
      }
      return;
    }
    if (join !== this.joins) {
      return;
    }
    const held = this.held ?? [];
    this.held = null;
    if (!this.wanted) {
      return;
    }
    if (this.fromNow) {
      this.fromNow = false;
      this.gate.reset(joined.currentSequence);
      this.deliver(held);
    } else if (joined.more) {
      this.gate.reset(joined.currentSequence);
      this.handlers.onResync();
      this.deliver(held);
    } else {
      this.deliver([...joined.missed, ...held]);
    }
    this.restarts = 0;
    this.setStatus("live");
    this.startHeartbeat();
    void this.invoke("OpenSource", this.projectId, this.openSourceId);
    void this.invoke<ProjectPresence>("GetPresence", this.projectId).then((presence) => {
      if (presence !== undefined) {
        this.presence(presence);
      }
    });
  }

  private joinFailed(error: unknown): void {
    if (!this.wanted) {
      return;
    }
    const message = messageOf(error);
    if (message.refused) {
      this.wanted = false;
      this.handlers.onError(message.text);
      void this.connection.stop();
      this.setStatus("offline");
      return;
    }
    // Anything else (the server failed to answer): start over on a fresh connection, through closed().
    void this.connection.stop();
  }

  private receive(change: ProjectChange): void {
    if (change.projectId !== this.projectId) {
      return;
    }
    if (this.held !== null) {
      this.held.push(change);
    } else {
      this.deliver([change]);
    }
  }

  private deliver(changes: ProjectChange[]): void {
    const fresh = changes
      .sort((a, b) => a.sequence - b.sequence)
      .filter((change) => this.gate.accept(change));
    if (fresh.length > 0) {
      this.handlers.onChanges(fresh);
    }
  }

  private presence(presence: ProjectPresence): void {
    if (presence.projectId === this.projectId) {
      this.handlers.onPresence(presence);
    }
  }

  /** A join in flight is overtaken: the connection rejoins once SignalR has reconnected. */
  private reconnecting(): void {
    this.stopHeartbeat();
    this.held = null;
    this.joins++;
    this.setStatus("reconnecting");
  }

  private closed(): void {
    this.stopHeartbeat();
    this.held = null;
    this.joins++;
    if (this.status !== "connecting") {
      this.setStatus("offline");
    }
    if (this.wanted) {
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    clearTimeout(this.restart);
    const delay = retryDelay(this.restarts++);
    this.restart = setTimeout(() => {
      this.restart = undefined;
      if (this.wanted) {
        void this.connect();
      }
    }, delay);
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => void this.invoke("Heartbeat", this.projectId), heartbeatEvery);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Calls a hub method, reporting a failure while live; one cut off by a lost connection is redone on rejoin. */
  private async invoke<T>(method: string, ...args: unknown[]): Promise<T | undefined> {
    try {
      return await this.connection.invoke<T>(method, ...args);
    } catch (error) {
      if (this.status === "live") {
        this.handlers.onError(messageOf(error).text);
      }
      return undefined;
    }
  }

  private setStatus(status: LiveStatus): void {
    if (status !== this.status) {
      this.status = status;
      this.handlers.onStatus(status);
    }
  }
}

/** The back-off before retry number `attempt` (0-based): the listed delays, then every 10 s forever. */
function retryDelay(attempt: number): number {
  return retryDelays[attempt] ?? retryEvery;
}

/**
 * The server's own words when a hub method threw a HubException (SignalR prefixes them with "Failed to invoke
 * 'X' due to an error on the server. HubException: "); any other failure is not a refusal.
 */
function messageOf(error: unknown): { text: string; refused: boolean } {
  const text = error instanceof Error ? error.message : String(error);
  const at = text.indexOf(refusal);
  return at < 0 ? { text, refused: false } : { text: text.slice(at + refusal.length), refused: true };
}

function hubConnection(url: string): LiveConnection {
  return new HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => retryDelay(retry.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}
