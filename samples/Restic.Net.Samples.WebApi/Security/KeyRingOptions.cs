namespace Restic.Net.Samples.WebApi.Security;

/// <summary>
/// The <c>DataProtection</c> section: where the key ring that protects password tokens and stored
/// locations lives, and what protects it at rest.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// The key ring's folder. Not set: the keys live in memory only and every token dies with the process.
    /// Set, it must be outside every allowed root and closed to other users (the server creates it 0700
    /// and refuses to start when it is open to the group or others).
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>
    /// A PKCS#12 file (<c>.pfx</c>) with a certificate and its private key: when set, every key in the
    /// ring is encrypted with it (<c>ProtectKeysWithCertificate</c>), so a copy of the folder alone is useless.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PKCS#12 file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}
