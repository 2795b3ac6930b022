import { useEffect, useState, type FormEvent } from "react";
import { ErrorAlert } from "../../lib/alert";
import type { AccessToken, CreatedAccessToken, TokenScope } from "../../lib/types";
import { useAction } from "../../lib/use-action";
import { createToken, listTokens, revokeToken } from "./api";

const scopes: readonly TokenScope[] = ["full", "suggest", "read"];
const scopeLabels: Record<TokenScope, string> = {
  full: "Full access",
  suggest: "Suggest only",
  read: "Read only",
};

/** Personal access tokens for agents and scripts. A new token is shown once, here, and never again. */
export function TokensSection() {
  const [tokens, setTokens] = useState<AccessToken[]>([]);
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [scope, setScope] = useState<TokenScope>("full");
  const [created, setCreated] = useState<CreatedAccessToken | null>(null);
  const [copied, setCopied] = useState(false);
  const action = useAction();
  const { run } = action;

  const reload = () => run(listTokens).then((t) => t && setTokens(t));
  useEffect(() => {
    void run(listTokens).then((t) => t && setTokens(t));
  }, [run]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const token = await run(() => createToken(name, days ? Number(days) : null, scope));
    if (token) {
      setCreated(token);
      setCopied(false);
      setName("");
      void reload();
    }
  };

  return (
    <section aria-labelledby="tokens-heading" className="panel">
      <h3 id="tokens-heading">Personal access tokens</h3>
      <p className="muted">For AI agents and scripts: send as “Authorization: Bearer &lt;token&gt;”.</p>
      <ErrorAlert error={action.error} onDismiss={() => action.setError(null)} />
      {created && (
        <div role="region" aria-label="New token" className="new-token">
          <p>Copy this token now: it will not be shown again.</p>
          <code>{created.token}</code>
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(created.token).then(
                () => setCopied(true),
                () =>
                  action.setError("The browser did not allow copying: select the token and copy it by hand."),
              );
            }}
          >
            Copy token
          </button>
          <span role="status">{copied ? "Copied." : ""}</span>
          <button type="button" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      <form onSubmit={create} className="row">
        <label className="inline">
          Token name
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="inline">
          Expires in days (optional)
          <input type="number" min={1} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <label className="inline">
          Token scope
          <select
            value={scope}
            onChange={(e) => setScope(scopes.find((s) => s === e.target.value) ?? "full")}
          >
            {scopes.map((s) => (
              <option key={s} value={s}>
                {scopeLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Create token</button>
      </form>
      <ul className="plain">
        {tokens.map((t) => (
          <li key={t.id}>
            {t.name} <span className="muted">…{t.hint}</span> <span>{scopeLabels[t.scope]}</span>{" "}
            <span className="muted">
              {t.expiresAt ? `expires ${new Date(t.expiresAt).toLocaleDateString()}` : "no expiry"}
            </span>{" "}
            <button
              type="button"
              onClick={async () => (await run(() => revokeToken(t.id).then(() => true))) && reload()}
            >
              Revoke {t.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
