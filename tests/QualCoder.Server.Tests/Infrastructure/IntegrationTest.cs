namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>
/// Base of every test that goes through the real HTTP API: one server and database per test class, emptied
/// before each test. Test classes run in parallel; tests within a class run one after another.
/// </summary>
public abstract class IntegrationTest<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : QualCoderApp
{
    private readonly List<ApiClient> _clients = [];

    internal TApp App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        return Task.CompletedTask;
    }

    internal ApiClient Anonymous()
    {
        var client = App.NewClient();
        _clients.Add(client);
        return client;
    }

    internal Task<ApiClient> SignedIn(string name) => Anonymous().Register(name);
}

public abstract class IntegrationTest(QualCoderApp app) : IntegrationTest<QualCoderApp>(app);
