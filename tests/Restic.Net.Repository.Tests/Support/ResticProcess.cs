using System.Diagnostics;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>Runs the restic under test with variables of the test's choosing (a time zone), where <see cref="TestRestic.RunAsync"/> sets none.</summary>
internal static class ResticProcess
{
    /// <summary>Runs restic on a repository with the test password and <paramref name="environment"/>; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string repository, string cache, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(TestRestic.BinaryPath)
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
        start.Environment["RESTIC_PASSWORD"] = TestRestic.Password;
        start.Environment["RESTIC_CACHE_DIR"] = cache;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"restic {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
