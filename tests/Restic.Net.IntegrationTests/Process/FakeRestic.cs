using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Restic.Net.IntegrationTests.Process;

/// <summary>
/// One scripted run of the fake restic (tests/Restic.Net.Tests.FakeRestic): a temporary folder
/// with the script files, the FAKE_RESTIC_* variables that point to them, and the client options
/// that start it. Disposing removes the folder.
/// </summary>
internal sealed class FakeRestic : IDisposable
{
    private static readonly Lazy<string> s_binary = new(Locate);

    public FakeRestic()
    {
        Folder = Path.Combine(Path.GetTempPath(), "restic-net-fake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        RepositoryPath = Path.Combine(Folder, "repo");
        RecordFile = Path.Combine(Folder, "record.jsonl");
        SignalFile = Path.Combine(Folder, "signals.txt");
        Variables["FAKE_RESTIC_RECORD"] = RecordFile;
        Variables["FAKE_RESTIC_SIGNAL_FILE"] = SignalFile;
    }

    /// <summary>The built fake-restic apphost.</summary>
    public static string BinaryPath => s_binary.Value;

    public string Folder { get; }

    public string RepositoryPath { get; }

    public string RecordFile { get; }

    public string SignalFile { get; }

    /// <summary>The FAKE_RESTIC_* variables, passed to the fake through <see cref="ResticClientOptions.EnvironmentVariables"/>.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the fake received SIGINT (it appends a line to the signal file for each).</summary>
    public bool ReceivedSigint => File.Exists(SignalFile) && File.ReadAllText(SignalFile).Contains("sigint", StringComparison.Ordinal);

    public FakeRestic WithStdout(params IEnumerable<string> lines) => WithScript("FAKE_RESTIC_STDOUT", "stdout.txt", lines);

    public FakeRestic WithStderr(params IEnumerable<string> lines) => WithScript("FAKE_RESTIC_STDERR", "stderr.txt", lines);

    public FakeRestic With(string name, string value)
    {
        Variables[name] = value;
        return this;
    }

    public FakeRestic WithExitCode(int code) => With("FAKE_RESTIC_EXIT", code.ToString(CultureInfo.InvariantCulture));

    public FakeRestic WithDelay(int milliseconds) => With("FAKE_RESTIC_DELAY_MS", milliseconds.ToString(CultureInfo.InvariantCulture));

    public FakeRestic Hanging() => With("FAKE_RESTIC_HANG", "1");

    /// <summary>Options that start the fake against a local repository in the temporary folder.</summary>
    public ResticClientOptions CreateOptions(string password = "fake-password")
    {
        var options = new ResticClientOptions
        {
            Repository = new LocalRepository(RepositoryPath),
            Password = ResticPassword.FromValue(password),
            BinaryPath = BinaryPath,
        };
        foreach (var (name, value) in Variables)
        {
            options.EnvironmentVariables[name] = value;
        }

        return options;
    }

    public ResticClient CreateClient(Action<ResticClientOptions>? configure = null)
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        return new ResticClient(options);
    }

