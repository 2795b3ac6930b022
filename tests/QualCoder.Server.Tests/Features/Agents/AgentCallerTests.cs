using System.Security.Claims;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Agents;

namespace QualCoder.Server.Tests.Features.Agents;

public class AgentCallerTests
{
    private static readonly Guid Ada = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");

    private static ClaimsPrincipal Token(string scope) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, Ada.ToString()), new Claim(TokenScopes.Claim, scope)], AccessTokenAuthentication.SchemeName));

    [Fact]
    public void the_caller_acts_as_the_person_through_the_agent_session_of_the_handshake()
    {
        var caller = AgentCaller.Of(Token("suggest"), "session-1", new Implementation { Name = "claude-code", Version = "2.1.0" });

        Assert.Equal(new Actor(Ada, new AgentSession("session-1", "claude-code", "2.1.0")), caller.Actor);
        Assert.Equal(TokenScope.Suggest, caller.Scope);
    }

    [Fact]
    public void a_client_that_did_not_say_who_it_is_is_recorded_as_unknown() =>
        Assert.Equal(new AgentSession("s", "unknown", "unknown"), AgentCaller.Of(Token("full"), "s", null).Agent);

    [Fact]
    public void a_person_is_stored_without_an_agent_field_and_older_actors_still_read()
    {
        Assert.DoesNotContain("agent", JsonSerializer.Serialize(new Actor(Ada), JsonSerializerOptions.Web));
        Assert.Equal(new Actor(Ada), JsonSerializer.Deserialize<Actor>($$"""{"accountId":"{{Ada}}"}""", JsonSerializerOptions.Web));
    }
}
