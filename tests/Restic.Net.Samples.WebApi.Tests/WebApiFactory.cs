using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The web API in-process, configured for the restic binary under test, with an admin, an operator
/// and a viewer API key, every path confined to one temporary folder, and every log line captured.
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0f3c9a";
    public const string ViewerKey = "test-viewer-key-77b1e2";
    public const string OperatorKey = "test-operator-key-5d0a41";

    private readonly TempDirectory? _ownedRoot;
    private readonly string _root;
    private readonly StateSettings? _state;

    /// <summary>A fresh app with its own SQLite state and an ephemeral Data Protection key ring.</summary>
    public WebApiFactory()
        : this(null)
    {
    }

    /// <summary>An app on the given state: restart tests start several on the same database and key ring.</summary>
    internal WebApiFactory(StateSettings? state)
    {
        _state = state;
        if (state is null)
        {
            _ownedRoot = new TempDirectory("restic-net-webapi-");
            _root = _ownedRoot.Path;
        }
        else
        {
            _root = state.Root; // the test's: shared by the apps it starts, outlives each of them
        }
    }

    internal CapturingLoggerProvider Logs { get; } = new();

    public string Root => _root;

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient() => CreateClientWithKey(AdminKey);

    public HttpClient CreateClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>Creates a repository through <c>POST /init</c> and returns its name and password token.</summary>
    public async Task<(string Name, string Token)> InitAsync(HttpClient client, string password = TestPassword)
    {
        var name = "repo-" + Guid.NewGuid().ToString("N")[..8];
        var response = await client.PostAsJsonAsync("/api/v1/backups/restic/init", new { name, location = Path.Combine(NewFolder("repo"), "r"), password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (name, JsonNode.Parse(body)!["password_token"]!.GetValue<string>());
    }

    public const string TestPassword = "webapi-test-password-91d2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Restic:BinaryPath"] = TestRestic.BinaryPath,
            ["Restic:CacheDirectory"] = Path.Combine(_root, "cache"),
            ["Restic:ProgressInterval"] = "00:00:00.100",
            ["Restic:AllowedRoots:0"] = _root,
            ["Authentication:ApiKeys:0:Name"] = "ops-admin",
            ["Authentication:ApiKeys:0:Sha256"] = Sha256(AdminKey),
            ["Authentication:ApiKeys:0:Roles:0"] = "admin",
            ["Authentication:ApiKeys:1:Name"] = "dashboard",
            ["Authentication:ApiKeys:1:Sha256"] = Sha256(ViewerKey),
            ["Authentication:ApiKeys:1:Roles:0"] = "viewer",
            ["Authentication:ApiKeys:2:Name"] = "scheduler",
            ["Authentication:ApiKeys:2:Sha256"] = Sha256(OperatorKey),
            ["Authentication:ApiKeys:2:Roles:0"] = "operator",
            ["State:Provider"] = _state?.Provider ?? "Sqlite",
            ["State:ConnectionString"] = _state?.ConnectionString ?? $"Data Source={Path.Combine(_root, "state.db")}",
            ["State:InstanceName"] = _state?.InstanceName ?? "test-instance",
            ["DataProtection:KeysDirectory"] = _state?.KeysDirectory,
        }));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (_state?.KeysDirectory is null)
        {
            builder.ConfigureServices(services => services.AddDataProtection().UseEphemeralDataProtectionProvider());
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedRoot?.Dispose();
        }
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>The state a <see cref="WebApiFactory"/> uses: shared by the apps of a restart or two-instance test.</summary>
public sealed record StateSettings(string Root, string Provider, string ConnectionString, string InstanceName, string KeysDirectory);