    /// <summary>
    /// A shell script that runs the fake with a different <c>version</c> line. Needed because the
    /// client does not pass <see cref="ResticClientOptions.EnvironmentVariables"/> to <c>restic version</c>.
    /// </summary>
    public string CreateVersionWrapper(string versionLine)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The version wrapper is a POSIX shell script.");
        }

        var path = Path.Combine(Folder, "restic-wrapper.sh");
        File.WriteAllText(
            path,
            $"#!/bin/sh\nFAKE_RESTIC_VERSION_LINE={ShellQuote(versionLine)}\nexport FAKE_RESTIC_VERSION_LINE\nexec {ShellQuote(BinaryPath)} \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>What the fake recorded of each run other than <c>version</c>.</summary>
    public IReadOnlyList<RecordedRun> ReadRecords()
    {
        if (!File.Exists(RecordFile))
        {
            return [];
        }

        var runs = new List<RecordedRun>();
        foreach (var line in File.ReadAllLines(RecordFile).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var argv = root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray();
            var env = root.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
            runs.Add(new RecordedRun(root.GetProperty("pid").GetInt32(), argv, env));
        }

        return runs;
    }

    /// <summary>The single recorded run; fails when there is not exactly one.</summary>
    public RecordedRun SingleRecord() => Assert.Single(ReadRecords());

    /// <summary>Whether a process the fake recorded is still running.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort: a temporary folder.
        }
    }

    private FakeRestic WithScript(string variable, string fileName, IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllLines(path, lines, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Variables[variable] = path;
        return this;
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// tests/Restic.Net.Tests.FakeRestic/bin/CONFIGURATION/net10.0/fake-restic, found from the
    /// repository root (the folder with Restic.Net.sln) above this test assembly.
    /// </summary>
    private static string Locate()
    {
        var configuration = typeof(FakeRestic).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (string.IsNullOrEmpty(configuration))
        {
            configuration = "Debug";
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Restic.Net.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException(
                $"Cannot find the repository root (the folder with Restic.Net.sln) above '{AppContext.BaseDirectory}', so cannot find fake-restic.");
        }

        var name = OperatingSystem.IsWindows() ? "fake-restic.exe" : "fake-restic";
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(root.FullName, "tests", "Restic.Net.Tests.FakeRestic", "bin", configuration, tfm, name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"fake-restic was not found at '{path}'. Build it with 'dotnet build tests/Restic.Net.Tests.FakeRestic -c {configuration}' " +
                "(the integration test project references it, so building that project builds it too).");
        }

        return path;
    }
}

/// <summary>One run of the fake as it recorded itself: its process id, argv and whole environment.</summary>
internal sealed record RecordedRun(int ProcessId, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);

/// <summary>Output lines as restic 0.18 prints them with <c>--json</c>.</summary>
internal static class ResticLines
{
    public static string Status(double percentDone, long filesDone, long totalFiles, long bytesDone, long totalBytes, long secondsElapsed = 1) =>
        FormattableString.Invariant(
            $$"""{"message_type":"status","seconds_elapsed":{{secondsElapsed}},"seconds_remaining":1,"percent_done":{{percentDone}},"total_files":{{totalFiles}},"files_done":{{filesDone}},"total_bytes":{{totalBytes}},"bytes_done":{{bytesDone}},"current_files":["/data/file-{{filesDone}}.bin"]}""");

    public static string ScanFinished(long totalFiles, long dataSize) =>
        FormattableString.Invariant(
            $$"""{"message_type":"verbose_status","action":"scan_finished","item":"","duration":0.004801323,"data_size":{{dataSize}},"data_size_in_repo":0,"metadata_size":0,"metadata_size_in_repo":0,"total_files":{{totalFiles}}}""");

    // Copied from TestData/restic-0.18.0/backup.stdout.
    public const string Summary =
        """{"message_type":"summary","files_new":40,"files_changed":0,"files_unmodified":0,"dirs_new":9,"dirs_changed":0,"dirs_unmodified":0,"data_blobs":53,"tree_blobs":10,"data_added":33955232,"data_added_packed":33876823,"total_files_processed":40,"total_bytes_processed":34538575,"total_duration":0.837153892,"backup_start":"2026-11-26T14:31:08.910938505Z","backup_end":"2026-11-26T14:31:09.748092407Z","snapshot_id":"15f20c4ed7786f468a3f1840c0e0e6294be93985a9a8928b19272a054e5fce9d"}""";

    public const string SummarySnapshotId = "15f20c4ed7786f468a3f1840c0e0e6294be93985a9a8928b19272a054e5fce9d";

    public static string Error(string item, string message, string during = "archival") =>
        $$"""{"message_type":"error","error":{"message":{{JsonSerializer.Serialize(message)}}},"during":{{JsonSerializer.Serialize(during)}},"item":{{JsonSerializer.Serialize(item)}}}""";

    public static string ExitError(int code, string message) =>
        FormattableString.Invariant($$"""{"message_type":"exit_error","code":{{code}},"message":{{JsonSerializer.Serialize(message)}}}""");
}
