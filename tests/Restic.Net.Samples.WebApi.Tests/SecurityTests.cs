using System.Net;
using System.Net.Http.Json;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>Admin-only access, passwords never from the query, tokens bound to their repository, no secret in any log line.</summary>
public sealed class SecurityTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/init" },
        { "GET", "/repositories" },
        { "POST", "/backup" },
        { "GET", "/snapshots?repository=x" },
        { "POST", "/restore/latest" },
        { "POST", "/prune" },
        { "GET", "/stats?repository=x" },
        { "POST", "/check" },
        { "GET", "/jobs" },
        { "GET", $"/jobs/{Guid.Empty}" },
        { "GET", $"/jobs/{Guid.Empty}/events" },
        { "DELETE", $"/jobs/{Guid.Empty}" },
        { "GET", "/audit" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnyEndpoint_WithoutKey_Is401WithProblemDetails(string method, string path)
    {
        var problem = await Send(factory.CreateClientWithKey(null), method, path).ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(401, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnyEndpoint_WithWrongKey_Is401(string method, string path)
    {
        await Send(factory.CreateClientWithKey("not-a-key"), method, path).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Each endpoint with the lowest role that may call it.</summary>
    public static TheoryData<string, string, string> EndpointRoles => new()
    {
        { "POST", "/init", "admin" },
        { "GET", "/repositories", "viewer" },
        { "POST", "/backup", "operator" },
        { "GET", "/snapshots?repository=x", "viewer" },
        { "POST", "/restore/latest", "admin" },
        { "POST", "/prune", "admin" },
        { "GET", "/stats?repository=x", "viewer" },
        { "POST", "/check", "operator" },
        { "GET", "/jobs", "viewer" },
        { "GET", $"/jobs/{Guid.Empty}", "viewer" },
        { "GET", $"/jobs/{Guid.Empty}/events", "viewer" },
        { "DELETE", $"/jobs/{Guid.Empty}", "operator" },
        { "GET", "/audit", "admin" },
    };

    [Theory]
    [MemberData(nameof(EndpointRoles))]
    public async Task Roles_ViewerReads_OperatorAlsoBacksUpAndChecks_AdminDoesEverything(string method, string path, string lowest)
    {
        var rank = new Dictionary<string, int> { ["viewer"] = 0, ["operator"] = 1, ["admin"] = 2 };
        foreach (var (role, key) in new[] { ("viewer", WebApiFactory.ViewerKey), ("operator", WebApiFactory.OperatorKey), ("admin", WebApiFactory.AdminKey) })
        {
            using var response = await Send(factory.CreateClientWithKey(key), method, path);
            if (rank[role] < rank[lowest])
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {method} {path}: {(int)response.StatusCode}");
            }
            else
            {
                // Allowed: whatever the request itself deserves (400 for an empty body, 404 for no such job), never 401/403.
                Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{role} {method} {path}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Password_InTheQueryString_IsRefusedBeforeAnythingRuns()
    {
        var http = factory.CreateAdminClient();
        var (name, _) = await factory.InitAsync(http);

        var problem = await http.GetAsync($"/snapshots?repository={name}&password={WebApiFactory.TestPassword}", null).ExpectAsync(HttpStatusCode.BadRequest);

        Api.AssertProblem(problem, 400, "invalid");
        Assert.Contains("never accepted in the query string", problem["detail"]!.GetValue<string>());
    }

    [Fact(Timeout = 60000)]
    public async Task Password_FromHeaderOrBody_Works_AndAWrongOneIs400()
    {
        var http = factory.CreateAdminClient();
        var (name, _) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 2);

        await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, password = WebApiFactory.TestPassword }).ExpectAsync(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Base}/snapshots?repository={name}");
        request.Headers.Add("X-Restic-Password", WebApiFactory.TestPassword);
        var listed = await http.SendAsync(request).ExpectAsync(HttpStatusCode.OK);
        var wrong = await http.PostAsync("/check", new { repository = name, password = "not-the-password" }).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1, listed["count"]!.GetValue<int>());
        Api.AssertProblem(wrong, 400, "wrong repository password");
    }

    [Fact(Timeout = 60000)]
    public async Task Token_OfAnotherRepository_OrNoPassword_Is400()
    {
        var http = factory.CreateAdminClient();
        var (first, _) = await factory.InitAsync(http);
        var (_, secondToken) = await factory.InitAsync(http);

        var foreign = await http.GetAsync($"/snapshots?repository={first}", secondToken).ExpectAsync(HttpStatusCode.BadRequest);
        var missing = await http.GetAsync($"/snapshots?repository={first}", null).ExpectAsync(HttpStatusCode.BadRequest);
        var forged = await http.GetAsync($"/snapshots?repository={first}", "CfDJ8-not-a-token").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("not valid for repository", foreign["detail"]!.GetValue<string>());
        Assert.Contains("needs its password", missing["detail"]!.GetValue<string>());
        Assert.NotNull(forged["errors"]!["password_token"]);
    }

    [Fact(Timeout = 90000)]
    public async Task Logs_OfEveryCall_ContainNoPasswordOrToken_AndOneAuditEventEach()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 3);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        await http.PostAsync("/check", new { repository = name, password = "wrong-password-in-body" }).ExpectAsync(HttpStatusCode.BadRequest);
        await http.GetAsync($"/snapshots?repository={name}&password_token={token}", null).ExpectAsync(HttpStatusCode.BadRequest);

        var lines = factory.Logs.Lines.ToArray();

        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("restic", StringComparison.Ordinal) && l.StartsWith("Trace", StringComparison.Ordinal)); // the library's own trace is captured
        foreach (var secret in new[] { WebApiFactory.TestPassword, token, "wrong-password-in-body", WebApiFactory.AdminKey })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains($"Audit: ops-admin POST {Api.Base}/backup repository={name} status=200", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Audit: ops-admin POST {Api.Base}/check repository={name} status=400", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Api.Base + path)
        {
            Content = method == "POST" ? JsonContent.Create(new { repository = "x" }) : null,
        });
}
