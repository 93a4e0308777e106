namespace Restic.Net.Output;

/// <summary>A sink that forgets what an earlier, retried attempt of the same command printed.</summary>
internal interface IRestartableSink
{
    /// <summary>Called before every attempt.</summary>
    void Restart();
}
