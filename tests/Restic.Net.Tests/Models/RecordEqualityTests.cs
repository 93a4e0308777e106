using System.Reflection;

namespace Restic.Net.Tests.Models;

/// <summary>Records that hold lists compare them by their items, and keep a copy of what they were given.</summary>
public class RecordEqualityTests
{
    public static TheoryData<Type> RecordsWithLists()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(IResticClient).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null && ListProperties(t).Any()).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void RecordsWithLists_AreFound()
    {
        Assert.True(RecordsWithLists().Count >= 25, $"{RecordsWithLists().Count} types");
    }

    [Theory]
    [MemberData(nameof(RecordsWithLists))]
    public void Record_WithEqualListsInDifferentInstances_IsEqual_AndCopiesTheLists(Type type)
    {
        var first = Activator.CreateInstance(type)!;
        var second = Activator.CreateInstance(type)!;
        var sources = new List<System.Collections.IList>();
        foreach (var property in ListProperties(type))
        {
            var itemType = property.PropertyType.GetGenericArguments()[0];
            var a = NewList(itemType);
            var b = NewList(itemType);
            property.SetValue(first, a);
            property.SetValue(second, b);
            sources.Add(a);
        }

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(Activator.CreateInstance(type), Activator.CreateInstance(type)); // the empty defaults too

        // Changing the caller's list afterwards changes nothing in the record.
        foreach (var source in sources)
        {
            source.Clear();
        }

        Assert.Equal(first, second);
        Assert.All(ListProperties(type), p => Assert.Single((System.Collections.IEnumerable)p.GetValue(first)!));
    }

    [Fact]
    public void ListProperty_SetToNull_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new BackupOptions { Tags = null! });

        Assert.Equal("Tags", ex.ParamName);
    }

    [Fact]
    public void Record_PrintsItsListsItems()
    {
        Assert.Contains("Tags = [a, b]", new SnapshotFilter { Tags = ["a", "b"] }.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<PropertyInfo> ListProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && p.SetMethod is { IsPublic: true });

    /// <summary>A new list with one item that equals the item of any other list made here.</summary>
    private static System.Collections.IList NewList(Type itemType)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        list.Add(Item(itemType));
        return list;
    }

    private static object Item(Type itemType) =>
        itemType == typeof(string) ? "item"
        : itemType == typeof(SnapshotId) ? SnapshotId.Parse("abcdef12")
        : itemType == typeof(SnapshotReference) ? SnapshotReference.Parse("abcdef12")
        : Activator.CreateInstance(itemType)!;
}
