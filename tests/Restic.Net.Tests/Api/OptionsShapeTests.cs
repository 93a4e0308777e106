using System.Reflection;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Api;

/// <summary>
/// Options that repeat themselves (docs/design-decisions.md, "The snapshots of tag and rewrite are a parameter;
/// the backups share one validation"): the selection of tag and rewrite is a required parameter, the other
/// snapshot lists mean "every snapshot" when empty, and the two backup option records cannot drift apart.
/// </summary>
public class OptionsShapeTests
{
    // What a backup of files and a backup from stdin share; validated and turned into flags in one place.
    private static readonly string[] s_sharedBackupSettings = ["Tags", "HostName", "Parent", "Time", "DryRun"];

    [Fact]
    public void TagAndRewrite_TakeTheSelectionAsTheirFirstRequiredParameter()
    {
        foreach (var name in new[] { nameof(IResticClient.TagAsync), nameof(IResticClient.RewriteAsync) })
        {
            var parameters = typeof(IResticClient).GetMethod(name)!.GetParameters();
            Assert.Equal(typeof(SnapshotSelection), parameters[0].ParameterType);
            Assert.Equal("snapshots", parameters[0].Name);
            Assert.False(parameters[0].HasDefaultValue);

            // The options hold required patterns or tags: no default that would always throw.
            Assert.False(parameters[1].HasDefaultValue);
        }

        // No selection is left in the options themselves.
        foreach (var type in new[] { typeof(TagOptions), typeof(RewriteOptions) })
        {
            var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
            Assert.DoesNotContain("Snapshots", names);
            Assert.DoesNotContain("Filter", names);
            Assert.DoesNotContain("AllSnapshots", names);
        }
    }

    [Fact]
    public void SnapshotSelection_HasNoSetterOrPublicConstructor()
    {
        // Only All, Of and Matching make one, so a selection that selects everything by accident cannot exist.
        Assert.Empty(typeof(SnapshotSelection).GetConstructors());
        Assert.All(
            typeof(SnapshotSelection).GetProperties(BindingFlags.Public | BindingFlags.Instance),
            p => Assert.Null(p.SetMethod));
    }

    [Theory]
    [InlineData(typeof(CheckOptions))]
    [InlineData(typeof(CopyOptions))]
    [InlineData(typeof(FindOptions))]
    [InlineData(typeof(RepairSnapshotsOptions))]
    [InlineData(typeof(StatsOptions))]
    public void OtherSnapshotLists_SayThatEmptyMeansEverySnapshot(Type options)
    {
        Assert.Equal(typeof(IReadOnlyList<SnapshotReference>), options.GetProperty("Snapshots")!.PropertyType);
        Assert.Equal(typeof(SnapshotFilter), options.GetProperty("Filter")!.PropertyType);
        Assert.Contains("empty: every snapshot", Summary(options.GetProperty("Snapshots")!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(CheckOptions))]
    [InlineData(typeof(CopyOptions))]
    [InlineData(typeof(FindOptions))]
    [InlineData(typeof(RepairSnapshotsOptions))]
    [InlineData(typeof(StatsOptions))]
    public void OtherSnapshotLists_RejectTheSameInputsThroughOneHelper(Type options)
    {
        var validate = options.GetMethod("Validate", BindingFlags.NonPublic | BindingFlags.Instance)!;
        void Check(object value) => validate.Invoke(value, null);

        object With(string property, object? value)
        {
            var instance = Activator.CreateInstance(options)!;
            options.GetProperty(property)!.GetSetMethod()!.Invoke(instance, [value]);
            return instance;
        }

        Check(Activator.CreateInstance(options)!);
        Check(With("Snapshots", new[] { SnapshotReference.Latest }));
        foreach (var bad in new[]
        {
            With("Snapshots", new[] { default(SnapshotReference) }),
            With("Snapshots", new[] { SnapshotReference.Latest.WithSubfolder("/d") }),
            With("Filter", new SnapshotFilter { HostNames = ["a\nb"] }),
            With("Filter", new SnapshotFilter { Tags = ["a,"] }),
            With("Filter", new SnapshotFilter { Paths = ["/a\0"] }),
        })
        {
            var ex = Assert.Throws<TargetInvocationException>(() => Check(bad));
            Assert.IsType<ArgumentException>(ex.InnerException);
        }
    }

    [Fact]
    public void BackupOptionsAndStdinBackupOptions_ShareTheSameSettings_WithTheSameDocs()
    {
        foreach (var name in s_sharedBackupSettings)
        {
            var files = typeof(BackupOptions).GetProperty(name);
            var stdin = typeof(StdinBackupOptions).GetProperty(name);
            Assert.True(files is not null, $"BackupOptions.{name} is missing");
            Assert.True(stdin is not null, $"StdinBackupOptions.{name} is missing");
            Assert.Equal(files.PropertyType, stdin.PropertyType);
            Assert.Equal(Summary(files), Summary(stdin));
        }

        // Everything else StdinBackupOptions has would be shared too: it must be in the list above.
        var stdinOnly = typeof(StdinBackupOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .Except(s_sharedBackupSettings);
        Assert.Empty(stdinOnly);
    }

    [Fact]
    public void BackupOptionsAndStdinBackupOptions_RejectTheSameSharedInputs()
    {
        var withSubfolder = SnapshotReference.Latest.WithSubfolder("/d");
        Assert.Throws<ArgumentException>(() => new BackupOptions { Tags = ["a,b"] }.Validate());
        Assert.Throws<ArgumentException>(() => new StdinBackupOptions { Tags = ["a,b"] }.Validate());
        Assert.Throws<ArgumentException>(() => new BackupOptions { HostName = "a\nb" }.Validate());
        Assert.Throws<ArgumentException>(() => new StdinBackupOptions { HostName = "a\nb" }.Validate());
        Assert.Throws<ArgumentException>(() => new BackupOptions { Parent = withSubfolder }.Validate());
        Assert.Throws<ArgumentException>(() => new StdinBackupOptions { Parent = withSubfolder }.Validate());
    }

    private static string Summary(PropertyInfo property) => XmlDocs.Summary(property);
}
