namespace Restic.Net.IntegrationTests.Support;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "restic-net-it-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// A repository of its own in the folder <paramref name="name"/> (repo, cache) with a client for it, and
    /// a source folder of small files to back up (src).
    /// </summary>
    public async Task<(ResticClient Client, string Source)> NewRepositoryAsync(string name, int files = 12)
    {
        var source = Combine(name, "src");
        SourceTree.WriteSmallFiles(source, count: files, seed: name.Length);
        await TestRestic.InitializeAsync(Combine(name, "repo"));
        return (new ResticClient(TestRestic.Options(Combine(name, "repo"), Combine(name, "cache"))), source);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
