using System.Globalization;

namespace Restic.Net.Execution;

/// <summary>
/// The <c>RESTIC_*</c> variables whose values the client checks or reads itself. restic 0.19 fails on
/// an invalid <c>RESTIC_COMPRESSION</c>, <c>RESTIC_PACK_SIZE</c> or <c>RESTIC_READ_CONCURRENCY</c>, while
/// older versions ignored some of them: the client rejects them when it is created, on every version.
/// </summary>
internal static class ResticVariables
{
    public const string Compression = "RESTIC_COMPRESSION";
    public const string PackSize = "RESTIC_PACK_SIZE";
    public const string ReadConcurrency = "RESTIC_READ_CONCURRENCY";
    public const string Host = "RESTIC_HOST";

    // restic's limits for the pack size, in MiB.
    private const int MinPackSize = 4;
    private const int MaxPackSize = 128;

    /// <summary>Throws <see cref="ArgumentException"/> naming the variable whose value restic would reject.</summary>
    /// <param name="valueOf">The value the child would get: set in the options, or inherited; null when unset.</param>
    /// <param name="paramName">The options' parameter name, for the exception.</param>
    public static void Validate(Func<string, string?> valueOf, string paramName)
    {
        if (valueOf(Compression) is { } compression && !new ResticCompression(compression).IsKnown)
        {
            throw Invalid(Compression, compression, "one of auto, off, fastest, better and max (lower case)", paramName);
        }

        if (valueOf(PackSize) is { } packSize &&
            (!int.TryParse(packSize, NumberStyles.None, CultureInfo.InvariantCulture, out var mib) || mib is < MinPackSize or > MaxPackSize))
        {
            throw Invalid(PackSize, packSize, $"a whole number of MiB from {MinPackSize} to {MaxPackSize}", paramName);
        }

        if (valueOf(ReadConcurrency) is { } concurrency &&
            (!int.TryParse(concurrency, NumberStyles.None, CultureInfo.InvariantCulture, out var readers) || readers < 1))
        {
            throw Invalid(ReadConcurrency, concurrency, "a whole number of at least 1", paramName);
        }
    }

    private static ArgumentException Invalid(string name, string value, string expected, string paramName) =>
        new($"The environment variable {name} is '{value}'; restic expects {expected}.", paramName);
}
