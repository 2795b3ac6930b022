// One door to the server's HTTP API. Every failure becomes an ApiError carrying the problem details' message and
// stable code, so screens can show people what went wrong in words instead of swallowing it.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, message: string, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not every failure has a JSON body (a proxy's 502, say): fall back to the status line.
  }
  const fieldErrors = problem.errors ? Object.values(problem.errors).flat().join(" ") : "";
  const message =
    problem.detail ||
    fieldErrors ||
    problem.title ||
    `${response.status} ${response.statusText || "request failed"}`;
  return new ApiError(response.status, message, problem.code);
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError(0, "The server cannot be reached. Check your connection and try again.");
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const request = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  send<T>(path, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Posts a file as the request body itself (not a form), e.g. a project export to import. */
export const postFile = <T>(path: string, file: Blob, contentType: string): Promise<T> =>
  send<T>(path, { method: "POST", headers: { "Content-Type": contentType }, body: file });

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, body);
export const del = <T = void>(path: string) => request<T>("DELETE", path);

/** Uploads a file as multipart form data, reporting progress (fetch cannot report upload progress). */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "The upload failed: the server cannot be reached."));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else void problemOf(response).then(reject);
    };
    xhr.send(form);
  });
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
