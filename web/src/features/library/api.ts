import { del, get, post, put, upload } from "../../lib/api";
import type { Folder, FolderList, Source, SourceDeletePreview } from "../../lib/types";

const sources = (projectId: string) => `/api/projects/${projectId}/sources`;
const folders = (projectId: string) => `/api/projects/${projectId}/folders`;

export const addSource = (projectId: string, name: string, content: string, folderId: string | null) =>
  post<Source>(sources(projectId), { name, content, folderId });
export const uploadSource = (
  projectId: string,
  file: File,
  folderId: string | null,
  onProgress: (f: number) => void,
) => {
  const form = new FormData();
  form.append("file", file);
  if (folderId) form.append("folderId", folderId);
  return upload<Source>(`${sources(projectId)}/upload`, form, onProgress);
};
export const renameSource = (projectId: string, id: string, name: string) =>
  put<Source>(`${sources(projectId)}/${id}/name`, { name });
export const changeSourceMemo = (projectId: string, id: string, memo: string) =>
  put<Source>(`${sources(projectId)}/${id}/memo`, { memo });
export const moveSource = (projectId: string, id: string, folderId: string | null) =>
  put<Source>(`${sources(projectId)}/${id}/folder`, { folderId });
export const previewDeleteSource = (projectId: string, id: string) =>
  del<SourceDeletePreview>(`${sources(projectId)}/${id}`);
export const deleteSource = (projectId: string, id: string) =>
  del<unknown>(`${sources(projectId)}/${id}?confirm=true`);

export const listFolders = (projectId: string) => get<FolderList>(folders(projectId));
export const createFolder = (projectId: string, name: string, parentId: string | null) =>
  post<Folder>(folders(projectId), { name, parentId });
export const renameFolder = (projectId: string, id: string, name: string) =>
  put<Folder>(`${folders(projectId)}/${id}/name`, { name });
export const moveFolder = (projectId: string, id: string, parentId: string | null) =>
  put<Folder>(`${folders(projectId)}/${id}/parent`, { parentId });
export const deleteFolder = (projectId: string, id: string) => del(`${folders(projectId)}/${id}`);
