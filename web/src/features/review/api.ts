import { get, post } from "../../lib/api";

export type SuggestionKind = "code" | "coding" | "merge" | "sourceMetadata";
export type SuggestionStatus = "pending" | "approved" | "rejected" | "failed";

export interface SuggestionActor {
  accountId: string;
  agent?: { sessionId: string; clientName: string; clientVersion: string } | null;
}

/** A suggestion as the review queue shows it (the server's Suggestion read model). */
export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  status: SuggestionStatus;
  batchId: string | null;
  rationale: string;
  confidence: number;
  suggestedBy: SuggestionActor;
  suggestedAt: string;
  code: { name: string; color: string; description: string; sampleContexts: string[] } | null;
  coding: {
    sourceId: string;
    sourceName: string;
    codeId: string;
    codeName: string;
    start: number;
    end: number;
    quote: string;
    contextBefore: string;
    contextAfter: string;
  } | null;
  merge: {
    sourceCodeId: string;
    sourceCodeName: string;
    targetCodeId: string;
    targetCodeName: string;
  } | null;
  /** A source's proposed language, topics and top-level folder (absent for the other kinds). */
  sourceMetadata?: {
    sourceId: string;
    sourceName: string;
    language: string | null;
    topics: string[];
    folderName: string | null;
  } | null;
  rejectionReason?: string | null;
  feedback?: string | null;
}

export interface BatchReply {
  batchId: string;
  appliedCount: number;
  failedCount: number;
}

const base = (projectId: string) => `/api/projects/${projectId}/suggestions`;

export const listSuggestions = (projectId: string, status: string) =>
  get<Suggestion[]>(`${base(projectId)}?status=${status}`);
export const approveSuggestion = (projectId: string, id: string) =>
  post<Suggestion>(`${base(projectId)}/${id}/approve`);
export const rejectSuggestion = (projectId: string, id: string, reason: string) =>
  post<Suggestion>(`${base(projectId)}/${id}/reject`, { reason });
export const approveBatch = (projectId: string, batchId: string) =>
  post<BatchReply>(`${base(projectId)}/batches/${batchId}/approve`);
export const rejectBatch = (projectId: string, batchId: string, reason: string) =>
  post<unknown>(`${base(projectId)}/batches/${batchId}/reject`, { reason });
