using System.Net;
using System.Text.Json.Nodes;
using Restic.Net.Samples.WebApi.Endpoints;

namespace Restic.Net.Samples.WebApi.Tests;

/// <summary><c>GET /audit</c>'s filters (the console's audit page shares them): user, action text, outcome, first day.</summary>
[Trait("Restic", "None")] // the audited calls here start no restic
public sealed class AuditFilterTests
{
    [Fact(Timeout = 60000)]
    public async Task TheFilters_NarrowTheTrail_AndAMalformedOneIs400NamingIt()
    {
        using var factory = new WebApiFactory();
        var admin = factory.CreateAdminClient();
        var viewer = factory.CreateClientWithKey(WebApiFactory.ViewerKey);
        await viewer.GetAsync("/jobs", null).ExpectAsync(HttpStatusCode.OK);
        await viewer.GetAsync($"/jobs/{Guid.NewGuid()}", null).ExpectAsync(HttpStatusCode.NotFound);
        await admin.GetAsync("/repositories", null).ExpectAsync(HttpStatusCode.OK);

        var byViewer = Entries(await admin.GetAsync("/audit?user=dashboard", null).ExpectAsync(HttpStatusCode.OK));
        var failed = Entries(await admin.GetAsync("/audit?outcome=failed", null).ExpectAsync(HttpStatusCode.OK));
        var succeeded = Entries(await admin.GetAsync("/audit?outcome=succeeded&action=/jobs", null).ExpectAsync(HttpStatusCode.OK));
        var future = await admin.GetAsync("/audit?since=2999-01-01", null).ExpectAsync(HttpStatusCode.OK);
        var today = Entries(await admin.GetAsync($"/audit?since={DateTime.UtcNow:yyyy-MM-dd}", null).ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(2, byViewer.Count);
        Assert.All(byViewer, e => Assert.Equal("dashboard", e["user"]!.GetValue<string>()));
        Assert.Equal([404], failed.Select(e => e["result"]!.GetValue<int>()));
        Assert.All(succeeded, e => Assert.Contains("/jobs", e["action"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Single(succeeded); // GET /jobs; the 404 failed and /repositories is another action
        Assert.Equal(0, future["total"]!.GetValue<int>());
        Assert.True(today.Count >= 3);

        var outcome = await admin.GetAsync("/audit?outcome=maybe", null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("outcome is succeeded or failed.", outcome["errors"]!["outcome"]![0]!.GetValue<string>());
        var day = await admin.GetAsync("/audit?since=07.12.2026", null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("yyyy-MM-dd", day["errors"]!["since"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60000)]
    public async Task APageFarPastTheEnd_IsEmpty_EvenWhereItsFirstRowWouldOverflow()
    {
        using var factory = new WebApiFactory();
        var admin = factory.CreateAdminClient();
        await admin.GetAsync("/jobs", null).ExpectAsync(HttpStatusCode.OK);
        await admin.GetAsync("/repositories", null).ExpectAsync(HttpStatusCode.OK);

        // (2147483647 - 1) × 200 does not fit an int: it once wrapped round to an early page's rows.
        var audit = await admin.GetAsync("/audit?page=2147483647&page_size=200", null).ExpectAsync(HttpStatusCode.OK);
        var jobs = await admin.GetAsync("/jobs?page=2147483647&page_size=200", null).ExpectAsync(HttpStatusCode.OK);

        Assert.True(audit["total"]!.GetValue<int>() >= 2);
        Assert.Empty(Entries(audit));
        Assert.Empty(jobs["jobs"]!.AsArray());
        Assert.Equal(200, Paging.RowsBefore(3, 100));
        Assert.Equal(int.MaxValue, Paging.RowsBefore(int.MaxValue, 200));
    }

    private static List<JsonNode> Entries(JsonNode page) => [.. page["entries"]!.AsArray().Select(e => e!)];
}
