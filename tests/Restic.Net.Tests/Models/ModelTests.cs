using System.Text;
using Restic.Net.Serialization;

namespace Restic.Net.Tests.Models;

public class ModelTests
{
    [Fact]
    public void SnapshotId_ShortAndFull_ParseCompareAndShorten()
    {
        var full = SnapshotId.Parse("36244F78C53833CB800F3C7E1EE9ABC0A7266BB10B9508619D0CB901BA2E6BF4");
        var shortId = SnapshotId.Parse("36244f78");

        Assert.True(full.IsFull);
        Assert.False(shortId.IsFull);
        Assert.Equal("36244f78", full.ToShortString());
        Assert.True(full.Matches(shortId));
        Assert.NotEqual(full, shortId);
        Assert.Equal(full, SnapshotId.Parse(full.Value));
        Assert.False(SnapshotId.TryParse("xyz12345", out _));
        Assert.False(SnapshotId.TryParse("1234567", out _));
        Assert.Throws<FormatException>(() => SnapshotId.Parse("not-an-id"));
    }

    [Theory]
    [InlineData("/srv/repo", typeof(LocalRepository))]
    [InlineData("relative/repo", typeof(LocalRepository))]
    [InlineData("local:/srv/repo", typeof(LocalRepository))]
    [InlineData("C:\\repo", typeof(LocalRepository))]
    [InlineData("sftp:user@host:/srv/repo", typeof(SftpRepository))]
    [InlineData("rest:http://127.0.0.1:8000/repo", typeof(RestRepository))]
    [InlineData("s3:http://127.0.0.1:9000/bucket", typeof(S3Repository))]
    [InlineData("webdav:host/repo", typeof(GenericRepository))]
    public void ResticRepository_Parse_ChoosesTheKind(string location, Type expected)
    {
        Assert.IsType(expected, ResticRepository.Parse(location));
    }

    [Fact]
    public void ResticRepository_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => ResticRepository.Parse(""));
        Assert.Throws<ArgumentException>(() => new LocalRepository("a\0b"));
        Assert.Throws<ArgumentNullException>(() => ResticPassword.FromValue(null!));
        Assert.Throws<ArgumentException>(() => ResticPassword.FromValue(""));
    }

    [Fact]
    public void ResticClient_MissingRepositoryOrPassword_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ResticClient(new ResticClientOptions { Password = ResticPassword.FromValue("x") }));
        Assert.Throws<ArgumentException>(() => new ResticClient(new ResticClientOptions { Repository = new LocalRepository("/r") }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResticClient(new ResticClientOptions
        {
            Repository = new LocalRepository("/r"), Password = ResticPassword.FromValue("x"), ShutdownTimeout = TimeSpan.Zero,
        }));
    }

    [Theory]
    [InlineData("{\"message_type\":\"status\",\"percent_done\":0.5}", true, "status")]
    [InlineData("{\"percent_done\":5e-07,\"message_type\":\"brand_new\"}", true, "brand_new")]
    [InlineData("{\"struct_type\":\"node\",\"name\":\"x\"}", true, "node")]
    [InlineData("{\"no_type\":1}", true, "")]
    [InlineData("Warning: something", false, "")]
    [InlineData("{\"message_type\":", false, "")]
    [InlineData("", false, "")]
    public void JsonLine_TryGetMessageType_ClassifiesLines(string line, bool isJson, string type)
    {
        Assert.Equal(isJson, JsonLine.TryGetMessageType(Encoding.UTF8.GetBytes(line), out var messageType));
        Assert.Equal(type, messageType);
    }

    [Fact]
    public void BackupStatus_HugeNumbers_SaturateAtLongMaxValueAndGarbageEtaIsDropped()
    {
        var line = "{\"message_type\":\"status\",\"seconds_remaining\":9223372036854775808,\"percent_done\":5e-07,\"total_bytes\":18446744073709551615}"u8;
        var dto = System.Text.Json.JsonSerializer.Deserialize(line, ResticJsonContext.Default.BackupStatusDto)!;
        var progress = dto.ToProgress();

        Assert.Equal(long.MaxValue, progress.TotalBytes);
        Assert.Null(progress.Remaining);
        Assert.Equal(5e-07, progress.PercentDone);
    }

    [Theory]
    [InlineData("0 B", 0L)]
    [InlineData("5.634 KiB", 5769L)]
    [InlineData("32.307 MiB", 33876345L)]
    [InlineData("1.5 GiB", 1610612736L)]
    public void TextOutput_ParseSize_ConvertsResticsUnits(string text, long bytes)
    {
        Assert.Equal(bytes, TextOutput.ParseSize(text));
    }
}
