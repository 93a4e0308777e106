using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace Restic.Net.Tests.Models;

/// <summary>
/// The value types over restic's own syntax (<see cref="ReadDataSubset"/>, <see cref="MaxUnused"/>,
/// <see cref="ResticDuration"/>, <see cref="RepositoryVersion"/>): parsing, formatting back to restic's syntax,
/// and refusing what restic would refuse, before restic starts.
/// </summary>
public class ResticSyntaxValueTests
{
    [Theory]
    [InlineData("5%", "5%")]
    [InlineData("0.5%", "0.5%")]
    [InlineData("100%", "100%")]
    [InlineData("100.0%", "100%")]
    [InlineData("1/5", "1/5")]
    [InlineData("256/256", "256/256")]
    [InlineData("500M", "500M")]
    [InlineData("500m", "500M")]
    [InlineData("1024b", "1K")]
    [InlineData("1000B", "1000B")]
    [InlineData("2t", "2T")]
    public void ReadDataSubset_Parse_FormatsBackInResticsSyntax(string value, string formatted)
    {
        var subset = ReadDataSubset.Parse(value);

        Assert.Equal(formatted, subset.ToString());
        Assert.Equal(subset, ReadDataSubset.Parse(subset.ToString()));
        Assert.True(ReadDataSubset.TryParse(value, out var parsed));
        Assert.Equal(subset, parsed);
    }

