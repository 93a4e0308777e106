using System.Text;
using System.Text.Json;
using Restic.Net.Serialization;
using Restic.Net.Tests.Support;

namespace Restic.Net.Tests.Serialization;

/// <summary>The one-pass node reader must give exactly what the source-generated DTO path gives.</summary>
public class NodeLineTests
{
    [Theory]
    [InlineData("0.14.0", "ls")]
    [InlineData("0.18.0", "ls")]
    [InlineData("0.19.1", "ls")]
    [InlineData("0.18.0", "ls-dir")]
    [InlineData("0.19.1", "ls-dir")]
    [InlineData("0.18.0", "ls-recursive")]
    [InlineData("0.19.1", "ls-recursive")]
    public void TryRead_EveryRecordedNodeLine_EqualsTheDtoProjection(string version, string scenario)
    {
        var nodes = 0;
        foreach (var line in Fixture.Load(version, scenario).StandardOutputLines())
        {
            var isNode = JsonLine.TryGetMessageType(line, out var type) && type == "node";
            Assert.Equal(isNode, NodeLine.TryRead(line, out var node));
            if (isNode)
            {
                Assert.Equal(JsonSerializer.Deserialize(line, ResticJsonContext.Default.NodeDto)!.ToNode(), node);
                nodes++;
            }
        }

        Assert.True(nodes > 0);
    }

    [Fact]
    public void TryRead_FindMatches_EqualTheDtoProjection()
    {
        // find's matches carry user, group, links and device id, and no name.
        using var document = JsonDocument.Parse(Fixture.Load("0.18.0", "find").StandardOutput);
        foreach (var match in document.RootElement.EnumerateArray().SelectMany(r => r.GetProperty("matches").EnumerateArray()))
        {
            var line = Encoding.UTF8.GetBytes(match.GetRawText().TrimEnd('}') + ""","message_type":"node"}""");
            Assert.True(NodeLine.TryRead(line, out var node));
            Assert.Equal(JsonSerializer.Deserialize(line, ResticJsonContext.Default.NodeDto)!.ToNode(), node);
            Assert.NotNull(node.UserName);
        }
    }

    [Theory]
    [InlineData("""{"name":"a\u0026b \"c\".txt","type":"fi\u006ce","path":"/d/a\u0026b \"c\".txt","message_type":"node"}""")]
    [InlineData("""{"type":"file","path":"/d/no-name","size":null,"inode":null,"struct_type":"node"}""")]
    [InlineData("""{"type":"dir","path":"/d","future_field":{"nested":[1,2,{"x":null}]},"permissions":"dgrwxr-x---","message_type":"node","struct_type":"node"}""")]
    [InlineData("""{"name":"x","type":"file","path":"/x","uid":0,"yes":true,"no":false,"none":null,"float":-1.5e+3,"zero":0,"message_type":"node"}""")]
    [InlineData("""{"name":"a,b}c:\"","type":"file","path":"/a,b}c{[","message_type":"node"}""")]
    [InlineData("""{"name":"a,b}c","type":"file","path":"/a,b}c{[","size":18446744073709551615,"uid":4294967295,"message_type":"node"}""")]
    [InlineData("""{ "name": "spaced", "message_type": "node" }""")]
    [InlineData("""{"name":"grüße-café 😀","type":"weird","permissions":"-rwsr-sr-t","mtime":"2024-01-02T03:04:05+01:00","message_type":"node"}""")]
    [InlineData("""{"name":"x","mtime":"2024-01-02T03:04:05.1234567891Z","message_type":"node"}""")]
    public void TryRead_UnusualButValidLines_EqualTheDtoProjection(string json)
    {
        var line = Encoding.UTF8.GetBytes(json);
        Assert.True(NodeLine.TryRead(line, out var node));
        Assert.Equal(JsonSerializer.Deserialize(line, ResticJsonContext.Default.NodeDto)!.ToNode(), node);
    }

    /// <summary>
    /// restic ls prints the times restic stored, years 0 to 9999 with any offset (here a file whose mtime is
    /// 0001-01-01T00:00:00Z, backed up in America/St_Johns and Asia/Manila): both readers read them.
    /// </summary>
    [Theory]
    [InlineData("""{"name":"old","type":"file","path":"/src/old","uid":0,"gid":0,"size":0,"mode":420,"permissions":"-rw-r--r--","mtime":"0000-12-31T20:29:08-03:30","atime":"0000-12-31T20:29:08-03:30","ctime":"2026-12-06T21:06:49.046511107-03:30","inode":4,"message_type":"node","struct_type":"node"}""")]
    [InlineData("""{"name":"old \"quoted\"","type":"file","path":"/src/old","mtime":"0000-12-31T08:03:52-15:56","atime":"9999-12-31T23:59:59-03:30","ctime":"1800-05-31T08:03:52-15:56","message_type":"node"}""")]
    public void TryRead_TimesOutsideDateTimeOffset_AreReadOnBothPaths(string json)
    {
        var line = Encoding.UTF8.GetBytes(json);
        Assert.True(NodeLine.TryRead(line, out var node));
        Assert.Equal(DateTimeOffset.MinValue, node.ModificationTime);
        Assert.Equal(JsonSerializer.Deserialize(line, ResticJsonContext.Default.NodeDto)!.ToNode(), node);
        if (json.Contains("-15:56\",\"message", StringComparison.Ordinal))
        {
            Assert.Equal(DateTimeOffset.MaxValue, node.AccessTime);
            Assert.Equal(new DateTimeOffset(1800, 5, 31, 23, 59, 52, TimeSpan.Zero), node.ChangeTime);
        }
    }

    [Theory]
    [InlineData("""{"message_type":"snapshot","id":"abc"}""")] // another message type
    [InlineData("""{"name":"x","type":"file"}""")] // no message type
    [InlineData("""{"message_type":"node","uid":null}""")] // the DTO path reports this as malformed
    [InlineData("""{"message_type":"node","name":42}""")]
    [InlineData("""{"message_type":"node","size":-1}""")]
    [InlineData("""{"message_type":"node","mtime":"yesterday"}""")]
    [InlineData("""{"message_type":"node"} {"more":1}""")]
    [InlineData("""{"message_type":"node","name":"trunc""")]
    [InlineData("""{"\u006eame":"x","message_type":"node"}""")] // escaped property name
    [InlineData("""{"struct_type":"snapshot","message_type":"node"}""")] // the first type wins, as in JsonLine
    [InlineData("""{"message_type":"node","uid":1.0}""")]
    [InlineData("""{"message_type":"node","uid":01}""")]
    [InlineData("""{"message_type":"node","uid":-0}""")]
    [InlineData("""{"message_type":"node","uid":4294967296}""")]
    [InlineData("""{"message_type":"node","extra":tru}""")]
    [InlineData("""{"message_type":"node","extra":[1,2]""")]
    [InlineData("""{"message_type":"node","size":"5"}""")]
    [InlineData("""{"message_type":"node","name":true}""")]
    [InlineData("""{"message_type":"node","name":"x",}""")]
    [InlineData("""{"message_type":"node","name":"x"}}""")]
    [InlineData("""{"message_type":"node","name":"x""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void TryRead_OtherOrMalformedLines_LeavesThemToTheGeneralPath(string text)
    {
        Assert.False(NodeLine.TryRead(Encoding.UTF8.GetBytes(text), out var node));
        Assert.Null(node);
    }
}
