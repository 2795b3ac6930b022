/**
 * The live channel's wire types, as the server's hub (/hubs/project) sends them: JSON in camelCase, enums as
 * strings, ids as GUID strings, instants as ISO 8601 strings. A change's `data` is the committed event's own JSON;
 * its `type` is the event's Marten alias, the snake_case of the event record's name (SegmentCoded → "segment_coded").
 */

/** One committed event of a project (client method "changed", and the catch-up of JoinProject). */
export interface ProjectChange {
  /** The store's global event sequence: increasing, with gaps (other projects' events). */
  sequence: number;
  projectId: string;
  streamId: string;
  type: string;
  /** The account that made the change; null for an event with no actor. */
  actor: string | null;
  at: string;
  data: Readonly<Record<string, unknown>>;
}

/** What hub method JoinProject answers; `more` means too much was missed to list: reload everything. */
export interface ProjectJoined {
  currentSequence: number;
  missed: ProjectChange[];
  more: boolean;
}

/** One member who has the project open, on one or more connections (tabs). */
export interface PresentPerson {
  accountId: string;
  displayName: string;
  /** The sources this person has open. */
  sourceIds: string[];
  connections: number;
}

/** Who has a project open (client method "presence", and hub method GetPresence). */
export interface ProjectPresence {
  projectId: string;
  people: PresentPerson[];
}

/** One coding, as the server's Segment read model has it; start and end are code points, end exclusive. */
export interface Segment {
  id: string;
  projectId: string;
  sourceId: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
  /** 0 none, 1 important, 2 very important. */
  importance: number;
  createdAt: string;
  updatedAt: string;
}

/** Subscribes to the project's live changes; answers the unsubscribe. */
export type Subscribe = (listener: (changes: ProjectChange[]) => void) => () => void;

/** The MCP session an agent acted in, with the client's name and version from its handshake. */
export interface AgentSession {
  sessionId: string;
  clientName: string;
  clientVersion: string;
}

/**
 * An agent acting for this account asks its open browsers to show a passage (client method "navigate", sent to this
 * account's connections only, whichever project they joined): open the source, scroll the span into view, flash it.
 */
export interface SegmentNavigation {
  projectId: string;
  sourceId: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  highlight: boolean;
  by: AgentSession;
}

/** Who acted in a version: a person, or an agent session acting for that person. */
export interface VersionActor {
  accountId: string;
  /** The person's name; may be null in the live push (the screen looks it up among the members). */
  displayName: string | null;
  agent: { sessionId: string | null; clientName: string | null } | null;
}

/**
 * One closed version of a project: the project's events in [fromSequence, toSequence], batched by time (client
 * method "versionClosed" when it closes, and GET /api/projects/{id}/history). `current` marks the newest one.
 */
export interface ProjectVersion {
  number: number;
  fromSequence: number;
  toSequence: number;
  eventCount: number;
  openedAt: string;
  closedAt: string;
  /** QualCoder's style: "coding.code_created", "coding: 3 events, sources: 1 event", "Restored to version 4". */
  message: string;
  actors: VersionActor[];
  /** Events per area: projects, sources, coding, suggestions, history. */
  areas: Readonly<Record<string, number>>;
  restoredTo: number | null;
  current: boolean;
}

/** Subscribes to the project's closed versions; answers the unsubscribe. */
export type SubscribeVersions = (listener: (version: ProjectVersion) => void) => () => void;