    [Fact]
    public void ReadDataSubset_Factories_EqualWhatParseReads()
    {
        Assert.Equal(ReadDataSubset.Percent(5), ReadDataSubset.Parse("5%"));
        Assert.Equal(ReadDataSubset.Part(1, 5), ReadDataSubset.Parse("1/5"));
        Assert.Equal(ReadDataSubset.Bytes(500L << 20), ReadDataSubset.Parse("500M"));
        Assert.Equal(ReadDataSubset.Bytes(500L << 20).GetHashCode(), ReadDataSubset.Parse("500m").GetHashCode());
        Assert.NotEqual(ReadDataSubset.Part(1, 5), ReadDataSubset.Part(1, 4));
        Assert.True(ReadDataSubset.Percent(20) != ReadDataSubset.Part(1, 5)); // the same share, said differently
        Assert.Equal(string.Empty, default(ReadDataSubset).ToString());
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("")]
    [InlineData("0/5")]
    [InlineData("6/5")]
    [InlineData("1/")]
    [InlineData("/5")]
    [InlineData("1/257")]
    [InlineData("0%")]
    [InlineData("101%")]
    [InlineData("-5%")]
    [InlineData("5,5%")]
    [InlineData(" 5%")]
    [InlineData("NaN%")]
    [InlineData("Infinity%")]
    [InlineData("1.5G")]
    [InlineData("5x")]
    [InlineData("0")]
    [InlineData("4096")] // restic's check refuses a size without a unit (measured on 0.14 and 0.19)
    [InlineData("0k")]
    [InlineData("99999999999T")]
    public void ReadDataSubset_WhatResticWouldRefuse_IsAFormatException(string value)
    {
        Assert.False(ReadDataSubset.TryParse(value, out var subset));
        Assert.Equal(default, subset);
        var ex = Assert.Throws<FormatException>(() => ReadDataSubset.Parse(value));
        Assert.Contains($"'{value}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataSubset_FactoriesOutOfRange_Throw()
    {
        Assert.False(ReadDataSubset.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => ReadDataSubset.Parse(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Percent(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Percent(100.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Percent(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Part(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Part(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Part(1, ReadDataSubset.MaxParts + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadDataSubset.Bytes(0));
    }

    [Theory]
    [InlineData("5%", "5%")]
    [InlineData("0%", "0%")]
    [InlineData("99.9%", "99.9%")]
    [InlineData("unlimited", "unlimited")]
    [InlineData("1G", "1G")]
    [InlineData("1073741824", "1G")]
    [InlineData("1536k", "1536K")]
    [InlineData("0", "0B")]
    [InlineData("1000", "1000B")]
    public void MaxUnused_Parse_FormatsBackInResticsSyntax(string value, string formatted)
    {
        var limit = MaxUnused.Parse(value);

        Assert.Equal(formatted, limit.ToString());
        Assert.Equal(limit, MaxUnused.Parse(limit.ToString()));
        Assert.True(MaxUnused.TryParse(value, out var parsed));
        Assert.Equal(limit, parsed);
    }

    [Fact]
    public void MaxUnused_Factories_EqualWhatParseReads()
    {
        Assert.Equal(MaxUnused.Percent(5), MaxUnused.Parse("5%"));
        Assert.Equal(MaxUnused.Bytes(1L << 30), MaxUnused.Parse("1G"));
        Assert.Equal(MaxUnused.Bytes(1L << 30), MaxUnused.Parse("1073741824"));
        Assert.Equal(MaxUnused.Unlimited, MaxUnused.Parse("unlimited"));
        Assert.Equal("0%", MaxUnused.Percent(-0.0).ToString());
        Assert.NotEqual(MaxUnused.Unlimited, default);
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxUnused.Percent(100)); // restic refuses 100% (measured)
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxUnused.Percent(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxUnused.Bytes(-1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("100%")]
    [InlineData("-1%")]
    [InlineData("Unlimited")]
    [InlineData("none")]
    [InlineData("1.5G")]
    [InlineData("-1")]
    [InlineData("1 G")]
    [InlineData("5%%")]
    public void MaxUnused_WhatResticWouldRefuse_IsAFormatException(string value)
    {
        Assert.False(MaxUnused.TryParse(value, out _));
        Assert.Throws<FormatException>(() => MaxUnused.Parse(value));
    }

    [Theory]
    [InlineData("1y6m", 1, 6, 0, 0, "1y6m")]
    [InlineData("1y2m3d4h", 1, 2, 3, 4, "1y2m3d4h")]
    [InlineData("2d1y", 1, 0, 2, 0, "1y2d")]
    [InlineData("01d", 0, 0, 1, 0, "1d")]
    [InlineData("0y12h", 0, 0, 0, 12, "12h")]
    [InlineData("30d", 0, 0, 30, 0, "30d")]
    public void ResticDuration_Parse_ReadsEachPart_AndFormatsInResticsOrder(string value, int years, int months, int days, int hours, string formatted)
    {
        var duration = ResticDuration.Parse(value);

        Assert.Equal(new ResticDuration(years, months, days, hours), duration);
        Assert.Equal((years, months, days, hours), (duration.Years, duration.Months, duration.Days, duration.Hours));
        Assert.Equal(formatted, duration.ToString());
        Assert.Equal(duration, ResticDuration.Parse(duration.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0d")] // restic 0.19 refuses a zero duration (measured)
    [InlineData("0y0m")]
    [InlineData("1Y")]
    [InlineData("1y1y")]
    [InlineData("1")]
    [InlineData("y")]
    [InlineData("1w")]
    [InlineData("-1d")]
    [InlineData("1d ")]
    [InlineData("99999999999d")]
    public void ResticDuration_WhatResticWouldRefuse_IsAFormatException(string value)
    {
        Assert.False(ResticDuration.TryParse(value, out _));
        Assert.Throws<FormatException>(() => ResticDuration.Parse(value));
    }

    [Fact]
    public void ResticDuration_Factories_ValidateTheirParts()
    {
        Assert.Equal(ResticDuration.Parse("2y"), ResticDuration.FromYears(2));
        Assert.Equal(ResticDuration.Parse("6m"), ResticDuration.FromMonths(6));
        Assert.Equal(ResticDuration.Parse("30d"), ResticDuration.FromDays(30));
        Assert.Equal(ResticDuration.Parse("12h"), ResticDuration.FromHours(12));
        Assert.NotEqual(ResticDuration.FromMonths(12), ResticDuration.FromYears(1)); // calendar parts, compared as written
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResticDuration(0, -1, 0, 0));
        Assert.Throws<ArgumentException>(() => new ResticDuration(0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResticDuration.FromDays(0));
        Assert.Throws<ArgumentNullException>(() => ResticDuration.Parse(null!));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")] // a format a later restic may add: restic itself says whether it knows it
    [InlineData("latest")]
    [InlineData("stable")]
    public void RepositoryVersion_Parse_KeepsResticsValue(string value)
    {
        Assert.Equal(value, RepositoryVersion.Parse(value).Value);
        Assert.Equal(value, RepositoryVersion.Parse(value).ToString());
    }

    [Fact]
    public void RepositoryVersion_KnownValues_AreResticsNames()
    {
        Assert.Equal(RepositoryVersion.V1, RepositoryVersion.Parse("1"));
        Assert.Equal(RepositoryVersion.V2, RepositoryVersion.Parse("2"));
        Assert.Equal(RepositoryVersion.Latest, RepositoryVersion.Parse("latest"));
        Assert.Equal(RepositoryVersion.Stable, RepositoryVersion.Parse("stable"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("-1")]
    [InlineData("+2")]
    [InlineData("2.0")]
    [InlineData("v2")]
    [InlineData("Latest")]
    [InlineData("lates")]
    public void RepositoryVersion_WhatResticWouldRefuse_IsAFormatException(string value)
    {
        Assert.False(RepositoryVersion.TryParse(value, out _));
        Assert.Throws<FormatException>(() => RepositoryVersion.Parse(value));
    }

    public static TheoryData<Type, string, object> SyntaxValues() => new()
    {
        { typeof(ReadDataSubset), "5%", ReadDataSubset.Percent(5) },
        { typeof(MaxUnused), "1G", MaxUnused.Bytes(1L << 30) },
        { typeof(ResticDuration), "1y6m", new ResticDuration(1, 6, 0, 0) },
        { typeof(RepositoryVersion), "stable", RepositoryVersion.Stable },
    };

    [Theory]
    [MemberData(nameof(SyntaxValues))]
    public void TypeConverter_ReadsAndWritesResticsSyntax_ForConfigurationBinding(Type type, string text, object value)
    {
        // Microsoft.Extensions.Configuration's binder converts strings through TypeDescriptor: "ReadDataSubset": "5%".
        var converter = TypeDescriptor.GetConverter(type);

        Assert.True(converter.CanConvertFrom(typeof(string)));
        Assert.Equal(value, converter.ConvertFromInvariantString(text));
        Assert.Equal(text, converter.ConvertToInvariantString(value));
        Assert.Equal(value, TypeDescriptor.GetConverter(typeof(Nullable<>).MakeGenericType(type)).ConvertFromInvariantString(text));
        Assert.Throws<FormatException>(() => converter.ConvertFromInvariantString("banana"));
    }

    [Fact]
    public void EveryParsableValueTypeOfTheClient_HasAConverter_AndIsParsable()
    {
        // Pins the decision: restic's syntax is a value type that parses, formats and binds from configuration.
        var parsable = typeof(ResticClient).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["MaxUnused", "ReadDataSubset", "RepositoryVersion", "ResticDuration", "SnapshotId", "SnapshotReference"], parsable);
        foreach (var name in parsable)
        {
            var type = typeof(ResticClient).Assembly.GetType("Restic.Net." + name)!;
            Assert.NotNull(type.GetCustomAttribute<TypeConverterAttribute>());
        }
    }

    [Fact]
    public void OptionsTakeNoRawResticSyntax_TheirStringsAreNamesPathsAndPatterns()
    {
        // Pins the decision: a new option in restic's syntax gets a type (or a long/TimeSpan), not a string.
        var strings = typeof(ResticClient).Assembly.GetExportedTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) || t == typeof(RetentionPolicy) || t == typeof(SnapshotFilter))
            .Where(t => t != typeof(ResticClientOptions))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || p.PropertyType == typeof(IReadOnlyList<string>)))
                .Select(p => t.Name + "." + p.Name))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            [
                "AddKeyOptions.HostName", "AddKeyOptions.UserName",
                "BackupOptions.CaseInsensitiveExcludes", "BackupOptions.ExcludeFiles", "BackupOptions.Excludes", "BackupOptions.HostName", "BackupOptions.Tags",
                "ListOptions.Paths",
                "RestoreOptions.Excludes", "RestoreOptions.Includes",
                "RetentionPolicy.KeepTags",
                "RewriteOptions.CaseInsensitiveExcludes", "RewriteOptions.CaseInsensitiveIncludes", "RewriteOptions.ExcludeFiles", "RewriteOptions.Excludes",
                "RewriteOptions.IncludeFiles", "RewriteOptions.Includes",
                "SnapshotFilter.HostNames", "SnapshotFilter.Paths", "SnapshotFilter.Tags",
                "StdinBackupOptions.HostName", "StdinBackupOptions.Tags",
                "TagOptions.Add", "TagOptions.Remove", "TagOptions.Set",
            ],
            strings);
    }
}
