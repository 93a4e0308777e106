namespace Restic.Net;

/// <summary>The installed restic: its version, build and what it can do.</summary>
public sealed record ResticVersion
{
    /// <summary>The version number (major, minor, patch).</summary>
    public required Version Version { get; init; }

    /// <summary>The version as restic printed it, for example <c>0.18.1-dev (compiled manually)</c>.</summary>
    public string VersionText { get; init; } = string.Empty;

    /// <summary>The Go toolchain restic was built with, for example <c>go1.24.4</c>.</summary>
    public string GoVersion { get; init; } = string.Empty;

    /// <summary>The target operating system, for example <c>linux</c>.</summary>
    public string OperatingSystem { get; init; } = string.Empty;

    /// <summary>The target architecture, for example <c>amd64</c>.</summary>
    public string Architecture { get; init; } = string.Empty;

    /// <summary>The features this version has.</summary>
    public ResticCapabilities Capabilities => new(Version);

    /// <summary>The oldest restic version the client supports.</summary>
    public static Version MinimumSupported { get; } = new(0, 14, 0);
}
