namespace Restic.Net.Tests.Api;

/// <summary>
/// The extensible enums (value types over one of restic's strings) keep their promise of a non-null
/// <c>Value</c> for <c>default</c> too, which a caller gets from an unset field or an array.
/// </summary>
public class ExtensibleEnumTests
{
    public static TheoryData<Type> ValueTypes() =>
        new(typeof(ResticClient).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.GetProperty("Value")?.PropertyType == typeof(string))
            .OrderBy(t => t.FullName, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ValueTypes))]
    public void Default_HasAnEmptyValue_NotNull(Type type)
    {
        var value = type.GetProperty("Value")!.GetValue(Activator.CreateInstance(type));

        Assert.Equal(string.Empty, value);
    }

    [Fact]
    public void TheCheck_CoversEveryExtensibleEnum()
    {
        Assert.Equal(9, ValueTypes().Count); // SnapshotId and the eight record structs over restic's values
    }
}
