using Amazon.Runtime;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// Hands the AWS SDK the one <see cref="HttpClient"/> an <see cref="S3Storage"/> made (with the repository's TLS
/// settings) and owns: the SDK neither caches nor disposes it, so disposing the storage releases it for certain.
/// </summary>
internal sealed class S3HttpClientFactory(HttpClient client) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
