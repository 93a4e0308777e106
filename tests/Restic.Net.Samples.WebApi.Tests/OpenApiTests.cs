using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Restic.Net.Extensions.DependencyInjection.Tests;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>
/// The OpenAPI document is the contract: it is compared with the checked-in copy, so that a change
/// to it is a reviewed diff (<c>RESTIC_NET_UPDATE_OPENAPI=1</c> rewrites the copy).
/// </summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class OpenApiTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private static readonly string s_snapshot = Path.Combine(SourceCheckout.Root, "tests", "Restic.Net.Samples.WebApi.Tests", "TestData", "openapi.v1.json");

    [Fact(Timeout = 60000)]
    public async Task Document_IsTheCheckedInContract()
    {
        var document = await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable("RESTIC_NET_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(s_snapshot)!);
            await File.WriteAllTextAsync(s_snapshot, text);
        }

        var expected = File.Exists(s_snapshot) ? (await File.ReadAllTextAsync(s_snapshot)).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(expected == text, $"The OpenAPI document differs from {s_snapshot}; review the change and run RESTIC_NET_UPDATE_OPENAPI=1 dotnet test tests/Restic.Net.Samples.WebApi.Tests --filter OpenApiTests. First difference at character {FirstDifference(expected, text)}.");
    }

    [Fact(Timeout = 60000)]
    public async Task Document_HasTheApiKeyScheme_AndEveryOperationItsErrorsAndSchemas()
    {
        var document = await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["ApiKey"]);

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("400") && responses.ContainsKey("401") && responses.ContainsKey("403"), $"{method} {path}: {string.Join(",", responses.Select(r => r.Key))}");
                Assert.True(responses.Any(r => r.Key.StartsWith('2') && r.Value!["content"] is not null), $"{method} {path} has no success schema");
                Assert.All(responses.Where(r => r.Key[0] is '4' or '5'), r => Assert.NotNull(r.Value!["content"]!["application/problem+json"]));
            }
        }

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.All(schemas.Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)), s => Assert.False(s.Value!["additionalProperties"]!.GetValue<bool>()));
        Assert.Null(schemas["ProblemDetails"]!["additionalProperties"]); // problem details carry restic_message, exit_code, lock_holder

        var prune = document["paths"]![Api.Base + "/prune"]!["post"]!;
        Assert.Equal(7, prune["requestBody"]!["content"]!["application/json"]!["example"]!["keep_daily"]!.GetValue<int>());
    }

    [Fact(Timeout = 60000)]
    public async Task Document_NeedsAKey_LikeEveryEndpoint()
    {
        var anonymous = await factory.CreateClientWithKey(null).GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.Unauthorized);
        await factory.CreateClientWithKey("not-a-key").GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.Unauthorized);
        await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(401, anonymous["status"]!.GetValue<int>());
    }

    [Fact(Timeout = 60000)]
    public async Task Document_SaysExactlyWhatIsAccepted_AndEveryBodyCanBe413Or415()
    {
        var document = await factory.CreateClientWithKey(WebApiFactory.ViewerKey).GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);

        // Linters refuse an empty server list; the one server is the host that serves the document.
        Assert.Equal("/", Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>());

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                var hasBody = operation["requestBody"] is not null;
                Assert.True(hasBody == (method == "post"), $"{method} {path}");
                Assert.True(!hasBody || (responses.ContainsKey("413") && responses.ContainsKey("415")), $"{method} {path}: {string.Join(",", responses.Select(r => r.Key))}");
            }
        }

        // No string alternative for a number, and the enum as it is written on the wire.
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)))
        {
            foreach (var (member, property) in schema!["properties"]!.AsObject())
            {
                var types = property!["type"] is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : property["type"] is { } one ? [one.GetValue<string>()] : [];
                Assert.False(types.Contains("integer") && types.Contains("string"), $"{name}.{member}: {property.ToJsonString()}");
                Assert.Null(property["pattern"]);
            }
        }

        Assert.Equal(["always", "if_changed", "if_newer", "never"], schemas["RestoreOverwrite"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["running", "succeeded", "failed", "cancelled"], schemas["JobState"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
