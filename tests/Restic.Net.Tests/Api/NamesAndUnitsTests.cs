using System.Collections;
using System.Reflection;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Api;

/// <summary>
/// Names and units of the public surface of Restic.Net (docs/design-decisions.md, "Names and units: HostName,
/// UserName, fractions, long counts, Age, null lists"): one name for a snapshot's host and a user, counts are
/// <c>long</c>, fractions are 0 to 1, and a nullable list says when it is null.
/// </summary>
public class NamesAndUnitsTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    // A server address or login is not a snapshot's host or user: these keep the short names of ssh and URLs.
    private static readonly Dictionary<string, string> s_serverNames = new(StringComparer.Ordinal)
    {
        ["SftpRepository.Host"] = "the SFTP server's host name, IP address or ssh alias (user@HOST), not the host recorded in a snapshot",
    };

    // Small bounded numbers that stay int; none is a count of things restic stores.
    private static readonly Dictionary<string, string> s_ints = new(StringComparer.Ordinal)
    {
        ["ResticException.ExitCode"] = "a process exit code is an int",
        ["ResticLock.Pid"] = "a process id, an identifier",
        ["RepositoryInfo.Version"] = "the repository format version (1 or 2)",
        ["SftpRepository.Port"] = "a TCP port, 1 to 65535",
        ["SnapshotsOptions.Latest"] = "restic's --latest n, snapshots per group a caller asks for",
        ["RetentionPolicy.KeepLast"] = "a retention input (--keep-last n)",
        ["RetentionPolicy.KeepHourly"] = "a retention input",
        ["RetentionPolicy.KeepDaily"] = "a retention input",
        ["RetentionPolicy.KeepWeekly"] = "a retention input",
        ["RetentionPolicy.KeepMonthly"] = "a retention input",
        ["RetentionPolicy.KeepYearly"] = "a retention input",
        ["ResticDuration.Years"] = "a part of restic's duration syntax (1y2m3d4h), as restic's own int fields",
        ["ResticDuration.Months"] = "a part of restic's duration syntax",
        ["ResticDuration.Days"] = "a part of restic's duration syntax",
        ["ResticDuration.Hours"] = "a part of restic's duration syntax",
    };

    // Every double and what it measures.
    private static readonly Dictionary<string, string> s_doubles = new(StringComparer.Ordinal)
    {
        ["BackupProgress.PercentDone"] = "fraction",
        ["RestoreProgress.PercentDone"] = "fraction",
        ["RepositoryStats.CompressionProgress"] = "fraction",
        ["RepositoryStats.CompressionSpaceSaving"] = "fraction",
        ["RepositoryStats.CompressionRatio"] = "ratio",
        ["RepositoryStats.DeduplicationRatio"] = "ratio",
    };

    // Inputs: null means "not set". Outputs: null means "this restic version does not report it".
    private static readonly string[] s_nullableLists =
    [
        "CheckResult.BrokenPacks",
        "RcloneRepository.Arguments",
        "RestRepository.CaCertificateFiles",
        "S3Repository.CaCertificateFiles",
        "SftpRepository.SshArguments",
        "TagResult.Changes",
    ];

    [Fact]
    public void PublicProperties_AreNotNamedHostUserOrGroup_ExceptServerAddresses()
    {
        var offenders = Properties()
            // (ForgetResult.Groups are groups of snapshots, not of users.)
            .Where(p => p.Property.Name is "Host" or "Hosts" or "User" or "Users" or "Group")
            .Select(p => p.Name)
            .ToList();

        // HostName/HostNames, UserName and GroupName, like Snapshot, ResticLock, RepositoryKey and Environment.UserName.
        Assert.Equal(s_serverNames.Keys.Order(StringComparer.Ordinal), offenders.Order(StringComparer.Ordinal));
        Assert.Contains(Properties(), p => p.Name == "SnapshotFilter.HostNames");
        Assert.Contains(Properties(), p => p.Name == "RestRepository.UserName");
        Assert.Contains(Properties(), p => p.Name == "SnapshotNode.GroupName");
    }

    [Fact]
    public void PublicProperties_WhoseNameEndsInCount_AreLong()
    {
        var counts = Properties().Where(p => p.Property.Name.EndsWith("Count", StringComparison.Ordinal)).ToList();

        Assert.Contains(counts, p => p.Name == "CheckResult.ErrorCount");
        Assert.Contains(counts, p => p.Name == "RepositoryStats.SnapshotsCount");
        Assert.Empty(counts.Where(p => (Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType) != typeof(long)).Select(p => p.Name));
    }

    [Fact]
    public void PublicIntProperties_AreOnlyTheSmallBoundedNumbers()
    {
        // Counts are long ("Sizes and counts are long"), whatever their name; the ints that remain are listed with a reason.
        var ints = Properties()
            .Where(p => (Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType) == typeof(int))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(s_ints.Keys.Order(StringComparer.Ordinal), ints);
    }

    [Fact]
    public void PublicDoubles_AreFractionsFrom0To1_OrRatios_AndSaySo()
    {
        var doubles = Properties()
            .Where(p => (Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType) == typeof(double))
            .ToList();

        Assert.Equal(s_doubles.Keys.Order(StringComparer.Ordinal), doubles.Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (name, property) in doubles)
        {
            var summary = Summary(property);
            Assert.True(
                s_doubles[name] == "fraction" ? summary.Contains("fraction, 0 to 1", StringComparison.Ordinal) : summary.Contains("ratio", StringComparison.Ordinal),
                $"{name} is a {s_doubles[name]}; its summary does not say so: {summary}");
        }
    }

    [Fact]
    public void PublicTimeSpans_AreNotNamedLikeAPointInTime()
    {
        // A TimeSpan is a duration or an age (CacheEntry.Age, ResticLock.Age); LastUsed or StartTime would read as a date.
        var offenders = Properties()
            .Where(p => (Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType) == typeof(TimeSpan))
            .Where(p => p.Property.Name.StartsWith("Last", StringComparison.Ordinal) || p.Property.Name.EndsWith("Time", StringComparison.Ordinal) ||
                p.Property.Name.EndsWith("At", StringComparison.Ordinal) || p.Property.Name.EndsWith("Date", StringComparison.Ordinal))
            .Select(p => p.Name);

        Assert.Empty(offenders);
        Assert.Contains(Properties(), p => p.Name == "CacheEntry.Age" && p.Property.PropertyType == typeof(TimeSpan));
    }

    [Fact]
    public void NullableLists_AreTheListedOnes_AndTheirDocsSayWhenTheyAreNull()
    {
        var context = new NullabilityInfoContext();
        var lists = Properties()
            .Where(p => p.Property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.Property.PropertyType))
            .Where(p => context.Create(p.Property).ReadState == NullabilityState.Nullable)
            .ToList();

        // A new nullable list is a decision: add it here, and say in its summary when it is null.
        Assert.Equal(s_nullableLists, lists.Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (name, property) in lists)
        {
            var summary = Summary(property);
            Assert.True(summary.Contains("null", StringComparison.OrdinalIgnoreCase), $"{name}'s summary does not say when it is null: {summary}");
            if (!typeof(ResticRepository).IsAssignableFrom(property.DeclaringType))
            {
                // A result's list: null when restic does not report it, empty when it reported none.
                Assert.True(summary.Contains("Null before restic", StringComparison.Ordinal) && summary.Contains("empty when", StringComparison.Ordinal), $"{name}: {summary}");
            }
        }
    }

    [Fact]
    public void BackupAndSnapshotSummaries_ShareTheirCounters_WithEqualNamesAndTypes()
    {
        // Two records by decision (docs/design-decisions.md): what they share must read the same in both.
        var backup = typeof(BackupSummary).GetProperties(Declared).ToDictionary(p => p.Name, p => p.PropertyType);
        var stored = typeof(SnapshotSummary).GetProperties(Declared).ToDictionary(p => p.Name, p => p.PropertyType);
        var shared = stored.Keys.Intersect(backup.Keys).ToList();

        Assert.Equal(stored.Count, shared.Count);
        foreach (var name in shared.Where(n => n is not (nameof(SnapshotSummary.BackupStart) or nameof(SnapshotSummary.BackupEnd) or nameof(SnapshotSummary.DataAddedPacked))))
        {
            Assert.True(backup[name] == stored[name], $"{name}: {backup[name]} in BackupSummary, {stored[name]} in SnapshotSummary");
        }

        // The three that differ only by nullability: the backup's output may lack them (older restic), a stored summary never does.
        Assert.Equal(typeof(DateTimeOffset?), backup[nameof(BackupSummary.BackupStart)]);
        Assert.Equal(typeof(long?), backup[nameof(BackupSummary.DataAddedPacked)]);
        Assert.Empty(stored.Keys.Except(backup.Keys)); // every stored counter is also a backup's
    }

    [Fact]
    public void Summary_IsReadFromTheDocumentationFile()
    {
        // The checks above read the compiled XML documentation; without it they would pass on nothing.
        Assert.Contains("Null before restic 0.18", Summary(typeof(TagResult).GetProperty(nameof(TagResult.Changes))!), StringComparison.Ordinal);
    }

    private static string Summary(PropertyInfo property) => XmlDocs.Summary(property);

    private static IEnumerable<(string Name, PropertyInfo Property)> Properties() =>
        typeof(ResticClient).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties(Declared))
            .Where(property => property.GetMethod is { IsPublic: true } || property.SetMethod is { IsPublic: true })
            .Select(property => (property.DeclaringType!.Name + "." + property.Name, property));
}
