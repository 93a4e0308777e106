namespace Restic.Net;

/// <summary>The installed restic: its version, build and what it can do.</summary>
/// <param name="Version">The version number (major, minor, patch).</param>
/// <param name="VersionText">The version as restic printed it, for example <c>0.18.1-dev (compiled manually)</c>.</param>
/// <param name="GoVersion">The Go toolchain restic was built with, for example <c>go1.24.4</c>.</param>
/// <param name="OperatingSystem">The target operating system, for example <c>linux</c>.</param>
/// <param name="Architecture">The target architecture, for example <c>amd64</c>.</param>
public sealed record ResticVersion(Version Version, string VersionText, string GoVersion, string OperatingSystem, string Architecture)
{
    /// <summary>The features this version has.</summary>
    public ResticCapabilities Capabilities { get; } = new(Version);

    /// <summary>The oldest restic version the client supports.</summary>
    public static Version MinimumSupported { get; } = new(0, 14, 0);
}
