// The server's read models as the API returns them (camelCase JSON). One vocabulary with the server.

export type ProjectRole = "viewer" | "coder" | "editor" | "owner";

export interface Account {
  id: string;
  email: string;
  displayName: string;
  isServerAdmin: boolean;
}

export interface Project {
  id: string;
  name: string;
  description: string;
  myRole: ProjectRole;
  memberCount: number;
  version: number;
}

export interface Member {
  accountId: string;
  email: string;
  displayName: string;
  role: ProjectRole;
  since: string;
}

export interface CoderCount {
  coderId: string;
  count: number;
}

export interface Code {
  id: string;
  name: string;
  color: string;
  memo: string;
  categoryId: string | null;
  codingCount: number;
  codingsByCoder: CoderCount[];
}

export interface Category {
  id: string;
  name: string;
  memo: string;
  parentId: string | null;
}

export interface Codebook {
  version: number;
  categories: Category[];
  codes: Code[];
}

export interface Folder {
  id: string;
  name: string;
  parentId: string | null;
}

export interface FolderList {
  version: number;
  folders: Folder[];
}

export interface Source {
  id: string;
  name: string;
  format: string;
  memo: string;
  origin: string;
  folderId: string | null;
  length: number;
  codingCount: number;
  version: number;
}

export interface SourceTextPage {
  start: number;
  end: number;
  totalLength: number;
  hasMore: boolean;
  text: string;
}

export interface SourceDeletePreview {
  sourceId: string;
  name: string;
  codingsToRemove: number;
  requiresConfirmation: boolean;
}

export interface UncodedRange {
  start: number;
  end: number;
  length: number;
}

export interface UncodedReport {
  totalLength: number;
  codedLength: number;
  uncodedPercentage: number;
  ranges: UncodedRange[];
}

/** What a token may do over MCP: everything (full), reads plus suggestions (suggest), or reads only (read). */
export type TokenScope = "full" | "suggest" | "read";

export interface AccessToken {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  scope: TokenScope;
}

export interface CreatedAccessToken extends AccessToken {
  token: string;
}
