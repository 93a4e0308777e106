namespace Restic.Net.Output;

/// <summary>
/// Where <see cref="StandardOutputReader"/> puts what it reads from restic's stdout: it reads straight
/// into <see cref="GetBuffer"/> and hands the bytes over with <see cref="Commit"/>. Called from one
/// thread, the reader's own, which also disposes a target that is <see cref="IDisposable"/> when it
/// has finished.
/// </summary>
internal interface IStandardOutputTarget
{
    /// <summary>The space the next read fills; never empty.</summary>
    Span<byte> GetBuffer();

    /// <summary>The first <paramref name="count"/> bytes of the last buffer were read. May block (back-pressure).</summary>
    void Commit(int count);

    /// <summary>stdout has ended.</summary>
    void End();
}
