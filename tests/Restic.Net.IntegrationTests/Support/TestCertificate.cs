namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// A self-signed certificate and its key (PEM files), made by openssl for one test fixture: for a server on 127.0.0.1
/// (subject alternative names IP:127.0.0.1 and localhost), or for a client (extended key usage clientAuth).
/// </summary>
internal sealed record TestCertificate(string CertificateFile, string KeyFile)
{
    /// <summary>A server certificate for 127.0.0.1, valid for two days.</summary>
    public static Task<TestCertificate> CreateServerAsync(string folder, string name = "tls") =>
        CreateAsync(folder, name, "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost");

    /// <summary>A client certificate; <see cref="CombinedFile"/> is what restic's <c>--tls-client-cert</c> reads.</summary>
    public static async Task<TestCertificate> CreateClientAsync(string folder, string name = "client")
    {
        var certificate = await CreateAsync(folder, name, "/CN=restic-net-test-client", "extendedKeyUsage=clientAuth");
        await File.WriteAllTextAsync(certificate.CombinedFile, await File.ReadAllTextAsync(certificate.CertificateFile) + await File.ReadAllTextAsync(certificate.KeyFile));
        return certificate;
    }

    /// <summary>Certificate and key in one PEM file.</summary>
    public string CombinedFile => Path.ChangeExtension(CertificateFile, ".pem");

    private static async Task<TestCertificate> CreateAsync(string folder, string name, string subject, string extension)
    {
        var certificate = new TestCertificate(Path.Combine(folder, name + ".crt"), Path.Combine(folder, name + ".key"));
        var start = new System.Diagnostics.ProcessStartInfo("openssl") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", subject,
            "-addext", extension, "-keyout", certificate.KeyFile, "-out", certificate.CertificateFile,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var openssl = System.Diagnostics.Process.Start(start)!;
        var stderr = await openssl.StandardError.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        Assert.True(openssl.ExitCode == 0, "openssl failed: " + stderr);
        return certificate;
    }
}
