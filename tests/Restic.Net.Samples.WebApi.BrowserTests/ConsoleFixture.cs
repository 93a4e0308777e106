using System.Diagnostics;
using System.Text.Json;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.BrowserTests.Support;
using Restic.Net.Samples.WebApi.Tests.Support;

namespace Restic.Net.Samples.WebApi.BrowserTests;

/// <summary>
/// One console process and one browser for the whole collection, on a repository real restic wrote: three snapshots
/// of a tree with a small project (whose README changes between snapshots), a chain of single-child folders, a folder
/// of 600 files (more than a page) and files whose names are markup, quotes, a newline and invalid UTF-8.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string RepositoryName = "demo";

    /// <summary>A second repository for the tests that write (backups), so that the demo's three snapshots stay three.</summary>
    public const string ScratchName = "scratch";
    public const string Host = "console-host";

    /// <summary>A repository whose one snapshot holds 200,000 files: 200 folders of 1,000 empty files.</summary>
    public const string LargeName = "large";
    public const int LargeFolders = 200;
    public const int LargeFilesPerFolder = 1_000;

    private readonly TempDirectory _root = new("restic-net-browser-");
    private WebApiProcess? _server;
    private Browser? _browser;

    public string Source => _root.Combine("files", "src");

    public string Repository => _root.Combine("files", "repository");

    public string Cache => _root.Combine("cache");

    public string Scratch => _root.Combine("files", "scratch");

    /// <summary>What the scratch repository's first snapshot holds; the backup tests back it up again.</summary>
    public string ScratchSource => _root.Combine("files", "scratch-src");

    public string Large => _root.Combine("files", "large");

    public string LargeSource => _root.Combine("files", "large-src");

    internal WebApiProcess Server => _server!;

    internal Browser Browser => _browser!;

    /// <summary>The snapshots, oldest first, as restic lists them.</summary>
    public IReadOnlyList<(string Id, string ShortId, DateTimeOffset Time)> Snapshots { get; private set; } = [];

    public static readonly string[] HostileNames =
    [
        "<script>alert(1)<script>.txt",
        "<img src=x onerror=alert(2)>.txt",
        "\"quoted\" & 'single'.txt",
        "two\nlines.txt",
    ];

    public async Task InitializeAsync()
    {
        WriteTree();
        await TestRestic.InitializeAsync(Repository);
        await BackupAsync("nightly");
        await File.WriteAllTextAsync(Path.Combine(Source, "projects", "website", "README.md"), "# Website\n\nSecond edition.\n");
        await BackupAsync("nightly");
        await File.WriteAllTextAsync(Path.Combine(Source, "projects", "website", "README.md"), "# Website\n\nThird edition, longer than the others.\n");
        await BackupAsync("manual");

        using var snapshots = JsonDocument.Parse(await TestRestic.RunAsync(Repository, Cache, "snapshots", "--json"));
        Snapshots = [.. snapshots.RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("short_id").GetString()!, s.GetProperty("time").GetDateTimeOffset()))
            .OrderBy(s => s.Item3)];

        await TestRestic.InitializeAsync(Scratch);
        Directory.CreateDirectory(ScratchSource);
        await File.WriteAllTextAsync(Path.Combine(ScratchSource, "notes.txt"), "scratch\n");
        await TestRestic.RunAsync(Scratch, Cache, "backup", "--host", Host, "--tag", "scratch", ScratchSource);

        WriteLargeTree();
        await TestRestic.InitializeAsync(Large);
        await TestRestic.RunAsync(Large, Cache, "backup", "--host", Host, LargeSource);

        var passwordFile = _root.Combine("password");
        await File.WriteAllTextAsync(passwordFile, TestRestic.Password);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _server = await ConsoleServer.StartAsync(_root.Path, [(RepositoryName, Repository), (ScratchName, Scratch), (LargeName, Large)], passwordFile);
        _browser = new Browser(_server.Address, _root.Combine("downloads"));
    }

    /// <summary>Runs restic dump of one path of a snapshot: the bytes a download must equal.</summary>
    public async Task<byte[]> DumpAsync(string snapshotId, string path)
    {
        var start = new ProcessStartInfo(TestRestic.BinaryPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "dump", snapshotId, path })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RESTIC_REPOSITORY"] = Repository;
        start.Environment["RESTIC_PASSWORD"] = TestRestic.Password;
        start.Environment["RESTIC_CACHE_DIR"] = Cache;
        using var process = Process.Start(start)!;
        using var bytes = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"restic dump {path} exited with {process.ExitCode}: {await stderr}");
        return bytes.ToArray();
    }

    public async Task DisposeAsync()
    {
        _browser?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _root.Dispose();
    }

    private async Task BackupAsync(string tag) =>
        await TestRestic.RunAsync(Repository, Cache, "backup", "--host", Host, "--tag", tag, Source);

    private void WriteLargeTree()
    {
        for (var folder = 0; folder < LargeFolders; folder++)
        {
            var path = Directory.CreateDirectory(Path.Combine(LargeSource, $"dir-{folder:D3}")).FullName;
            for (var file = 0; file < LargeFilesPerFolder; file++)
            {
                File.Create(Path.Combine(path, $"file-{file:D4}.txt")).Dispose();
            }
        }
    }

    private void WriteTree()
    {
        var website = Directory.CreateDirectory(Path.Combine(Source, "projects", "website", "assets")).Parent!.FullName;
        File.WriteAllText(Path.Combine(website, "README.md"), "# Website\n\nFirst edition.\n");
        File.WriteAllBytes(Path.Combine(website, "assets", "logo.bin"), [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 % 251))]);
        File.WriteAllText(Path.Combine(website, "assets", "site.css"), "body { color: #123; }\n");
        var deep = Directory.CreateDirectory(Path.Combine(Source, "deep", "a", "b", "c", "d", "e")).FullName;
        File.WriteAllText(Path.Combine(deep, "found.txt"), "at the bottom of a single-child chain\n");
        var many = Directory.CreateDirectory(Path.Combine(Source, "many")).FullName;
        for (var i = 1; i <= 600; i++)
        {
            File.WriteAllText(Path.Combine(many, $"file-{i:D3}.txt"), $"line {i}\n");
        }

        var hostile = Directory.CreateDirectory(Path.Combine(Source, "hostile")).FullName;
        foreach (var name in HostileNames)
        {
            File.WriteAllText(Path.Combine(hostile, name), "hostile: " + name + "\n");
        }

        // A name that is not UTF-8 (bytes 0xff 0xfe): .NET strings cannot spell it, the shell can.
        using var shell = Process.Start("bash", ["-c", "printf 'not utf-8\\n' > \"$1/bad-$(printf '\\377\\376')-name.txt\"", "bash", hostile])!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
