using System.Globalization;
using Restic.Net.Execution;

namespace Restic.Net;

/// <summary>
/// A repository on an SFTP server, reached through the system's <c>ssh</c> client.
/// </summary>
/// <remarks>
/// The client renders the whole ssh command as <c>-o sftp.command=...</c> (which restic 0.14 and later
/// understand), so the port, identity file and host-key policy need no ssh configuration file.
/// <c>BatchMode=yes</c> is set unless <see cref="BatchMode"/> is false, so ssh fails instead of prompting for a password.
/// Restic.Net.Repository's native reader reads the repository without ssh when <see cref="IdentityFile"/> is set and
/// <see cref="SshProgram"/> and <see cref="SshArguments"/> keep their defaults; it reads no ssh configuration file.
/// </remarks>
public sealed record SftpRepository : ResticRepository
{
    /// <summary>Creates an SFTP repository.</summary>
    /// <param name="host">The host name, IP address or ssh configuration alias.</param>
    /// <param name="path">The repository folder: absolute (<c>/srv/restic</c>) or relative to the user's home folder.</param>
    /// <exception cref="ArgumentException">The host or path is empty or malformed.</exception>
    public SftpRepository(string host, string path)
    {
        BackendSettings.Token(host, nameof(host), "The SFTP host", "@/\"'\\");
        Guard.NotNullOrEmptyNoNul(path);
        if (path.StartsWith('~'))
        {
            throw new ArgumentException($"restic rejects SFTP paths starting with '~'; use a path relative to the home folder ('{path.TrimStart('~').TrimStart('/')}') or an absolute one.", nameof(path));
        }

        Host = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        Path = path;
    }

    /// <summary>The host name, IP address or ssh configuration alias.</summary>
    public string Host { get; }

    /// <summary>The repository folder on the server.</summary>
    public string Path { get; }

    /// <summary>The login user; null for ssh's default (the current user or the ssh configuration).</summary>
    public string? UserName { get; init; }

    /// <summary>The ssh port; null for ssh's default (22 or the ssh configuration).</summary>
    public int? Port { get; init; }

    /// <summary>The private key file (<c>ssh -i</c>, with <c>IdentitiesOnly=yes</c>); null for ssh's defaults and agent.</summary>
    public string? IdentityFile { get; init; }

    /// <summary>The known-hosts file to use instead of <c>~/.ssh/known_hosts</c>.</summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>How the server's host key is checked.</summary>
    public SftpHostKeyChecking HostKeyChecking { get; init; }

    /// <summary>Whether ssh runs with <c>BatchMode=yes</c> (never prompts; fails fast on a missing key). True by default.</summary>
    public bool BatchMode { get; init; } = true;

    /// <summary>How long ssh waits for the TCP connection (<c>ConnectTimeout</c>, whole seconds, at least 1); null for ssh's default.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>The ssh program; <c>ssh</c> from PATH by default.</summary>
    public string SshProgram { get; init; } = "ssh";

    /// <summary>Further ssh arguments, each a single word without spaces, such as <c>-oCompression=yes</c>; null for none.</summary>
    public IReadOnlyList<string>? SshArguments { get; init => field = ValueList<string>.Of(value); }

    /// <summary>The ssh command line restic runs (the value of <c>-o sftp.command</c>).</summary>
    public string SshCommand
    {
        get
        {
            var words = new List<string> { SshProgram };
            if (Port is { } port)
            {
                words.Add("-p");
                words.Add(port.ToString(CultureInfo.InvariantCulture));
            }

            if (IdentityFile is not null)
            {
                words.Add("-i");
                words.Add(System.IO.Path.GetFullPath(IdentityFile));
                words.Add("-oIdentitiesOnly=yes");
            }

            if (KnownHostsFile is not null)
            {
                words.Add("-oUserKnownHostsFile=" + System.IO.Path.GetFullPath(KnownHostsFile));
            }
            else if (HostKeyChecking == SftpHostKeyChecking.Off)
            {
                words.Add("-oUserKnownHostsFile=/dev/null");
            }

            if (HostKeyChecking != SftpHostKeyChecking.Default)
            {
                words.Add("-oStrictHostKeyChecking=" + HostKeyChecking switch
                {
                    SftpHostKeyChecking.AcceptNew => "accept-new",
                    SftpHostKeyChecking.Off => "no",
                    _ => "yes",
                });
            }
            if (BatchMode)
            {
                words.Add("-oBatchMode=yes");
            }

            if (ConnectTimeout is { } timeout)
            {
                words.Add("-oConnectTimeout=" + ((long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }

            words.AddRange(SshArguments ?? []);
            words.Add(UserName is null ? Host : UserName + "@" + Host);
            words.Add("-s");
            words.Add("sftp");
            return string.Join(' ', words);
        }
    }

    /// <inheritdoc />
    internal override string ToResticLocation()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host;
        return $"sftp:{(UserName is null ? string.Empty : UserName + "@")}{host}:{Path}";
    }

    /// <inheritdoc />
    internal override void ApplyTo(ResticEnvironment environment)
    {
        if (UserName is not null)
        {
            BackendSettings.Token(UserName, nameof(UserName), "The SFTP user", ":/\"'\\");
        }

        if (Port is < 1 or > 65535)
        {
            throw BackendSettings.Invalid($"The SFTP port must be between 1 and 65535; got {Port}.", nameof(Port));
        }

        if (ConnectTimeout is { } connect && (connect < TimeSpan.FromSeconds(1) || connect.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw BackendSettings.Invalid($"ConnectTimeout must be a whole number of seconds, at least 1; got {connect}.", nameof(ConnectTimeout));
        }

        BackendSettings.CommandWord(SshProgram, nameof(SshProgram), "SshProgram");
        BackendSettings.CommandWord(IdentityFile is null ? null : System.IO.Path.GetFullPath(IdentityFile), nameof(IdentityFile), "IdentityFile");
        BackendSettings.CommandWord(KnownHostsFile is null ? null : System.IO.Path.GetFullPath(KnownHostsFile), nameof(KnownHostsFile), "KnownHostsFile");
        foreach (var argument in SshArguments ?? [])
        {
            BackendSettings.CommandWord(argument, nameof(SshArguments), "Each of SshArguments");
        }

        base.ApplyTo(environment);
        environment.ExtendedOptions.Add("sftp.command=" + SshCommand);
    }

    /// <inheritdoc />
    internal override IEnumerable<string> GetSecrets() => [];
}
