namespace Restic.Net.Samples.WebApi.Console;

/// <summary>The console's URLs, in one place for the pages, the cookie and the tests.</summary>
internal static class ConsolePaths
{
    public const string Root = "/console";
    public const string SignIn = Root + "/sign-in";
    public const string SignOut = Root + "/sign-out";
    public const string Denied = Root + "/denied";

    public static string Job(Guid id) => $"{Root}/jobs/{id}";

    public static string Backup(string repository) => $"{Root}/repositories/{Uri.EscapeDataString(repository)}/backup";

    public static string Retention(string repository) => $"{Root}/repositories/{Uri.EscapeDataString(repository)}/retention";

    public static string Maintenance(string repository) => $"{Root}/repositories/{Uri.EscapeDataString(repository)}/maintenance";

    public const string Audit = Root + "/audit";

    public static string Snapshots(string repository) => $"{Root}/repositories/{Uri.EscapeDataString(repository)}/snapshots";

    public static string Browse(string repository, string snapshotId, string path) =>
        $"{Root}/repositories/{Uri.EscapeDataString(repository)}/snapshots/{snapshotId}/browse?path={Uri.EscapeDataString(path)}";

    public static string File(string repository, string snapshotId, string path) =>
        $"{Root}/repositories/{Uri.EscapeDataString(repository)}/snapshots/{snapshotId}/file?path={Uri.EscapeDataString(path)}";

    public static string Download(string repository, string snapshotId, string path) =>
        $"{Root}/repositories/{Uri.EscapeDataString(repository)}/snapshots/{snapshotId}/download?path={Uri.EscapeDataString(path)}";

    public static string Archive(string repository, string snapshotId) =>
        $"{Root}/repositories/{Uri.EscapeDataString(repository)}/snapshots/{snapshotId}/archive";
}
