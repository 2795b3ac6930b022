using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Agents;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Members;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Search;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Features.Suggestions;
using QualCoder.Server.Hosting;
using QualCoder.Server.Realtime;

var builder = WebApplication.CreateBuilder(args);
builder.AddHttpApi();
builder.AddWebApp();
builder.AddEventStore(store =>
{
    store.ConfigureAccounts();
    store.ConfigureProjects();
    store.ConfigureCodebook();
    store.ConfigureFolders();
    store.ConfigureSources();
    store.ConfigureCoding();
    store.ConfigureSuggestions();
    store.ConfigureSearch();
    store.ConfigurePresence();
    store.ConfigureAgents();
    store.ConfigureHistory();
}, marten => marten.ConfigureRealtime());
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddRealtime();
builder.Services.AddAgents(builder.Configuration);
builder.Services.AddHistory(builder.Configuration);

var app = builder.Build();
app.UseWebApp();
app.UseHttpApi();
app.MapApiReference();
app.MapAccounts();
app.MapProjects();
app.MapMembers();
app.MapCodebook();
app.MapFolders();
app.MapSources();
app.MapCoding();
app.MapSuggestions();
app.MapSearch();
app.MapRealtime();
app.MapAgents();
app.MapHistory();
app.Run();

/// <summary>The entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
