namespace Restic.Net.Samples.Console;

/// <summary>
/// The command line: without <c>--repo</c> the sample runs the whole life cycle in a temporary
/// repository; with it, it works on the user's repository and never deletes anything there.
/// </summary>
internal sealed record SampleArguments
{
    public const string Usage = """
        usage: restic-net-sample [--restic PATH]
               restic-net-sample --repo LOCATION --password-file FILE [--source PATH] [--init] [--restic PATH]

          (no --repo)          quick start: init, two backups, snapshots, restore (verified), forget --prune,
                               check and stats, all in a temporary repository that is deleted afterwards
          --repo LOCATION      your repository: a path or a restic URL (sftp:, rest:, s3:, ...)
          --password-file FILE the file holding its password (never pass a password on the command line)
          --source PATH        back up PATH into it, with live progress
          --init               create the repository first if there is none
          --restic PATH        the restic binary (default: $RESTIC_NET_RESTIC_BINARY, else restic on PATH)
        """;

    public string? Repository { get; private init; }

    public string? PasswordFile { get; private init; }

    public string? Source { get; private init; }

    public bool Init { get; private init; }

    public string Restic { get; private init; } = "restic";

    public bool Help { get; private init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static SampleArguments Parse(IReadOnlyList<string> args, string? resticFromEnvironment)
    {
        var result = new SampleArguments { Restic = string.IsNullOrEmpty(resticFromEnvironment) ? "restic" : resticFromEnvironment };
        for (var i = 0; i < args.Count; i++)
        {
            result = args[i] switch
            {
                "--repo" or "-r" => result with { Repository = Value(args, ref i) },
                "--password-file" => result with { PasswordFile = Value(args, ref i) },
                "--source" => result with { Source = Path.GetFullPath(Value(args, ref i)) },
                "--restic" => result with { Restic = Value(args, ref i) },
                "--init" => result with { Init = true },
                "--help" or "-h" => result with { Help = true },
                "--password" => throw new ArgumentException("--password is not supported: a password on the command line is visible to every user in ps. Use --password-file."),
                var other => throw new ArgumentException($"unknown argument '{other}'"),
            };
        }

        if (result.Repository is null && (result.PasswordFile is not null || result.Source is not null || result.Init))
        {
            throw new ArgumentException("--password-file, --source and --init need --repo");
        }

        if (result.Repository is not null && result.PasswordFile is null)
        {
            throw new ArgumentException("--repo needs --password-file");
        }

        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}
