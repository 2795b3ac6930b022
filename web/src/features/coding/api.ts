import { del, get, post, put } from "../../lib/api";
import type { Segment } from "../../lib/live/types";
import type { SourceTextPage, UncodedReport } from "../../lib/types";

const base = (projectId: string) => `/api/projects/${projectId}`;

export interface CodeSegment {
  segment: Segment;
  sourceName: string;
}

export interface InVivoReply {
  segment: Segment;
  codeCreated: boolean;
}

/** The server pages text by 50,000 code points; the pages are fetched at once and joined. */
export async function readSourceText(projectId: string, sourceId: string, length: number): Promise<string> {
  const page = 50_000;
  const starts = Array.from({ length: Math.max(1, Math.ceil(length / page)) }, (_, i) => i * page);
  const pages = await Promise.all(
    starts.map((start) =>
      get<SourceTextPage>(
        `${base(projectId)}/sources/${sourceId}/text?start=${start}&end=${Math.min(start + page, Math.max(length, 0))}`,
      ),
    ),
  );
  return pages.map((p) => p.text).join("");
}

export const segmentsOfSource = (projectId: string, sourceId: string) =>
  get<Segment[]>(`${base(projectId)}/sources/${sourceId}/segments`);
export const segmentsOfCode = (projectId: string, codeId: string) =>
  get<CodeSegment[]>(`${base(projectId)}/codes/${codeId}/segments`);
export const uncodedRanges = (projectId: string, sourceId: string) =>
  get<UncodedReport>(`${base(projectId)}/sources/${sourceId}/uncoded`);
export const applyCode = (projectId: string, sourceId: string, codeId: string, start: number, end: number) =>
  post<Segment>(`${base(projectId)}/segments`, { sourceId, codeId, start, end });
export const applyInVivo = (projectId: string, sourceId: string, start: number, end: number) =>
  post<InVivoReply>(`${base(projectId)}/segments/in-vivo`, { sourceId, start, end });
export const removeCoding = (projectId: string, segmentId: string) =>
  del(`${base(projectId)}/segments/${segmentId}`);
export const changeSegmentMemo = (projectId: string, segmentId: string, memo: string) =>
  put<Segment>(`${base(projectId)}/segments/${segmentId}/memo`, { memo });
export const setImportance = (projectId: string, segmentId: string, importance: number) =>
  put<Segment>(`${base(projectId)}/segments/${segmentId}/importance`, { importance });
