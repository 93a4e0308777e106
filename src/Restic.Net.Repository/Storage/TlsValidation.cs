using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// The TLS settings a repository gives restic (<c>--cacert</c>, <c>--tls-client-cert</c>, <c>--insecure-tls</c>) applied
/// to an HTTP handler, so that an HTTPS backend the CLI reaches the reader reaches too. Shared by the REST and S3 backends.
/// </summary>
internal static class TlsValidation
{
    /// <summary>Applies the settings to <paramref name="handler"/>; nothing changes when none is set.</summary>
    public static void Apply(SocketsHttpHandler handler, IReadOnlyList<string>? caCertificateFiles, string? clientCertificateFile, bool insecure)
    {
        if (insecure || caCertificateFiles is { Count: > 0 })
        {
            handler.SslOptions.RemoteCertificateValidationCallback = Validation(caCertificateFiles, insecure);
        }

        if (clientCertificateFile is not null)
        {
            handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPemFile(clientCertificateFile)];
        }
    }

    private static RemoteCertificateValidationCallback Validation(IReadOnlyList<string>? caCertificateFiles, bool insecure)
    {
        if (insecure)
        {
            // What restic's --insecure-tls does, asked for explicitly on the repository (documented as for tests only).
#pragma warning disable CA5359
            return (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        var authorities = new X509Certificate2Collection();
        foreach (var file in caCertificateFiles!)
        {
            authorities.ImportFromPemFile(file);
        }

        return (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return custom.Build(new X509Certificate2(certificate));
        };
    }
}
