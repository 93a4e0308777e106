using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Restic.Net.IntegrationTests.Support;
using Restic.Net.Samples.WebApi.Security;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The server's own secrets stay out of its users' reach: it refuses to start when an allowed root contains
/// the state database or the key ring (or lies inside their folder), or when the key ring's folder is open
/// to other users; it creates that folder for itself only, and with a certificate the keys are encrypted.
/// </summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class StatePlacementTests : IDisposable
{
    private readonly TempDirectory _temp = new("restic-net-webapi-state-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void KeyRingInsideAnAllowedRoot_RefusesToStart_NamingBothSettings()
    {
        var state = StateSettings.Sqlite(_temp.Path) with { KeysDirectory = Path.Combine(_temp.Path, "files", "keys") };

        var message = StartupFailure(new WebApiFactory(state));

        Assert.Contains("Restic:AllowedRoots:0", message, StringComparison.Ordinal);
        Assert.Contains("contains the server's state folder", message, StringComparison.Ordinal);
        Assert.Contains("(DataProtection:KeysDirectory)", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "files", "keys"))); // refused before anything was created
    }

    [Fact]
    public void DatabaseInsideAnAllowedRoot_RefusesToStart()
    {
        var state = StateSettings.Sqlite(_temp.Path) with { ConnectionString = $"Data Source={Path.Combine(_temp.Path, "files", "state.db")}" };

        var message = StartupFailure(new WebApiFactory(state));

        Assert.Contains("(State:ConnectionString)", message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "files", "state.db")));
    }

    [Fact]
    public void AllowedRootInsideTheStateFolder_RefusesToStart()
    {
        var root = Directory.CreateDirectory(Path.Combine(WebApiFactory.StateFolderOf(_temp.Path), "files")).FullName;

        var message = StartupFailure(new WebApiFactory(StateSettings.Sqlite(_temp.Path), new Dictionary<string, string?> { ["Restic:AllowedRoots:0"] = root }));

        Assert.Contains("lies inside the server's state folder", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedRootReachingTheStateThroughALink_RefusesToStart()
    {
        var link = Path.Combine(_temp.Path, "link-to-state");
        Directory.CreateDirectory(WebApiFactory.StateFolderOf(_temp.Path));
        Directory.CreateSymbolicLink(link, WebApiFactory.StateFolderOf(_temp.Path));

        var message = StartupFailure(new WebApiFactory(StateSettings.Sqlite(_temp.Path), new Dictionary<string, string?> { ["Restic:AllowedRoots:0"] = link }));

        Assert.Contains("state folder", message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyRingFolderOpenToOthers_RefusesToStart()
    {
        var state = StateSettings.Sqlite(_temp.Path);
        Directory.CreateDirectory(state.KeysDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var message = StartupFailure(new WebApiFactory(state));

        Assert.Contains("open to other users (mode 755)", message, StringComparison.Ordinal);
        Assert.Contains("chmod 700", message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task KeyRingFolder_IsCreatedForTheServiceAccountOnly_AndWithoutACertificateTheKeysAreOnlyThatProtected()
    {
        var state = StateSettings.Sqlite(_temp.Path);
        await using var factory = new WebApiFactory(state);

        var token = factory.Services.GetRequiredService<PasswordTokenProtector>().Protect("docs", "s3cret");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state.KeysDirectory));
        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(state.KeysDirectory, "key-*.xml")));
        Assert.Contains("unencrypted form", key, StringComparison.Ordinal); // what the README says: the folder's permissions are the protection
        Assert.Equal("s3cret", factory.Services.GetRequiredService<PasswordTokenProtector>().Unprotect("docs", token));
    }

    [Fact(Timeout = 60000)]
    public async Task KeyRingWithACertificate_IsEncryptedAtRest_AndReadableOnlyWithIt()
    {
        var state = StateSettings.Sqlite(_temp.Path);
        var pfx = Path.Combine(WebApiFactory.StateFolderOf(_temp.Path), "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=restic-net-webapi-keyring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        var withCertificate = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-password" };
        string token;
        await using (var first = new WebApiFactory(state, withCertificate))
        {
            token = first.Services.GetRequiredService<PasswordTokenProtector>().Protect("docs", "s3cret");
        }

        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(state.KeysDirectory, "key-*.xml")));
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", key, StringComparison.Ordinal);

        await using (var again = new WebApiFactory(state, withCertificate))
        {
            Assert.Equal("s3cret", again.Services.GetRequiredService<PasswordTokenProtector>().Unprotect("docs", token));
        }

        await using var withoutCertificate = new WebApiFactory(state);
        Assert.Null(withoutCertificate.Services.GetRequiredService<PasswordTokenProtector>().Unprotect("docs", token));
    }

    [Fact(Timeout = 60000)]
    public async Task WithoutAKeyRingFolder_TheKeysLiveInMemory_AndTheLogSaysSo()
    {
        await using var factory = new WebApiFactory(StateSettings.Sqlite(_temp.Path) with { KeysDirectory = null! });

        _ = factory.Services;

        Assert.Contains(factory.Logs.Lines, l => l.Contains("keys live in memory only", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(WebApiFactory.StateFolderOf(_temp.Path), "keys")));
    }

    /// <summary>The message of the exception the app refused to start with.</summary>
    [Fact]
    public void JobLostAfterBelowThreeSeconds_RefusesToStart()
    {
        var message = StartupFailure(new WebApiFactory(StateSettings.Sqlite(_temp.Path), new Dictionary<string, string?> { ["State:JobLostAfter"] = "00:00:01" }));

        Assert.Contains("State:JobLostAfter must be at least 3 seconds", message, StringComparison.Ordinal);
    }

    private static string StartupFailure(WebApiFactory factory)
    {
        using (factory)
        {
            var ex = Assert.ThrowsAny<Exception>(() => factory.Services);
            var messages = new List<string>();
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                messages.Add(e.Message);
            }

            return string.Join(" | ", messages);
        }
    }
}
