using Marten;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// Agents over hosted MCP at <c>/mcp</c> (streamable HTTP, stateful so a session can have a current project), on
/// the app's own port. Only a personal access token opens it; a request from a browser page on a foreign origin is
/// refused (see <see cref="AllowedOrigins"/>); the Host header is filtered by ASP.NET Core's AllowedHosts. A tool
/// that throws answers as HTTP would: a lost race is the same conflict, anything else INTERNAL (logged).
/// </summary>
public static class AgentsModule
{
    public const string Path = "/mcp";

    public static void ConfigureAgents(this StoreOptions store) =>
        store.Schema.For<AgentSessionState>();

    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AllowedOrigins.From(configuration));
        services
            .AddMcpServer(options => options.ServerInfo = new Implementation { Name = "QualCoder Web", Version = "1.0" })
            .WithHttpTransport(options =>
            {
                options.SessionMode = HttpServerSessionMode.Stateful;
#pragma warning disable MCPEXP002 // Experimental, and the one place that sees a session end.
                options.RunSessionHandler = RunSessionAsync;
#pragma warning restore MCPEXP002
            })
            .WithRequestFilters(filters => filters.AddCallToolFilter(next => async (context, ct) =>
            {
                try
                {
                    return ToolArguments.MissingRequired(context.MatchedPrimitive, context.Params) ?? await next(context, ct);
                }
                catch (Exception e) when (ProblemResponses.IsLostRace(e))
                {
                    return ToolResults.Failure(StreamCommands.ConcurrentWrite);
                }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
                {
                    (context.Services ?? context.Server.Services)?.GetService<ILoggerFactory>()?.CreateLogger(typeof(AgentsModule))
                        .LogError(e, "MCP tool {Tool} failed", context.Params?.Name);
                    return ToolResults.Internal();
                }
            }))
            .WithTools([typeof(ProjectTools), typeof(SourceTools), typeof(FolderTools), typeof(SearchTools), typeof(CodebookTools), typeof(CodingTools),
                typeof(CodeSuggestionTools), typeof(CodingSuggestionTools), typeof(SourceSuggestionTools), typeof(AutoCodingTools), typeof(HistoryTools)])
            .WithResources([typeof(ProjectResources)]);
        return services;
    }

    /// <summary>Runs an MCP session; once it ends (the client closed it, or it idled out) its current project is forgotten.</summary>
    private static async Task RunSessionAsync(HttpContext http, McpServer server, CancellationToken ct)
    {
        try
        {
            await server.RunAsync(ct);
        }
        finally
        {
            if (server.SessionId is { Length: > 0 } sessionId && server.Services is { } services)
            {
                await using var scope = services.CreateAsyncScope();
                var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
                session.Delete<AgentSessionState>(sessionId);
                await session.SaveChangesAsync(CancellationToken.None);
            }
        }
    }

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        var origins = app.ServiceProvider.GetRequiredService<AllowedOrigins>();
        app.MapMcp(Path)
            // import_file_source carries a whole file as base64, up to the same limit as an upload.
            .WithMetadata(SourceSize.Base64RequestLimit(app))
            // Bearer tokens only: a cookie would let any page the user visits drive their agent endpoint.
            .RequireAuthorization(new AuthorizationPolicyBuilder(AccessTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .Add(endpoint =>
            {
                var next = endpoint.RequestDelegate!;
                endpoint.RequestDelegate = http => origins.Allow(http.Request.Headers.Origin)
                    ? next(http)
                    : AccessTokenAuthentication.WriteProblem(http.Response, StatusCodes.Status403Forbidden, "MCP/FORBIDDEN_ORIGIN",
                        $"Requests to {Path} from the origin {http.Request.Headers.Origin} are not allowed; see QualCoder:Mcp:AllowedOrigins.");
            });
        return app;
    }
}
