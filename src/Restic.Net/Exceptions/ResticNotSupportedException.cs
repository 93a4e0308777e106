namespace Restic.Net;

/// <summary>The installed restic lacks a feature the call needs. Not transient: upgrade restic.</summary>
public sealed class ResticNotSupportedException : ResticException
{
    internal ResticNotSupportedException(string feature, Version installedVersion, Version requiredVersion)
        : base(
            $"{feature} needs restic {requiredVersion.ToString(3)} or newer; the installed restic is {installedVersion.ToString(3)}.",
            null,
            null,
            null,
            null)
    {
        Feature = feature;
        InstalledVersion = installedVersion;
        RequiredVersion = requiredVersion;
    }

    /// <summary>The feature that was asked for.</summary>
    public string Feature { get; }

    /// <summary>The version of the installed restic.</summary>
    public Version InstalledVersion { get; }

    /// <summary>The first restic version that has the feature.</summary>
    public Version RequiredVersion { get; }
}
