using System.Reflection;
using Moq;

namespace Restic.Net.Tests.Models;

public class ResticModelFactoryTests
{
    [Fact]
    public void Factory_EveryResultTypeOfTheClient_HasAFactoryMethod()
    {
        var results = new HashSet<Type>();
        foreach (var method in typeof(IResticClient).GetMethods())
        {
            Collect(method.ReturnType, results);
        }

        foreach (var method in typeof(ResticClientExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            Collect(method.ReturnType, results);
        }

        var built = typeof(ResticModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();

        Assert.NotEmpty(results);
        Assert.Empty(results.Where(t => !built.Contains(t) && !HasPublicConstructor(t)).Select(t => t.Name));
        Assert.Contains(typeof(SnapshotListing), built);
        Assert.Contains(typeof(SnapshotDiff), built);
    }

    [Fact]
    public void Factory_EveryExceptionWithoutPublicConstructor_HasAFactoryMethod()
    {
        var exceptions = typeof(ResticException).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(ResticException)) && !t.IsAbstract);
        var built = typeof(ResticModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();

        Assert.Empty(exceptions.Where(t => !built.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public async Task SnapshotListing_FromTheFactory_BehavesLikeTheClientsListing()
    {
        var snapshot = ResticModelFactory.Snapshot("abcdef12", DateTimeOffset.UnixEpoch, paths: ["/data"]);
        var listing = ResticModelFactory.SnapshotListing(snapshot, [ResticModelFactory.SnapshotNode("/data"), ResticModelFactory.SnapshotNode("/data/a.txt", size: 3)]);

        var names = new List<string>();
        await foreach (var node in listing)
        {
            Assert.Same(snapshot, listing.Snapshot);
            names.Add(node.Name);
        }

        Assert.Equal(["data", "a.txt"], names);
    }

    [Fact]
    public async Task SnapshotDiff_FromTheFactory_SetsTheStatisticsAtTheEnd()
    {
        var diff = ResticModelFactory.SnapshotDiff([new DiffChange("/a", "+"), new DiffChange("/b", "M"), new DiffChange("/c/", "-")]);

        Assert.Null(diff.Statistics);
        var count = 0;
        await foreach (var change in diff)
        {
            count++;
        }

        Assert.Equal(3, count);
        Assert.Equal(1, diff.Statistics!.Added.Files);
        Assert.Equal(1, diff.Statistics.ChangedFiles);
        Assert.Equal(1, diff.Statistics.Removed.Directories);
    }

    [Fact]
    public async Task Factory_Results_CanBeReturnedByAMockedClient()
    {
        var client = new Moq.Mock<IResticClient>();
        client.Setup(c => c.BackupAsync(Moq.It.IsAny<BackupOptions>(), null, default))
            .ReturnsAsync(ResticModelFactory.BackupSummary("abcdef12", filesNew: 3, errors: [new BackupError("/x", BackupPhase.Archival, "denied")]));
        client.Setup(c => c.GetSnapshotsAsync(null, default)).ThrowsAsync(ResticModelFactory.WrongPasswordException());

        var summary = await client.Object.BackupAsync(new BackupOptions("/x"));

        Assert.False(summary.IsComplete);
        Assert.Equal(3UL, summary.FilesNew);
        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.Object.GetSnapshotsAsync());
        Assert.Equal(12, ex.ExitCode);
        Assert.Equal("PID 1 on h by u", ResticModelFactory.RepositoryLockedException("PID 1 on h by u").LockHolder);
        Assert.True(ResticModelFactory.ResticVersion("0.17.0").Capabilities.StdinFromCommand);
    }

    private static bool HasPublicConstructor(Type type) => type.IsValueType || type.GetConstructors().Length > 0;

    private static void Collect(Type type, HashSet<Type> results)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Collect(argument, results);
            }

            return;
        }

        if (type.Namespace != "Restic.Net" || type.IsAbstract || type.IsValueType || !results.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Collect(property.PropertyType, results);
        }
    }
}
