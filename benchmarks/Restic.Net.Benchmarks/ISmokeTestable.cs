namespace Restic.Net.Benchmarks;

/// <summary>A benchmark whose inputs can shrink, so that a CI test can run every method once in seconds.</summary>
public interface ISmokeTestable
{
    /// <summary>Uses small inputs; called before the global setup.</summary>
    void UseSmallInputs();
}
