using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// The README's quick start, exactly as the page shows it, compiled as a new console project's Program.cs and run
/// twice against the real restic: a newcomer runs it again, and the second run must work too. Only the reader's
/// paths are replaced, by folders of this test.
/// </summary>
public sealed class QuickStartTests : IDisposable
{
    private readonly TempDirectory _root = new("restic-net-quick-start-");

    [Fact(Timeout = 300000)]
    public async Task ReadmeQuickStart_AsShown_RunsTwice_AndRestoresTheBytes()
    {
        var source = _root.Combine("app");
        SourceTree.WriteSmallFiles(source, count: 12);
        var password = _root.Combine("password");
        await File.WriteAllTextAsync(password, "quick-start-password\n");
        var program = SnippetSource.All["readme-quick-start"]
            .Replace("\"/srv/backups/repo\"", Quote(_root.Combine("repo")), StringComparison.Ordinal)
            .Replace("\"/etc/restic/password\"", Quote(password), StringComparison.Ordinal)
            .Replace("\"/var/lib/app\"", Quote(source), StringComparison.Ordinal)
            .Replace("\"/tmp/restore\"", Quote(_root.Combine("restore")), StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/", program, StringComparison.Ordinal); // every path of the reader's was replaced
        var (errors, assembly) = ConsoleProgram.Compile(program);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        UseTestResticAsThePlainRestic();

        await ConsoleProgram.RunAsync(assembly!);
        await ConsoleProgram.RunAsync(assembly!);

        SourceTree.AssertSameFiles(source, SourceTree.RestoredPath(_root.Combine("restore"), source));
        var options = TestRestic.Options(_root.Combine("repo"), _root.Combine("cache"));
        options.Password = ResticPassword.FromFile(password);
        Assert.NotEmpty(await new ResticClient(options).GetSnapshotsAsync());
    }

    public void Dispose() => _root.Dispose();

    private static string Quote(string path) => "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";

    // The quick start runs "restic" from PATH with restic's own cache folder, as a reader's program does: PATH
    // gets the restic under test first, and the cache goes to a folder of this process (XDG_CACHE_HOME), not
    // the user's. Both are process-wide; the other tests here name their binary and cache folder explicitly.
    private static void UseTestResticAsThePlainRestic()
    {
        var folder = Path.GetDirectoryName(TestRestic.BinaryPath);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!string.IsNullOrEmpty(folder) && !path.StartsWith(folder + Path.PathSeparator, StringComparison.Ordinal))
        {
            Environment.SetEnvironmentVariable("PATH", folder + Path.PathSeparator + path);
        }

        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(Path.GetTempPath(), "restic-net-docs-cache"));
    }
}
