namespace Restic.Net.Samples.Console;

/// <summary>Human-readable sizes.</summary>
internal static class Format
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024d:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024d * 1024):0.0} MiB",
        _ => $"{bytes / (1024d * 1024 * 1024):0.00} GiB",
    };
}
