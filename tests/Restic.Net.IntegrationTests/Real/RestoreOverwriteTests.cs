using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>
/// <see cref="RestoreOptions.Overwrite"/> against the restic under test: a restored file that was changed
/// afterwards is kept by <c>never</c> and put back by <c>always</c> (restic 0.17+); restic before 0.17,
/// which always overwrites, refuses anything but <c>always</c> before it starts.
/// </summary>
public sealed class RestoreOverwriteTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 120000)]
    public async Task ARestoredFileChangedSinceThen_IsKeptByNever_AndPutBackByAlways()
    {
        var (client, source) = await _root.NewRepositoryAsync("overwrite", files: 6);
        await client.BackupAsync([source]);
        var target = _root.Combine("overwrite", "restore");
        await client.RestoreAsync(SnapshotReference.Latest, target);
        var restored = SourceTree.RestoredPath(target, source);
        var file = Directory.EnumerateFiles(restored, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var original = await File.ReadAllBytesAsync(Path.Combine(source, Path.GetRelativePath(restored, file)));
        byte[] changed = [.. original.Select(b => (byte)~b)]; // same length, every byte different
        await File.WriteAllBytesAsync(file, changed);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(1)); // newer than the snapshot's copy

        if ((await client.GetVersionAsync()).Version < new Version(0, 17, 0))
        {
            var ex = await Assert.ThrowsAsync<ResticNotSupportedException>(() => client.RestoreAsync(SnapshotReference.Latest, target, new RestoreOptions { Overwrite = RestoreOverwritePolicy.Never }));
            Assert.Equal(new Version(0, 17, 0), ex.RequiredVersion);
            Assert.Equal(changed, await File.ReadAllBytesAsync(file)); // refused before restic started
        }
        else
        {
            await client.RestoreAsync(SnapshotReference.Latest, target, new RestoreOptions { Overwrite = RestoreOverwritePolicy.Never });
            Assert.Equal(changed, await File.ReadAllBytesAsync(file));

            await client.RestoreAsync(SnapshotReference.Latest, target, new RestoreOptions { Overwrite = RestoreOverwritePolicy.IfNewer });
            Assert.Equal(changed, await File.ReadAllBytesAsync(file)); // the copy on disk is the newer one
        }

        await client.RestoreAsync(SnapshotReference.Latest, target, new RestoreOptions { Overwrite = RestoreOverwritePolicy.Always });

        Assert.Equal(original, await File.ReadAllBytesAsync(file));
        SourceTree.AssertSameFiles(source, restored);
    }
}
