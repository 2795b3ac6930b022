import { del, get, post, put } from "../../lib/api";
import type { AccessToken, CreatedAccessToken, Member, ProjectRole, TokenScope } from "../../lib/types";

const members = (projectId: string) => `/api/projects/${projectId}/members`;

export const addMember = (projectId: string, email: string, role: ProjectRole) =>
  post<Member>(members(projectId), { email, role });
export const changeRole = (projectId: string, accountId: string, role: ProjectRole) =>
  put<Member>(`${members(projectId)}/${accountId}`, { role });
export const removeMember = (projectId: string, accountId: string) =>
  del(`${members(projectId)}/${accountId}`);

export const listTokens = () => get<AccessToken[]>("/api/account/tokens");
export const createToken = (name: string, expiresInDays: number | null, scope: TokenScope) =>
  post<CreatedAccessToken>("/api/account/tokens", { name, expiresInDays, scope });
export const revokeToken = (id: string) => del(`/api/account/tokens/${id}`);
