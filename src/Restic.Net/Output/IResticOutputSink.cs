namespace Restic.Net.Output;

/// <summary>Receives restic's output line by line, as it is read. Must not block.</summary>
internal interface IResticOutputSink
{
    /// <summary>One line of stdout without its line terminator. The span is valid only during the call.</summary>
    void OnStandardOutputLine(ReadOnlySpan<byte> line);

    /// <summary>One line of stderr without its line terminator.</summary>
    void OnStandardErrorLine(string line);

    /// <summary>
    /// stdout ended in the middle of a line: restic ends every line, so its output was cut (restic killed,
    /// a truncated pipe). Not a line: the run must not end successfully. Only the outermost sink sees it.
    /// </summary>
    void OnStandardOutputCut(ReadOnlySpan<byte> partial)
    {
    }

    /// <summary>restic started with this process id (before any output). Only the outermost sink sees it.</summary>
    void OnProcessStarted(int processId)
    {
    }
}
