namespace Restic.Net.Output;

/// <summary>A sink for commands whose stdout goes elsewhere; stderr reaches the error tail through <see cref="StderrCapture"/>.</summary>
internal sealed class NullSink : IResticOutputSink
{
    public static NullSink Instance { get; } = new();

    public void OnStandardOutputLine(ReadOnlySpan<byte> line)
    {
    }

    public void OnStandardErrorLine(string line)
    {
    }
}
