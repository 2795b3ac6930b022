import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import { Link } from "../../lib/link";
import type { Account } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { signIn } from "./api";

export function SignInPage({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { error, busy, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const account = await run(() => signIn(email, password));
    if (account) onSignedIn(account);
  };

  return (
    <main className="auth">
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorAlert error={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        New here? <Link href="/register">Create an account</Link>
      </p>
    </main>
  );
}
