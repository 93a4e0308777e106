namespace Restic.Net.IntegrationTests.Support;

/// <summary>The .tools folder that eng/provision-*.sh fill: RESTIC_NET_TEST_TOOLS, else .tools at the repository root.</summary>
internal static class Tools
{
    public static string Folder { get; } = Resolve();

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("RESTIC_NET_TEST_TOOLS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Restic.Net.sln")))
            {
                return Path.Combine(dir.FullName, ".tools");
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Restic.Net.sln) to locate .tools; set RESTIC_NET_TEST_TOOLS.");
    }
}
