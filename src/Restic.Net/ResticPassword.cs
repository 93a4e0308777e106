namespace Restic.Net;

/// <summary>
/// Where restic gets the repository password from. The secret reaches restic only through the
/// child process environment (<c>RESTIC_PASSWORD</c>, <c>RESTIC_PASSWORD_FILE</c> or
/// <c>RESTIC_PASSWORD_COMMAND</c>): never the command line, a log line or an exception message.
/// </summary>
/// <remarks><see cref="ToString"/> never prints the password or the command.</remarks>
public sealed class ResticPassword
{
    private readonly PasswordSource _source;
    private readonly string _value;

    private ResticPassword(PasswordSource source, string value)
    {
        _source = source;
        _value = value;
    }

    private enum PasswordSource
    {
        Value,
        File,
        Command,
    }

    /// <summary>Uses <paramref name="password"/> itself, passed to restic as <c>RESTIC_PASSWORD</c>.</summary>
    /// <param name="password">The repository password; not empty, no NUL character.</param>
    /// <returns>The password source.</returns>
    /// <exception cref="ArgumentException"><paramref name="password"/> is null, empty or contains a NUL character.</exception>
    public static ResticPassword FromValue(string password)
    {
        Guard.NotNullOrEmptyNoNul(password);
        return new ResticPassword(PasswordSource.Value, password);
    }

    /// <summary>Reads the password from a file, passed to restic as <c>RESTIC_PASSWORD_FILE</c>.</summary>
    /// <param name="path">The path of the file that holds the password.</param>
    /// <returns>The password source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or contains a NUL character.</exception>
    public static ResticPassword FromFile(string path)
    {
        Guard.NotNullOrEmptyNoNul(path);
        return new ResticPassword(PasswordSource.File, Path.GetFullPath(path));
    }

    /// <summary>
    /// Runs a command that prints the password, passed to restic as <c>RESTIC_PASSWORD_COMMAND</c>
    /// (restic splits it like a shell would, without running a shell).
    /// </summary>
    /// <param name="command">The command line, for example <c>pass show backup/restic</c>.</param>
    /// <returns>The password source.</returns>
    /// <exception cref="ArgumentException"><paramref name="command"/> is null, empty or contains a NUL character.</exception>
    public static ResticPassword FromCommand(string command)
    {
        Guard.NotNullOrEmptyNoNul(command);
        return new ResticPassword(PasswordSource.Command, command);
    }

    /// <summary>A redacted description: the kind of source, and the file path for <see cref="FromFile"/>.</summary>
    /// <returns>For example <c>ResticPassword(value: ***)</c>.</returns>
    public override string ToString() => _source switch
    {
        PasswordSource.File => $"ResticPassword(file: {_value})",
        PasswordSource.Command => "ResticPassword(command: ***)",
        _ => "ResticPassword(value: ***)",
    };

    /// <summary>The password file, for <see cref="FromFile"/>.</summary>
    internal string? FilePath => _source == PasswordSource.File ? _value : null;

    /// <summary>The literal secret, when there is one, so that the redactor can mask it in restic's output.</summary>
    internal string? SecretValue => _source == PasswordSource.Value ? _value : null;

    internal void ApplyTo(IDictionary<string, string?> environment)
    {
        var name = _source switch
        {
            PasswordSource.File => "RESTIC_PASSWORD_FILE",
            PasswordSource.Command => "RESTIC_PASSWORD_COMMAND",
            _ => "RESTIC_PASSWORD",
        };
        environment[name] = _value;
    }
}
