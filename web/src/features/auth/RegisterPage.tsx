import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import { Link } from "../../lib/link";
import type { Account } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { register, signIn } from "./api";

export function RegisterPage({ onSignedIn }: { onSignedIn: (account: Account) => void }) {
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const { error, busy, run } = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const account = await run(async () => {
      await register(email, displayName, password);
      return signIn(email, password);
    });
    if (account) onSignedIn(account);
  };

  return (
    <main className="auth">
      <h1>Create an account</h1>
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
          Display name
          <input
            autoComplete="name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorAlert error={error} />
        <button type="submit" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already registered? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
