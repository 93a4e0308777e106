namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// The conformance repository written by the restic under test over SFTP into a folder of an OpenSSH sshd, with the
/// same source tree and snapshots as the local one. restic reaches it with the fixture's ssh command; the reader with
/// the same settings minus the ssh arguments, which it cannot honour.
/// </summary>
public sealed class SftpConformanceRepository() : ConformanceRepository(2)
{
    private const string Name = "conformance";
    private readonly SftpServer _server = new();

    public SftpServer Server => _server;

    /// <summary>The repository as the native reader opens it: key file, port and user, no ssh arguments.</summary>
    public SftpRepository Sftp => _server.Repository(Name) with { SshArguments = null };

    /// <summary>The repository as restic reaches it (ssh quiet about the unknown host key).</summary>
    public SftpRepository ResticSftp => _server.Repository(Name);

    public override string Repository => Path.Combine(_server.DataFolder, Name);

    public override ResticRepository Location => Sftp;

    /// <summary>The same settings for another folder of the server, as the reader opens it.</summary>
    public SftpRepository At(string folder) => new(SftpServer.ServerHost, folder)
    {
        UserName = Sftp.UserName, Port = Sftp.Port, IdentityFile = Sftp.IdentityFile, HostKeyChecking = SftpHostKeyChecking.Off, ConnectTimeout = Sftp.ConnectTimeout,
    };

    public override async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    public override ResticClientOptions ClientOptions()
    {
        var options = base.ClientOptions();
        options.Repository = ResticSftp;
        return options;
    }

    protected override Task InitRepositoryAsync(string formatVersion) =>
        ResticProcess.RunAsync(
            ResticSftp.ToResticLocation(), Cache, new Dictionary<string, string>(), "init", "--repository-version", formatVersion, "-o", "sftp.command=" + ResticSftp.SshCommand);
}
