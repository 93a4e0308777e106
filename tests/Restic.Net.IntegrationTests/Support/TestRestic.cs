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

    private static readonly Lazy<Task<string>> s_template = new(CreateTemplateAsync);

    public static string Password => "integration-test-password";

    /// <summary>
    /// Creates an empty repository at <paramref name="repository"/> with <see cref="Password"/>, as
    /// <c>restic init</c> would, by copying one that the restic under test made once for this test run.
    /// An init costs about 2.6 s of CPU here (scrypt calibration, then key derivation), a copy nothing;
    /// the copies share the repository id and master key, which no test compares. Tests of init itself
    /// run <see cref="ResticClient.InitAsync"/>.
    /// </summary>
    public static async Task InitializeAsync(string repository)
    {
        var template = await s_template.Value;
        CopyTree(template, repository);
    }

    /// <summary>Copies a folder with all its files and folders, also the empty ones (a repository's data/00..ff).</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

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

    private static async Task<string> CreateTemplateAsync()
    {
        var root = Directory.CreateTempSubdirectory("restic-net-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        var repository = Path.Combine(root, "repo");
        await RunAsync(repository, Path.Combine(root, "cache"), "init");
        return repository;
    }

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
