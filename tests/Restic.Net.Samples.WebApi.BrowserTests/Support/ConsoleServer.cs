using Restic.Net.Samples.WebApi.Tests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests.Support;

/// <summary>
/// The console's server: the web API sample as a real process (<see cref="WebApiProcess"/>) with a viewer, an operator
/// and an admin key, repositories registered with a password file, the state in a folder of its own.
/// </summary>
internal static class ConsoleServer
{
    public const string ViewerKey = "browser-viewer-key-3a91";
    public const string OperatorKey = "browser-operator-key-77c2";
    public const string AdminKey = "browser-admin-key-b41e";

    public static Task<WebApiProcess> StartAsync(string root, IReadOnlyList<(string Name, string Location)> repositories, string passwordFile)
    {
        Directory.CreateDirectory(Path.Combine(root, "state"));
        return WebApiProcess.StartAsync(
        [
            "--Restic:CacheDirectory=" + Path.Combine(root, "state", "cache"),
            "--Restic:AllowedRoots:0=" + Path.Combine(root, "files"),
            .. repositories.SelectMany(r => new[] { $"--Restic:Repositories:{r.Name}:Location={r.Location}", $"--Restic:Repositories:{r.Name}:PasswordFile={passwordFile}" }),
            "--State:ConnectionString=Data Source=" + Path.Combine(root, "state", "state.db"),
            "--DataProtection:KeysDirectory=" + Path.Combine(root, "state", "keys"),
            .. WebApiProcess.ApiKey(0, "ann-viewer", ViewerKey, "viewer"),
            .. WebApiProcess.ApiKey(1, "olaf-operator", OperatorKey, "operator"),
            .. WebApiProcess.ApiKey(2, "ada-admin", AdminKey, "admin"),
        ], "/console/sign-in");
    }
}
