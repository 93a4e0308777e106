namespace Restic.Net.CommandLines;

/// <summary>The argv builders of the key commands; new passwords go through a file, never argv.</summary>
internal static partial class ResticCommands
{
    /// <summary><c>key list</c>: one JSON document.</summary>
    public static ResticCommand KeyList() => new("key list", ["key", "list"], [], []);

    /// <summary><c>key add</c>: the new password comes from a file, never argv.</summary>
    public static ResticCommand KeyAdd(string newPasswordFile, AddKeyOptions options)
    {
        var flags = new List<string> { "--new-password-file=" + newPasswordFile };
        AddValue(flags, "--user", options.UserName);
        AddValue(flags, "--host", options.HostName);
        return new ResticCommand("key add", ["key", "add"], flags, []);
    }

    /// <summary><c>key remove ID</c>: refuses the key the password opened.</summary>
    public static ResticCommand KeyRemove(string id) =>
        new("key remove", ["key", "remove"], [], [id]) { Lock = ResticLockKind.Exclusive };

    /// <summary><c>key passwd</c>: adds a key for the new password and removes the current one.</summary>
    public static ResticCommand KeyPasswd(string newPasswordFile) =>
        new("key passwd", ["key", "passwd"], ["--new-password-file=" + newPasswordFile], []) { Lock = ResticLockKind.Exclusive };
}
