namespace Restic.Net.IntegrationTests.Process;

/// <summary>
/// <c>restic version</c> runs once per process for clients that run the same executable the same
/// way (an app that creates a client per request pays for it once), and again for anything else.
/// </summary>
[Trait("Restic", "None")] // the fake restic only: run once, not per restic version
public sealed class VersionCacheTests
{
    [Fact(Timeout = 30000)]
    public async Task ClientsOfTheSameExecutableAndEnvironment_AskForTheVersionOnce()
    {
        using var fake = new FakeRestic();
        var record = Path.Combine(fake.Folder, "versions.txt");
        fake.With("FAKE_RESTIC_VERSION_RECORD", record);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(new Version(0, 18, 0), (await fake.CreateClient().GetVersionAsync()).Version);
        }

        Assert.Single(File.ReadAllLines(record));
    }

    [Fact(Timeout = 30000)]
    public async Task AnotherEnvironmentOrAnotherExecutable_AsksAgain()
    {
        using var fake = new FakeRestic();
        var record = Path.Combine(fake.Folder, "versions.txt");
        fake.With("FAKE_RESTIC_VERSION_RECORD", record);

        await fake.CreateClient().GetVersionAsync();
        await fake.CreateClient(o => o.EnvironmentVariables["SOMETHING_ELSE"] = "1").GetVersionAsync();
        var other = fake.CreateVersionWrapper("restic 0.16.4 compiled with go1.21.1 on linux/amd64");
        var older = await fake.CreateClient(o => o.BinaryPath = other).GetVersionAsync();

        Assert.Equal(3, File.ReadAllLines(record).Length);
        Assert.Equal(new Version(0, 16, 4), older.Version);
    }
}
