// The codebook's endpoints. Shared: the codebook panel edits codes, and the coding workspace creates a code from a
// selection (key N).
import { del, get, post, put } from "./api";
import type { Category, Code, Codebook } from "./types";

const base = (projectId: string) => `/api/projects/${projectId}`;

export const getCodebook = (projectId: string) => get<Codebook>(`${base(projectId)}/codebook`);
export const createCode = (
  projectId: string,
  name: string,
  color: string,
  categoryId: string | null = null,
) => post<Code>(`${base(projectId)}/codes`, { name, color, categoryId });
export const renameCode = (projectId: string, codeId: string, name: string) =>
  put<Code>(`${base(projectId)}/codes/${codeId}/name`, { name });
export const recolourCode = (projectId: string, codeId: string, color: string) =>
  put<Code>(`${base(projectId)}/codes/${codeId}/color`, { color });
export const changeCodeMemo = (projectId: string, codeId: string, memo: string) =>
  put<Code>(`${base(projectId)}/codes/${codeId}/memo`, { memo });
export const moveCode = (projectId: string, codeId: string, categoryId: string | null) =>
  put<Code>(`${base(projectId)}/codes/${codeId}/category`, { categoryId });
export const mergeCodes = (projectId: string, codeId: string, intoCodeId: string) =>
  post<Code>(`${base(projectId)}/codes/${codeId}/merge`, { intoCodeId });
export const deleteCode = (projectId: string, codeId: string) =>
  del(`${base(projectId)}/codes/${codeId}?deleteCodings=true`);
export const createCategory = (projectId: string, name: string, parentId: string | null = null) =>
  post<Category>(`${base(projectId)}/categories`, { name, parentId });
export const renameCategory = (projectId: string, categoryId: string, name: string) =>
  put<Category>(`${base(projectId)}/categories/${categoryId}/name`, { name });
export const moveCategory = (projectId: string, categoryId: string, parentId: string | null) =>
  put<Category>(`${base(projectId)}/categories/${categoryId}/parent`, { parentId });
export const deleteCategory = (projectId: string, categoryId: string) =>
  del(`${base(projectId)}/categories/${categoryId}`);

/** A palette that stays readable as a translucent highlight on white; new codes take the next colour. */
export const palette = [
  "#e6194b",
  "#3cb44b",
  "#ffb000",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#42d4f4",
  "#f032e6",
  "#9a6324",
  "#469990",
];
export const nextColour = (codeCount: number) => palette[codeCount % palette.length] as string;
