using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary>Small HTTP helpers: every call returns the status and the parsed JSON body.</summary>
internal static class Api
{
    public const string Base = "/api/v1/backups/restic";

    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Base + path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-Restic-Password-Token", token);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Base + path);
        if (token is not null)
        {
            request.Headers.Add("X-Restic-Password-Token", token);
        }

        return client.SendAsync(request);
    }

    public static void AssertProblem(JsonNode problem, int status, string titleContains)
    {
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.Contains(titleContains, problem["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal); // no stack trace
    }
}
