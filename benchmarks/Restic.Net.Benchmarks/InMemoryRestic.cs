using Restic.Net.Output;
using Restic.Net.Processes;

namespace Restic.Net.Benchmarks;

/// <summary>
/// The process seam answered from memory, so that benchmarks run the client's real path (command,
/// executor, pipe or sink, parser, projection) without restic's own time: <c>version</c> gets a
/// recorded answer, every other command the prepared stdout, written the way CliWrap delivers a
/// process's stdout (64 KiB chunks into the pipe, or read by <see cref="StandardOutputReader"/> into a <see cref="LineSplitter"/>).
/// </summary>
internal sealed class InMemoryRestic(byte[] standardOutput) : IResticProcessRunner
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Version = [.. """{"message_type":"version","version":"0.18.0","go_version":"go1.24.4","go_os":"linux","go_arch":"amd64"}"""u8, (byte)'\n'];

    public async Task<int> RunAsync(ResticInvocation invocation, IResticOutputSink sink, CancellationToken cancellationToken)
    {
        var output = invocation.Arguments[0] == "version" ? Version : standardOutput;
        if (invocation.StandardOutput is { } pipe)
        {
            for (var offset = 0; offset < output.Length; offset += ChunkSize)
            {
                await pipe.WriteAsync(output.AsMemory(offset, Math.Min(ChunkSize, output.Length - offset)), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            using var stream = new MemoryStream(output, writable: false);
            await StandardOutputReader.ReadAsync(stream, new LineSplitter(sink), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>A client whose every command prints <paramref name="standardOutput"/>.</summary>
    public static ResticClient CreateClient(byte[] standardOutput) => new(
        new ResticClientOptions
        {
            Repository = new LocalRepository("/benchmark/repo"),
            Password = ResticPassword.FromValue("benchmark"),
        },
        new InMemoryRestic(standardOutput),
        loggerFactory: null,
        timeProvider: null);
}
