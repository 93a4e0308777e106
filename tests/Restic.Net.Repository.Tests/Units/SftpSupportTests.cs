using System.Security.Cryptography;
using System.Text;
using Restic.Net.Repository.Storage;

namespace Restic.Net.Repository.Tests.Units;

/// <summary>Which SFTP repositories the reader opens itself, and how it reads known-hosts files, decided before any connection.</summary>
[Trait("Restic", "None")]
public sealed class SftpSupportTests : IDisposable
{
    private const string KeyA = "AAAAC3NzaC1lZDI1NTE5AAAAIGV4YW1wbGUta2V5LWEtMDAwMDAwMDAwMDAwMDAwMA==";
    private const string KeyB = "AAAAC3NzaC1lZDI1NTE5AAAAIGV4YW1wbGUta2V5LWItMDAwMDAwMDAwMDAwMDAwMA==";
    private static readonly ResticPassword Password = ResticPassword.FromValue("x");
    private static readonly SftpRepository WithKey = new("backup.example", "/srv/restic") { IdentityFile = "/keys/id_ed25519" };
    private readonly TempDirectory _folder = new("restic-net-known-hosts-");

    [Fact]
    public void An_identity_file_and_plain_ssh_are_read_natively_anything_else_by_restic()
    {
        Assert.True(ResticNativeReads.Default.CanRead(WithKey, Password));
        Assert.True(ResticNativeReads.Default.CanRead(WithKey with { Port = 2222, UserName = "backup", HostKeyChecking = SftpHostKeyChecking.AcceptNew, SshArguments = [] }, Password));
        Assert.False(ResticNativeReads.Default.CanRead(WithKey with { IdentityFile = null }, Password));
        Assert.False(ResticNativeReads.Default.CanRead(WithKey with { SshProgram = "/usr/local/bin/ssh" }, Password));
        Assert.False(ResticNativeReads.Default.CanRead(WithKey with { SshArguments = ["-oBatchMode=yes"] }, Password));
    }

    [Fact]
    public async Task Without_an_identity_file_opening_says_restic_reads_it()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => ResticRepositoryReader.OpenAsync(WithKey with { IdentityFile = null }, Password));
        Assert.Contains("IdentityFile", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backup.example", 22, "backup.example")]
    [InlineData("backup.example", 2222, "[backup.example]:2222")]
    [InlineData("::1", 2222, "[::1]:2222")]
    public void The_name_looked_up_is_ssh_s(string host, int port, string expected) => Assert.Equal(expected, KnownHosts.NameOf(host, port));

    [Theory]
    [InlineData("[backup.example]:2222", true)]
    [InlineData("*.example", false)] // the name looked up is [backup.example]:2222, which *.example does not match
    [InlineData("[backup.examp?e]:2222", true)]
    [InlineData("[*]:2222,![backup.example]:2222", false)]
    [InlineData("other.example,[BACKUP.example]:2222", true)]
    public void Patterns_match_as_ssh_matches_them(string hosts, bool known)
    {
        var file = Write($"# comment\n\n{hosts} ssh-ed25519 {KeyA}\n");
        Assert.Equal(known ? KnownHosts.Verdict.Known : KnownHosts.Verdict.Unknown, KnownHosts.Check([file], "[backup.example]:2222", Convert.FromBase64String(KeyA)));
    }

    [Fact]
    public void A_hashed_name_matches_only_its_host_and_a_changed_or_revoked_key_is_told_apart()
    {
        var salt = RandomNumberGenerator.GetBytes(20);
#pragma warning disable CA5350 // the format's algorithm
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("backup.example"));
#pragma warning restore CA5350
        var hashed = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)}";
        var file = Write($"{hashed} ssh-ed25519 {KeyA}\n");
        Assert.Equal(KnownHosts.Verdict.Known, KnownHosts.Check([file], "backup.example", Convert.FromBase64String(KeyA)));
        Assert.Equal(KnownHosts.Verdict.Unknown, KnownHosts.Check([file], "other.example", Convert.FromBase64String(KeyA)));
        Assert.Equal(KnownHosts.Verdict.Changed, KnownHosts.Check([file], "backup.example", Convert.FromBase64String(KeyB)));
        Assert.Equal(["ssh-ed25519"], KnownHosts.KnownTypes([file], "backup.example"));

        var revoked = Write($"{hashed} ssh-ed25519 {KeyA}\n@revoked * ssh-ed25519 {KeyA}\n@cert-authority * ssh-ed25519 {KeyB}\n");
        Assert.Equal(KnownHosts.Verdict.Revoked, KnownHosts.Check([revoked], "backup.example", Convert.FromBase64String(KeyA)));

        // A certificate authority's key is not a host key: the host stays unknown to it.
        Assert.Equal(KnownHosts.Verdict.Unknown, KnownHosts.Check([Write($"@cert-authority * ssh-ed25519 {KeyB}\n")], "backup.example", Convert.FromBase64String(KeyB)));
    }

    [Fact]
    public void Missing_files_and_broken_lines_know_nothing_and_a_new_key_is_appended_on_a_line_of_its_own()
    {
        Assert.Equal(KnownHosts.Verdict.Unknown, KnownHosts.Check([_folder.Combine("none")], "backup.example", Convert.FromBase64String(KeyA)));
        var file = Write($"backup.example ssh-ed25519 not-base64!\nbackup.example ssh-ed25519\nother.example ssh-ed25519 {KeyB}");
        Assert.Equal(KnownHosts.Verdict.Unknown, KnownHosts.Check([file], "backup.example", Convert.FromBase64String(KeyA)));

        Assert.True(KnownHosts.TryAdd(file, "[backup.example]:2222", Convert.FromBase64String(KeyA)));
        Assert.Equal($"[backup.example]:2222 ssh-ed25519 {KeyA}", File.ReadAllLines(file)[^1]);
        Assert.Equal(KnownHosts.Verdict.Known, KnownHosts.Check([file], "[backup.example]:2222", Convert.FromBase64String(KeyA)));
        Assert.Equal(KnownHosts.Verdict.Known, KnownHosts.Check([file], "other.example", Convert.FromBase64String(KeyB)));
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string content)
    {
        var file = _folder.Combine(Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, content);
        return file;
    }
}
