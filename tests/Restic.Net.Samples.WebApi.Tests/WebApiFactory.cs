using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The web API in-process, configured for the restic binary under test, with an admin, an operator
/// and a viewer API key, every path confined to one temporary folder (<see cref="Root"/>), the state
/// (database, key ring) in a folder of its own beside it, and every log line captured.
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0f3c9a";
    public const string ViewerKey = "test-viewer-key-77b1e2";
    public const string OperatorKey = "test-operator-key-5d0a41";

    private readonly TempDirectory? _ownedTemp;
    private readonly string _temp;
    private readonly StateSettings? _state;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>A fresh app with its own SQLite state and a key ring in memory.</summary>
    public WebApiFactory()
        : this(null)
    {
    }

    /// <summary>
    /// An app on the given state (restart tests start several on the same database and key ring), with
    /// <paramref name="settings"/> over the test configuration (a null value removes a setting).
    /// </summary>
    internal WebApiFactory(StateSettings? state, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _state = state;
        _settings = settings ?? new Dictionary<string, string?>();
        if (state is null)
        {
            _ownedTemp = new TempDirectory("restic-net-webapi-");
            _temp = _ownedTemp.Path;
        }
        else
        {
            _temp = state.Root; // the test's: shared by the apps it starts, outlives each of them
        }

        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(StateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    internal CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The one allowed root: everything the tests back up, restore into and keep repositories in.</summary>
    public string Root => Path.Combine(_temp, "files");

    /// <summary>The server's own state (database, key ring), outside the allowed root as the server requires.</summary>
    public string StateFolder => StateFolderOf(_temp);

    /// <summary>Where the tests' temporary folders live: <see cref="Root"/>, <see cref="StateFolder"/> and others beside them.</summary>
    public string Temp => _temp;

    public static string StateFolderOf(string temp) => Path.Combine(temp, "state");

    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

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
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    /// <summary>
    /// The test configuration as host configuration: Program reads the state and key ring settings before
    /// it builds the app, where configuration added with ConfigureAppConfiguration is not visible yet
    /// (dotnet/aspnetcore#37680); an earlier version of these tests ran on the default key ring because of it.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Restic:BinaryPath"] = TestRestic.BinaryPath,
            ["Restic:CacheDirectory"] = Path.Combine(_temp, "cache"),
            ["Restic:ProgressInterval"] = "00:00:00.100",
            ["Restic:AllowedRoots:0"] = Root,
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
            ["State:ConnectionString"] = _state?.ConnectionString ?? $"Data Source={Path.Combine(StateFolder, "state.db")}",
            ["State:InstanceName"] = _state?.InstanceName ?? "test-instance",
            ["DataProtection:KeysDirectory"] = _state?.KeysDirectory, // none: the keys live in memory
        };
        foreach (var (key, value) in _settings)
        {
            configuration[key] = value;
        }

        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(configuration.Where(e => e.Value is not null)));
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedTemp?.Dispose();
        }
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>
/// The state a <see cref="WebApiFactory"/> uses: shared by the apps of a restart or two-instance test.
/// <see cref="Root"/> is the test's temporary folder: the apps' allowed root and state folder are inside it.
/// </summary>
public sealed record StateSettings(string Root, string Provider, string ConnectionString, string InstanceName, string KeysDirectory)
{
    /// <summary>SQLite and a key ring in the state folder of <paramref name="root"/>.</summary>
    public static StateSettings Sqlite(string root, string instanceName = "instance-a") =>
        new(root, "Sqlite", $"Data Source={Path.Combine(WebApiFactory.StateFolderOf(root), "state.db")}", instanceName, Path.Combine(WebApiFactory.StateFolderOf(root), "keys"));

    /// <summary>PostgreSQL and a key ring in the state folder of <paramref name="root"/>.</summary>
    public static StateSettings PostgreSql(string root, string connectionString, string instanceName = "instance-a") =>
        new(root, "PostgreSql", connectionString, instanceName, Path.Combine(WebApiFactory.StateFolderOf(root), "keys"));
}
