using System.Text;

namespace Restic.Net.CommandLines;

/// <summary>
/// The operating system's limits on a command line, checked before restic starts: past them the start
/// fails with E2BIG ("Argument list too long"), which says nothing about which value was too long.
/// </summary>
internal static class ArgumentLimits
{
    /// <summary>Linux's limit for one argument, its NUL included (MAX_ARG_STRLEN: 32 pages of 4 KiB).</summary>
    public const int MaxArgumentBytes = 128 * 1024;

    /// <summary>
    /// The budget for the whole argv. Linux allows a quarter of the stack limit for argv and environment
    /// together (2 MiB with the usual 8 MiB stack); the client keeps argv within half of that.
    /// </summary>
    public const int MaxCommandLineBytes = 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the argument that is too long, or the total.</summary>
    public static void Check(string operation, IReadOnlyList<string> arguments)
    {
        var total = 0;
        foreach (var argument in arguments)
        {
            var bytes = Encoding.UTF8.GetByteCount(argument) + 1;
            if (bytes > MaxArgumentBytes)
            {
                var name = argument.StartsWith("--", StringComparison.Ordinal) && argument.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq
                    ? argument[..eq]
                    : "a value";
                throw new ArgumentException(
                    $"restic {operation}: {name} is {bytes - 1} bytes long; the operating system allows {MaxArgumentBytes - 1} bytes per command-line argument. Shorten it.",
                    nameof(arguments));
            }

            total += bytes;
        }

        if (total > MaxCommandLineBytes)
        {
            throw new ArgumentException(
                $"restic {operation}: the command line would be {total} bytes long; the client keeps it within {MaxCommandLineBytes} bytes (the operating system allows about 2 MiB for arguments and environment together). Pass fewer values per call.",
                nameof(arguments));
        }
    }
}
