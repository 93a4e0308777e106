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
        // ResticCapabilities is derived from a version: build a ResticVersion instead.
        Assert.Empty(results.Where(t => !built.Contains(t) && !HasPublicConstructor(t) && t != typeof(ResticCapabilities)).Select(t => t.Name));
    }

    [Fact]
    public void Factory_EveryExceptionWithoutPublicConstructor_HasAFactoryMethod()
    {
        var exceptions = typeof(ResticException).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(ResticException)) && !t.IsAbstract);
        var built = typeof(ResticModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();

        Assert.Empty(exceptions.Where(t => !built.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public async Task Factory_Results_CanBeReturnedByAMockedClient()
    {
        var client = new Moq.Mock<IResticClient>();
        client.Setup(c => c.BackupAsync(Moq.It.IsAny<IReadOnlyList<string>>(), null, null, default))
            .ReturnsAsync(new BackupSummary { SnapshotId = SnapshotId.Parse("abcdef12"), FilesNew = 3, IsComplete = false, Errors = [new BackupError { Item = "/x", During = BackupPhase.Archival, Message = "denied" }] });
        client.Setup(c => c.GetSnapshotsAsync(null, default)).ThrowsAsync(ResticModelFactory.WrongPasswordException());

        var summary = await client.Object.BackupAsync(["/x"]);

        Assert.False(summary.IsComplete);
        Assert.Equal(3L, summary.FilesNew);
        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.Object.GetSnapshotsAsync());
        Assert.Equal(12, ex.ExitCode);
        Assert.Equal("PID 1 on h by u", ResticModelFactory.RepositoryLockedException("PID 1 on h by u").LockHolder);
        Assert.True(new ResticVersion { Version = new Version(0, 17, 0) }.Capabilities.StdinFromCommand);
    }

    [Fact]
    public async Task AMockedClient_StubsASnapshotLookupADumpStreamAndItsRepository()
    {
        // What code under test does with a client: find the latest snapshot, open a file of it, name the repository.
        var latest = new Snapshot { Id = SnapshotId.Parse(new string('a', 64)), Time = DateTimeOffset.UnixEpoch, Paths = ["/data"] };
        var client = new Moq.Mock<IResticClient>(Moq.MockBehavior.Strict);
        client.Setup(c => c.Repository).Returns(new LocalRepository("/srv/restic"));
        client.Setup(c => c.GetSnapshotAsync(SnapshotReference.Latest, null, default)).ReturnsAsync(latest);
        client.Setup(c => c.GetSnapshotAsync(SnapshotReference.Parse("deadbeef"), null, default))
            .ThrowsAsync(ResticModelFactory.SnapshotNotFoundException("deadbeef"));
        client.Setup(c => c.OpenDumpAsync(latest.Id, "/data/report.txt", null, default))
            .ReturnsAsync(() => new MemoryStream("quarterly figures"u8.ToArray()));

        var found = await client.Object.GetSnapshotAsync(SnapshotReference.Latest);
        await using var stream = await client.Object.OpenDumpAsync(found.Id, "/data/report.txt");
        using var reader = new StreamReader(stream);

        Assert.Equal("quarterly figures", await reader.ReadToEndAsync());
        Assert.Equal("/srv/restic", client.Object.Repository.RedactedLocation);
        await Assert.ThrowsAsync<ResticSnapshotNotFoundException>(() => client.Object.GetSnapshotAsync(SnapshotReference.Parse("deadbeef")));
    }

    [Fact]
    public void OutputModels_HaveNoPositionalConstructor_AndEveryStoredPropertyCanBeInitialized()
    {
        // A positional record breaks every caller when it gains a parameter; an init property does not.
        var results = OutputTypes();
        var built = typeof(ResticModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();
        var problems = new List<string>();
        foreach (var type in results.Where(t => !built.Contains(t) && t != typeof(ResticCapabilities)))
        {
            if (type.GetMethod("Deconstruct") is not null)
            {
                problems.Add(type.Name + " has Deconstruct (a positional record)");
            }

            foreach (var constructor in type.GetConstructors().Where(c => c.GetParameters().Length > 0))
            {
                problems.Add($"{type.Name} has a public constructor with {constructor.GetParameters().Length} parameters");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var stored = type.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
                if (stored && property.SetMethod is not { IsPublic: true })
                {
                    problems.Add($"{type.Name}.{property.Name} cannot be initialized");
                }
            }
        }

        Assert.True(results.Count > 30, $"only {results.Count} output types found");
        Assert.Empty(problems);
    }

    [Fact]
    public void OutputModels_UseNoUnsignedNumbers_ExceptIdentifiers()
    {
        // long for sizes and counts (CLS-compliant, no wrap-around on subtraction); inode and device numbers are identifiers.
        var unsigned = OutputTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (t, p)))
            .Where(x => (Nullable.GetUnderlyingType(x.p.PropertyType) ?? x.p.PropertyType) == typeof(ulong))
            .Select(x => x.t.Name + "." + x.p.Name)
            .ToList();

        Assert.Equal(["SnapshotNode.DeviceId", "SnapshotNode.Inode"], unsigned.Order(StringComparer.Ordinal));
    }

    private static HashSet<Type> OutputTypes()
    {
        var results = new HashSet<Type>();
        foreach (var method in typeof(IResticClient).GetMethods().Concat(typeof(ResticClientExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)))
        {
            Collect(method.ReturnType, results);
        }

        foreach (var family in new[] { typeof(BackupEvent), typeof(RestoreEvent) })
        {
            foreach (var type in family.Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(family)))
            {
                Collect(type, results);
            }
        }

        return results;
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
