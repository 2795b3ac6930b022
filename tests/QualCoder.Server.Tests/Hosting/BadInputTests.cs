using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>Malformed, unknown and oversized input gets a 400-family problem with a message, and nothing is written.</summary>
public sealed class BadInputTests(QualCoderApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("{\"name\": ", "REQUEST/MALFORMED")]
    [InlineData("{\"name\": \"A\", \"colour\": \"red\"}", "REQUEST/MALFORMED")]
    [InlineData("{\"description\": \"no name\"}", "REQUEST/MALFORMED")]
    [InlineData("{\"name\": null}", "REQUEST/MALFORMED")]
    [InlineData("[1, 2]", "REQUEST/MALFORMED")]
    [InlineData("{\"name\": \"A\\u0000B\"}", "REQUEST/MALFORMED")]
    public async Task a_malformed_body_is_a_400_and_creates_nothing(string body, string code)
    {
        var ada = await SignedIn("Ada");

        var reply = (await ada.SendRaw(HttpMethod.Post, "/api/projects", body)).ShouldBe(HttpStatusCode.BadRequest, code);

        Assert.False(string.IsNullOrWhiteSpace(reply.String("detail")));
        Assert.Empty((await ada.Get("/api/projects")).Json!.AsArray());
    }

    [Fact]
    public async Task an_unknown_field_is_named_in_the_message()
    {
        var ada = await SignedIn("Ada");

        var reply = (await ada.SendRaw(HttpMethod.Post, "/api/projects", "{\"name\": \"A\", \"colour\": \"red\"}")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Contains("colour", reply.String("detail"));
    }

    [Fact]
    public async Task an_unknown_role_is_a_400()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var id = await ada.CreateProject();

        (await ada.Post($"/api/projects/{id}/members", new { email = bob.Email, role = "admin" })).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
        (await ada.Post($"/api/projects/{id}/members", new { email = bob.Email, role = 3 })).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
        Assert.Single((await ada.Get($"/api/projects/{id}/members")).Json!.AsArray());
    }

    [Fact]
    public async Task an_oversized_body_is_refused_before_it_is_read()
    {
        var ada = await SignedIn("Ada");

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "A", description = new string('x', 2 * 1024 * 1024) }) };
        request.Headers.ExpectContinue = true;
        var reply = await ada.Send(request);

        reply.ShouldBe(HttpStatusCode.RequestEntityTooLarge, "REQUEST/TOO_LARGE");
        Assert.Empty((await ada.Get("/api/projects")).Json!.AsArray());
    }

    [Fact]
    public async Task a_declared_length_over_the_limit_is_refused_too()
    {
        var ada = await SignedIn("Ada");
        var body = $"{{\"name\": \"A\", \"description\": \"{new string('x', 2 * 1024 * 1024)}\"}}";

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        (await ada.Send(request)).ShouldBe(HttpStatusCode.RequestEntityTooLarge, "REQUEST/TOO_LARGE");
    }

    [Fact]
    public async Task a_description_over_its_limit_is_a_422()
    {
        var ada = await SignedIn("Ada");

        (await ada.Post("/api/projects", new { name = "A", description = new string('x', 2001) }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_CREATED/DESCRIPTION_TOO_LONG");
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_problem()
    {
        var ada = await SignedIn("Ada");

        (await ada.Get("/api/projects/not-a-guid")).ShouldBe(HttpStatusCode.NotFound, "REQUEST/NO_SUCH_ROUTE");
    }
}
