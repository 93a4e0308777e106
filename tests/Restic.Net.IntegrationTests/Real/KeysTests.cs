using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>Keys: add, remove, rotation and passwd against the real restic, each checked by which password opens the repository.</summary>
public sealed class KeysTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact(Timeout = 180000)]
    public async Task Keys_AddRemoveAndRotate_OldPasswordFailsAndTheNewOneWorks()
    {
        var (client, source) = await _root.NewRepositoryAsync("keys");
        await client.BackupAsync([source]);
        var original = Assert.Single(await client.GetKeysAsync());
        Assert.True(original.IsCurrent);

        var second = await client.AddKeyAsync(ResticPassword.FromValue("second-password"), new AddKeyOptions { UserName = "ops", HostName = "vault" });
        Assert.Equal(2, (await client.GetKeysAsync()).Count);
        Assert.Equal(("ops", "vault"), (second.UserName, second.HostName));
        Assert.Single(await WithPassword("second-password").GetSnapshotsAsync());
        await client.RemoveKeyAsync(second.Id);
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => WithPassword("second-password").GetSnapshotsAsync());

        var rotation = await client.ChangePasswordAsync(ResticPassword.FromValue("rotated-password"));

        Assert.Equal(original.Id, rotation.OldKey.Id);
        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => client.GetSnapshotsAsync());
        var rotated = WithPassword("rotated-password");
        Assert.Single(await rotated.GetSnapshotsAsync());
        Assert.Equal(rotation.NewKey.Id, Assert.Single(await rotated.GetKeysAsync()).Id);

        var changed = await rotated.ReplaceCurrentKeyAsync(ResticPassword.FromValue("changed-password"));

        await Assert.ThrowsAsync<ResticWrongPasswordException>(() => rotated.GetSnapshotsAsync());
        Assert.Equal(changed.Id, Assert.Single(await WithPassword("changed-password").GetKeysAsync()).Id);

        ResticClient WithPassword(string password)
        {
            var options = TestRestic.Options(_root.Combine("keys", "repo"), _root.Combine("keys", "cache"));
            options.Password = ResticPassword.FromValue(password);
            return new ResticClient(options);
        }
    }
}
