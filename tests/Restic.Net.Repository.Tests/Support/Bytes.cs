namespace Restic.Net.Repository.Tests.Support;

internal static class Bytes
{
    /// <summary>Asserts byte-for-byte equality without printing megabytes on a failure.</summary>
    public static void AssertEqual(byte[] expected, byte[] actual, string what) =>
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{what}: {actual.Length} bytes read, {expected.Length} expected, first difference at {expected.AsSpan().CommonPrefixLength(actual)}");

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
