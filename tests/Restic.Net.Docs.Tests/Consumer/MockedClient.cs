// Part of the consumer project PackageConsumerTests builds from the packed packages (not compiled into the
// test assembly): what a user's unit test does with Moq, against the interface as the package ships it.
using Moq;
using Restic.Net;

internal static class MockedClient
{
    public static async Task RunAsync()
    {
        var latest = new Snapshot { Id = SnapshotId.Parse(new string('c', 64)), Time = DateTimeOffset.UnixEpoch, Paths = ["/data"] };
        var client = new Mock<IResticClient>(MockBehavior.Strict);
        client.Setup(c => c.Repository).Returns(new LocalRepository("/srv/restic"));
        client.Setup(c => c.GetSnapshotAsync(SnapshotReference.Latest, null, default)).ReturnsAsync(latest);
        client.Setup(c => c.OpenDumpAsync(latest.Id, "/data/report.txt", null, default))
            .ReturnsAsync(() => new MemoryStream("quarterly figures"u8.ToArray()));

        // The code under test: find the latest snapshot, read one file of it, name the repository.
        var found = await client.Object.GetSnapshotAsync(SnapshotReference.Latest);
        await using var stream = await client.Object.OpenDumpAsync(found.Id, "/data/report.txt");
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        Check.That(text == "quarterly figures", $"the mocked dump read '{text}'");
        Check.That(client.Object.Repository.RedactedLocation == "/srv/restic", "the mocked repository");
        Console.WriteLine("consumer: mocked client ok");
    }
}
