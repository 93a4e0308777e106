using System.Text.Json;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository.Tests.Units;

/// <summary>What a diff compares that no repository of the conformance tests holds: fields Linux backups rarely set, and name orders.</summary>
[Trait("Restic", "None")]
public sealed class DiffNodeComparisonTests
{
    [Fact]
    public void Nodes_equal_as_restics_Node_Equals()
    {
        Assert.True(NodeEquality.AreEqual(Node("{}"), Node("{}"), ignoreContent: false));

        // Extended attributes are a set: order does not matter, values do, a missing one does.
        var xattrs = """{"extended_attributes":[{"name":"a","value":"AQI="},{"name":"b","value":null}]}""";
        Assert.True(NodeEquality.AreEqual(Node(xattrs), Node("""{"extended_attributes":[{"name":"b","value":""},{"name":"a","value":"AQI="}]}"""), ignoreContent: false));
        Assert.False(NodeEquality.AreEqual(Node(xattrs), Node("""{"extended_attributes":[{"name":"a","value":"AQM="},{"name":"b"}]}"""), ignoreContent: false));
        Assert.False(NodeEquality.AreEqual(Node(xattrs), Node("""{"extended_attributes":[{"name":"a","value":"AQI="},{"name":"c"}]}"""), ignoreContent: false));

        // Generic attributes by their JSON text; absent equals empty.
        Assert.True(NodeEquality.AreEqual(Node("""{"generic_attributes":{}}"""), Node("{}"), ignoreContent: false));
        Assert.False(NodeEquality.AreEqual(Node("""{"generic_attributes":{"windows.file_attributes":"IA=="}}"""), Node("""{"generic_attributes":{"windows.file_attributes":"IQ=="}}"""), ignoreContent: false));

        // A raw link target replaces the text one; times are instants; device and error count.
        Assert.True(NodeEquality.AreEqual(Node("""{"linktarget":"x","linktarget_raw":"eA=="}"""), Node("""{"linktarget":"x"}"""), ignoreContent: false));
        Assert.False(NodeEquality.AreEqual(Node("""{"linktarget_raw":"/w=="}"""), Node("""{"linktarget_raw":"/g=="}"""), ignoreContent: false));
        Assert.True(NodeEquality.AreEqual(Node("""{"mtime":"2024-01-01T12:00:00+02:00"}"""), Node("""{"mtime":"2024-01-01T10:00:00Z"}"""), ignoreContent: false));
        Assert.False(NodeEquality.AreEqual(Node("""{"device":1}"""), Node("{}"), ignoreContent: false));
        Assert.False(NodeEquality.AreEqual(Node("""{"error":"lstat failed"}"""), Node("{}"), ignoreContent: false));

        // Content: null (a folder's) is not empty (an empty file's); ignored for restic's bit-rot check.
        Assert.False(NodeEquality.AreEqual(Node("""{"content":null}"""), Node("""{"content":[]}"""), ignoreContent: false));
        Assert.True(NodeEquality.AreEqual(Node("""{"content":null}"""), Node("""{"content":[]}"""), ignoreContent: true));
    }

    [Theory]
    [InlineData("""{"type":"file","content":["aa"]}""", """{"type":"file","content":["bb"]}""", false, "M?")] // possible bit rot: nothing else changed
    [InlineData("""{"type":"file","content":["aa"]}""", """{"type":"file","content":["bb"],"size":2}""", false, "M")]
    [InlineData("""{"type":"file","content":["aa"],"mode":420}""", """{"type":"file","content":["aa"],"mode":384}""", false, "")]
    [InlineData("""{"type":"file","content":["aa"],"mode":420}""", """{"type":"file","content":["aa"],"mode":384}""", true, "U")]
    [InlineData("""{"type":"file","content":[]}""", """{"type":"symlink","linktarget":"x"}""", false, "T")]
    [InlineData("""{"type":"file","content":[]}""", """{"type":"symlink","linktarget":"x"}""", true, "TU")]
    public void Modifiers_are_restics(string first, string second, bool includeMetadata, string expected)
    {
        var walk = new DiffWalk(includeMetadata);
        Assert.Equal(expected, walk.Modifier(Node(first), Node(second)));
        Assert.Equal(expected.StartsWith('M') ? 1 : 0, walk.ChangedFiles);
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("Z", "a")]
    [InlineData("a", "ab")]
    [InlineData("\uFF46", "😀")] // UTF-8 order; UTF-16 order is the reverse
    [InlineData("\uE000", "\U00010000")]
    public void Names_order_by_their_UTF8_bytes(string first, string second)
    {
        Assert.True(NodeNameOrder.Compare(Named(first), Named(second)) < 0);
        Assert.True(NodeNameOrder.Compare(Named(second), Named(first)) > 0);
        Assert.Equal(0, NodeNameOrder.Compare(Named(first), Named(first)));
    }

    [Fact]
    public void Names_that_are_not_UTF8_order_by_their_stored_bytes()
    {
        var fe = new TreeNodeDto { Name = "collide-\uFFFD", QuotedName = "collide-\\xfe" };
        var ff = new TreeNodeDto { Name = "collide-\uFFFD", QuotedName = "collide-\\xff" };
        Assert.True(NodeNameOrder.Compare(fe, ff) < 0);
        Assert.True(NodeNameOrder.Compare(Named("collide-z"), fe) < 0);
        Assert.Equal(0, NodeNameOrder.Compare(ff, new TreeNodeDto { Name = "collide-\uFFFD", QuotedName = "collide-\\xff" }));
    }

    private static TreeNodeDto Named(string name) => new() { Name = name };

    private static TreeNodeDto Node(string json) =>
        JsonSerializer.Deserialize("""{"nodes":[""" + json + "]}", RepositoryJsonContext.Default.TreeDto)!.Nodes![0];
}
