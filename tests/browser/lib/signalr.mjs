// Node SignalR clients of the project hub, signed in with a personal access token (Authorization: Bearer).
import * as signalR from '@microsoft/signalr';

/**
 * Connects to /hubs/project and joins a project.
 * @param {string} baseUrl @param {string} token @param {string} projectId
 * @param {(change: any) => void} [onChanged]
 */
export async function connectProjectClient(baseUrl, token, projectId, onChanged) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/project`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  let changes = 0;
  // Presence updates come too; these clients only count changes.
  connection.on('presence', () => {});
  connection.on('changed', (change) => {
    changes++;
    onChanged?.(change);
  });
  await connection.start();
  const joined = await connection.invoke('JoinProject', projectId, null);
  return {
    connection,
    joined,
    get changes() { return changes; },
    stop: () => connection.stop(),
  };
}
