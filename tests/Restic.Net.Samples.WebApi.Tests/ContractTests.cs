using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The strict contract: an unknown field or query parameter is a 400 that names it (and, for the
/// original ops console's names, the replacement); a prune needs a policy; client mistakes are 4xx.
/// </summary>
public sealed class ContractTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    public static TheoryData<string> PostEndpoints => new() { "/init", "/backup", "/restore/latest", "/prune", "/check", "/unlock", "/keys/rotate" };

    [Theory]
    [MemberData(nameof(PostEndpoints))]
    public async Task UnknownField_OnEveryRequestType_Is400NamingIt(string path)
    {
        var http = factory.CreateAdminClient();

        var problem = await http.PostAsync(path, new { repository = "x", colour = "blue" }).ExpectAsync(HttpStatusCode.BadRequest);

        // /init has no "repository" field either: then both are named.
        var named = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(path == "/init" ? ["repository", "colour"] : ["colour"], named);
        foreach (var name in named)
        {
            Assert.Contains($"Unknown field '{name}'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Restic.Net.Samples", problem.ToJsonString(), StringComparison.Ordinal); // no .NET type names
    }

    [Fact(Timeout = 60000)]
    public async Task Prune_WithDryRunGivenTwice_Is400_AndRemovesNothing()
    {
        // The acceptance run's body: with the last member winning, this answered 200 and ran a real prune.
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 2);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Post, Api.Base + "/prune")
        {
            Content = new StringContent($$"""{"repository":"{{name}}","keep_last":1,"dry_run":true,"dry_run":false}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Restic-Password-Token", token);

        var problem = await http.SendAsync(request).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["dry_run"]);
        var snapshots = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, snapshots["count"]!.GetValue<int>());
    }

    [Fact(Timeout = 60000)]
    public async Task OriginalConsoleBodies_Are400NamingTheReplacement_AndPruneNothing()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 2);
        foreach (var day in Enumerable.Range(0, 3))
        {
            await http.PostAsync("/backup", new { repository = name, paths = new[] { source }, tags = new[] { "day" + day } }, token).ExpectAsync(HttpStatusCode.OK);
        }

        // The original ops console's prune body, which an earlier version of this sample ignored and pruned by its default policy.
        var keepPolicy = await http.PostAsync("/prune", new { repository = name, dry_run = false, keep_policy = new { daily = 60, weekly = 0, monthly = 0, yearly = 0 } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var policy = await http.PostAsync("/prune", new { repository = name, policy = new { keep_daily = 60 } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var noPolicy = await http.PostAsync("/prune", new { repository = name }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var allZero = await http.PostAsync("/prune", new { repository = name, keep_daily = 0, keep_weekly = 0 }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var negative = await http.PostAsync("/prune", new { repository = name, keep_daily = -1 }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var repositoryPath = await http.PostAsync("/backup", new { repository_path = "/srv/repo", source_paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var encrypted = await http.PostAsync("/check", new { repository = name, encrypted_password = "gAAAA" }, token).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("keep_daily", keepPolicy["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("original ops console", keepPolicy["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(keepPolicy["errors"]!["keep_policy"]);
        Assert.NotNull(policy["errors"]!["policy"]);
        Assert.Contains("needs a keep policy", noPolicy["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("keeps nothing", allZero["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(negative["errors"]!["keep_daily"]);
        Assert.DoesNotContain("Parameter", negative["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", negative["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("repository, the name", repositoryPath["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("password_token", encrypted["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var snapshots = await http.GetAsync($"/snapshots?repository={name}", token).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, snapshots["count"]!.GetValue<int>()); // nothing was removed by any of them
    }

    [Fact(Timeout = 60000)]
    public async Task Prune_WithTheNewShape_KeepsWhatItSays_AndTheMessageMatches()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);
        var source = factory.NewFolder("src");
        SourceTree.WriteSmallFiles(source, count: 2);
        await http.PostAsync("/backup", new { repository = name, paths = new[] { source } }, token).ExpectAsync(HttpStatusCode.OK);

        var nothing = await http.PostAsync("/prune", new { repository = name, keep_daily = 60 }, token).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(0, nothing["snapshots_removed"]!.GetValue<int>());
        Assert.Equal("Removed no snapshots; nothing was pruned.", nothing["message"]!.GetValue<string>());
    }

    [Fact(Timeout = 60000)]
    public async Task QueryParameters_TheEndpointDoesNotTake_Are400_IncludingTheOriginalChecksQuery()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);

        var check = await http.PostAsync($"/check?read_data=true&repository_path=/srv/repo", new { repository = name }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var snapshots = await http.GetAsync($"/snapshots?repository={name}&host=x", token).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(check["errors"]!["read_data"] ?? check["errors"]!["repository_path"]);
        Assert.Contains("JSON body", check["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Unknown query parameter 'host'", snapshots["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("repository, tag", snapshots["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task ClientMistakes_Are4xx_InTheProjectsOwnWords()
    {
        var http = factory.CreateAdminClient();
        var (name, token) = await factory.InitAsync(http);

        var missingSource = await http.PostAsync("/backup", new { repository = name, paths = new[] { Path.Combine(factory.Root, "no-such-folder") } }, token).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var banana = await http.PostAsync("/check", new { repository = name, read_data_subset = "banana" }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var noBody = await http.PostAsync(Api.Base + "/check", new StringContent(string.Empty, Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.BadRequest);
        var wrongType = await http.PostAsync("/prune", new { repository = name, keep_daily = "many" }, token).ExpectAsync(HttpStatusCode.BadRequest);
        var tooMany = await http.PostAsync("/backup", new { repository = name, paths = Enumerable.Range(0, 100_000).Select(i => Path.Combine(factory.Root, "p" + i)).ToArray() }, token).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("does not exist", missingSource["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("got 'banana'", banana["errors"]!["read_data_subset"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("JSON body", noBody["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Implicit body", noBody.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(wrongType["errors"]!["keep_daily"]);
        Assert.Contains("at most 1000", tooMany["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var problem in new JsonNode[] { missingSource, banana, noBody, wrongType, tooMany })
        {
            Assert.DoesNotContain("System.", problem.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
