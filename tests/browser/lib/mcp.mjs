// An MCP client as agents use it: the official TypeScript SDK over streamable HTTP with a personal access token.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** Connects to /mcp with a new token of `api`'s account (scope: full unless given). */
export async function agentOf(api, baseUrl, scope = 'full') {
  const token = await api.post('/api/account/tokens', { name: `agent ${Date.now()}`, scope });
  const client = new Client({ name: 'browser-suite-agent', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', baseUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token.token}` } },
  });
  await client.connect(transport);
  return {
    client,
    /** Calls a tool and answers its envelope's data; a tool error throws with its code and message. */
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const envelope = result.structuredContent ?? JSON.parse(result.content?.[0]?.text ?? '{}');
      if (result.isError) throw new Error(`${name}: ${envelope.error_code}: ${envelope.error}`);
      return envelope.data;
    },
    close: () => client.close(),
  };
}
