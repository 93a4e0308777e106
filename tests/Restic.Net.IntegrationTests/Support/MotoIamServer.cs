using System.Globalization;
using System.Xml.Linq;

namespace Restic.Net.IntegrationTests.Support;

/// <summary>
/// The moto S3 server with IAM authentication enforced: after starting it, the fixture switches authentication on
/// (<c>POST /moto-api/reset-auth</c> with the number of actions still allowed without a signature, moto's
/// <c>INITIAL_NO_AUTH_ACTION_COUNT</c>), spends those actions on creating two IAM users with access keys (one allowed
/// <c>s3:*</c>, one without any policy) and from then on checks every request's signature and permissions.
/// Shared by a test class (<see cref="IClassFixture{T}"/>).
/// </summary>
public sealed class MotoIamServer : IAsyncLifetime
{
    private const string AllowS3 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private ServerProcess? _process;

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The key of the user allowed <c>s3:*</c>, made by moto's IAM.</summary>
    public (string AccessKeyId, string SecretAccessKey) AllowedKey { get; private set; }

    /// <summary>The key of a user without any policy.</summary>
    public (string AccessKeyId, string SecretAccessKey) UnprivilegedKey { get; private set; }

    /// <summary>
    /// A repository with the key. Without a region, restic (minio-go) first asks for the bucket's location, a GET whose
    /// error names the cause (InvalidAccessKeyId, SignatureDoesNotMatch); with one, it starts with a HEAD, whose 403 has no
    /// body, so every refusal reads "Access Denied" (as on AWS).
    /// </summary>
    public S3Repository Repository(string bucket, (string AccessKeyId, string SecretAccessKey) key, string? region = "us-east-1") =>
        new(Endpoint, bucket) { AccessKeyId = key.AccessKeyId, SecretAccessKey = key.SecretAccessKey, Region = region };

    public async Task InitializeAsync()
    {
        Port = ServerProcess.FreePort();
        _process = await MotoServer.StartAsync(Port);
        using var http = new HttpClient { BaseAddress = new Uri(Endpoint), Timeout = TimeSpan.FromSeconds(30) };

        // Five IAM actions without a signature, then moto authenticates and authorises every request.
        using (var reset = await http.PostAsync(new Uri("/moto-api/reset-auth", UriKind.Relative), new StringContent("5")))
        {
            Assert.True(reset.IsSuccessStatusCode, $"moto reset-auth: {(int)reset.StatusCode} {await reset.Content.ReadAsStringAsync()}");
        }

        await IamAsync(http, "CreateUser", ("UserName", "restic-allowed"));
        await IamAsync(http, "PutUserPolicy", ("UserName", "restic-allowed"), ("PolicyName", "s3"), ("PolicyDocument", AllowS3));
        AllowedKey = KeyOf(await IamAsync(http, "CreateAccessKey", ("UserName", "restic-allowed")));
        await IamAsync(http, "CreateUser", ("UserName", "restic-unprivileged"));
        UnprivilegedKey = KeyOf(await IamAsync(http, "CreateAccessKey", ("UserName", "restic-unprivileged")));

        // The sixth action must be refused: authentication is on.
        using var refused = await PostIamAsync(http, "ListUsers");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static async Task<XDocument> IamAsync(HttpClient http, string action, params (string Name, string Value)[] parameters)
    {
        using var response = await PostIamAsync(http, action, parameters);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"moto IAM {action}: {(int)response.StatusCode} {body}");
        return XDocument.Parse(body);
    }

    /// <summary>An IAM query-API call. moto routes it to IAM by the service named in the (unchecked) authorization header.</summary>
    private static async Task<HttpResponseMessage> PostIamAsync(HttpClient http, string action, params (string Name, string Value)[] parameters)
    {
        var form = new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2010-05-08" };
        foreach (var (name, value) in parameters)
        {
            form[name] = value;
        }

        var date = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"AWS4-HMAC-SHA256 Credential=bootstrap/{date}/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=unsigned");
        return await http.SendAsync(request);
    }

    private static (string, string) KeyOf(XDocument response)
    {
        string Value(string name) => response.Descendants().Single(e => e.Name.LocalName == name).Value;
        return (Value("AccessKeyId"), Value("SecretAccessKey"));
    }
}
