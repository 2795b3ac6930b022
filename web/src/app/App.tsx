import { useEffect, useState } from "react";
import { RegisterPage } from "../features/auth/RegisterPage";
import { SignInPage } from "../features/auth/SignInPage";
import { currentAccount, signOut } from "../features/auth/api";
import { ProjectsPage } from "../features/projects/ProjectsPage";
import { ApiError, messageOf } from "../lib/api";
import { ErrorAlert } from "../lib/alert";
import { match, navigate, usePath } from "../lib/router";
import type { Account } from "../lib/types";
import { ProjectPage } from "./ProjectPage";

/** The signed-in person and the route: sign-in and registration for strangers, the app for everyone else. */
export function App() {
  const path = usePath();
  const [me, setMe] = useState<Account | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    currentAccount().then(setMe, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else setError(messageOf(e));
    });
  }, []);

  const signedIn = (account: Account) => {
    setMe(account);
    // A deep link that asked for sign-in stays where it was; the sign-in pages lead to one's projects.
    if (path === "/sign-in" || path === "/register") navigate("/", { replace: true });
  };

  if (me === undefined) return error ? <ErrorAlert error={error} /> : <p className="muted page">Loading…</p>;
  if (me === null) {
    return path === "/register" ? (
      <RegisterPage onSignedIn={signedIn} />
    ) : (
      <SignInPage onSignedIn={signedIn} />
    );
  }

  const project =
    match("/projects/:projectId", path) ??
    match("/projects/:projectId/:screen", path) ??
    match("/projects/:projectId/sources/:sourceId", path);

  return (
    <>
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">QualCoder Web</span>
        <span className="who">{me.displayName}</span>
        <button
          type="button"
          onClick={async () => {
            // Only a sign-out the server confirmed ends the session here: otherwise its cookie would still work.
            const done = await signOut().then(
              () => true,
              (e: unknown) => setError(`Signing out failed: ${messageOf(e)}`),
            );
            if (!done) return;
            setMe(null);
            navigate("/sign-in", { replace: true });
          }}
        >
          Sign out
        </button>
      </header>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      <main id="content">
        {project?.projectId ? (
          <ProjectPage key={project.projectId} projectId={project.projectId} path={path} me={me} />
        ) : (
          <ProjectsPage />
        )}
      </main>
    </>
  );
}
