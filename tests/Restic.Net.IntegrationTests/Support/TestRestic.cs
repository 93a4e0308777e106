using System.Diagnostics;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// The restic binary under test: <c>RESTIC_NET_TEST_RESTIC</c> (set by build.sh to each provisioned
/// version in turn), else <c>restic</c> on PATH. Also runs restic directly where a test must observe
/// the repository without going through the client (for example to list locks).
/// </summary>
internal static class TestRestic
{
    public static string BinaryPath { get; } = ResolveBinary();

    public static string Password => "integration-test-password";

    public static ResticClientOptions Options(string repository, string cacheDirectory) => new()
    {
        Repository = new LocalRepository(repository),
        Password = ResticPassword.FromValue(Password),
        BinaryPath = BinaryPath,
        CacheDirectory = cacheDirectory,
        ProgressInterval = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Runs restic with the test password and returns its stdout; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string repository, string cacheDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = repository;
        start.Environment["RESTIC_PASSWORD"] = Password;
        start.Environment["RESTIC_CACHE_DIR"] = cacheDirectory;
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"restic {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>The ids of the locks in the repository (<c>restic list locks</c>, which takes no lock itself).</summary>
    public static async Task<string[]> ListLocksAsync(string repository, string cacheDirectory) =>
        (await RunAsync(repository, cacheDirectory, "list", "locks", "--no-lock"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ResolveBinary()
    {
        var configured = Environment.GetEnvironmentVariable("RESTIC_NET_TEST_RESTIC");
        if (!string.IsNullOrEmpty(configured))
        {
            if (!File.Exists(configured))
            {
                throw new InvalidOperationException($"RESTIC_NET_TEST_RESTIC points to '{configured}', which does not exist. Run eng/provision-restic.sh.");
            }

            return configured;
        }

        return "restic";
    }
}
