using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Restic.Net.Samples.WebApi.Security;

/// <summary>
/// Sets up the Data Protection key ring. Its keys open every password token and stored location, so at
/// rest they are protected by the folder's permissions (created 0700, refused when open to others) and,
/// when the operator configures one, by a certificate. Without a folder the keys stay in memory.
/// </summary>
internal static class KeyRing
{
    /// <summary>Group and other permission bits: any of them lets another account read or replace the keys.</summary>
    private const UnixFileMode OpenToOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Whether the keys are kept in memory only (no <see cref="KeyRingOptions.KeysDirectory"/>).</summary>
    public static bool IsEphemeral(KeyRingOptions options) => string.IsNullOrWhiteSpace(options.KeysDirectory);

    public static void Configure(IDataProtectionBuilder dataProtection, KeyRingOptions options)
    {
        if (IsEphemeral(options))
        {
            // Never a key ring in a default folder nobody chose (and nobody checked).
            dataProtection.UseEphemeralDataProtectionProvider();
            return;
        }

        var folder = PrepareFolder(Path.GetFullPath(options.KeysDirectory!));
        dataProtection.PersistKeysToFileSystem(folder);
        if (options.CertificatePath is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"DataProtection:CertificatePath '{certificatePath}' holds no private key: the key ring could be encrypted but never read back.");
            }

            // Linux has no certificate store the unprotect side would look in: name the certificate for both.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>Creates the folder for the service account only, or checks that an existing one is closed to others.</summary>
    private static DirectoryInfo PrepareFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path); // ACLs, not modes: the README says to restrict the folder
        }

        if (!Directory.Exists(path))
        {
            return Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OpenToOthers) != 0)
        {
            throw new InvalidOperationException(
                $"The Data Protection key ring folder '{path}' (DataProtection:KeysDirectory) is open to other users (mode {Convert.ToString((int)mode, 8)}). " +
                "Its keys and the state database together give every repository password: run 'chmod 700' on it, then start again.");
        }

        return new DirectoryInfo(path);
    }
}
