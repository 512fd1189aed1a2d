using System.Xml.Linq;
using Dapper;
using FundingWeb.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FundingWeb.Auth;

/// <summary>
/// The Data Protection key ring in the shared database (table <c>data_protection_key</c>), so every web node protects
/// and unprotects with the same keys: a sign-in cookie or an antiforgery token issued by one node is read by the others.
/// Keys are stored as the framework writes them (no XML encryptor is configured: anyone who can read the database can
/// read them, as they could the sessions). Only for PostgreSQL: one machine keeps the framework's own key folder.
/// </summary>
public sealed class DataProtectionKeyRepository(DbConnectionFactory factory, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = factory.Open();
        return connection.Query<string>("SELECT xml FROM data_protection_key ORDER BY created_ms, friendly_name")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    /// <summary>A key name written twice (two nodes creating a key at the same instant) keeps the first: both are valid keys.</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = factory.Open();
        connection.Execute(
            $"{factory.Dialect.InsertOrIgnore} INTO data_protection_key (friendly_name, xml, created_ms) VALUES (@friendlyName, @xml, @now) {factory.Dialect.OnConflictIgnore}",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }
}
