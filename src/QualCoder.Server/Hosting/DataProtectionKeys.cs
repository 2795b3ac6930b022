using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace QualCoder.Server.Hosting;

/// <summary>
/// The keys that sign session cookies live in PostgreSQL next to everything else, so sign-ins survive a restart or a
/// new container, every instance on one database accepts every other's cookies, and one database backup covers them.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "QualCoder.Web";

    public static void ConfigureDataProtection(this StoreOptions store) => store.Schema.For<DataProtectionKey>();

    public static IServiceCollection AddDataProtectionKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new Repository(provider.GetRequiredService<IDocumentStore>())));
        return services;
    }

    /// <summary>
    /// Data protection asks synchronously, and Marten 9 answers only asynchronously: the calls block, which is fine
    /// because they are rare (the first request, then about once a day) and ASP.NET Core has no context to deadlock on.
    /// </summary>
    private sealed class Repository(IDocumentStore store) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var session = store.QuerySession();
            return [.. session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml))];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var session = store.LightweightSession();
            session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
            session.SaveChangesAsync().GetAwaiter().GetResult();
        }
    }
}

/// <summary>One data-protection key, as the XML the key manager wrote; the id is its friendly name ("key-&lt;guid&gt;").</summary>
public sealed record DataProtectionKey(string Id, string Xml);
