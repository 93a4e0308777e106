using System.Net;
using System.Text.Json.Nodes;

namespace Restic.Net.Samples.WebApi.Tests.Support;

/// <summary>One server-sent event of a job: its type, its id, and its data.</summary>
public sealed record SseEvent(string Type, string Id, JsonNode Data);

/// <summary>Reads a job's server-sent events (<c>GET /jobs/{id}/events</c>) as a client would.</summary>
public static class JobEvents
{
    /// <summary>Reads until a progress report with bytes done; fails if the job ends first.</summary>
    public static async Task WaitForProgressAsync(HttpClient http, string eventsUrl)
    {
        using var response = await http.GetAsync(eventsUrl, HttpCompletionOption.ResponseHeadersRead);
        await foreach (var item in ParseAsync(await response.Content.ReadAsStreamAsync()))
        {
            if (item.Type == "progress" && item.Data["bytes_done"]!.GetValue<long>() > 0)
            {
                return;
            }

            Assert.Equal("progress", item.Type); // the backup must not end before it is cancelled
        }
    }

    /// <summary>Every event to the job's end.</summary>
    public static async Task<List<SseEvent>> ReadAsync(HttpClient http, string eventsUrl)
    {
        using var response = await http.GetAsync(eventsUrl, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var item in ParseAsync(await response.Content.ReadAsStreamAsync()))
        {
            events.Add(item);
        }

        Assert.NotEmpty(events);
        return events;
    }

    /// <summary>The events of a <c>text/event-stream</c> body as they arrive.</summary>
    public static async IAsyncEnumerable<SseEvent> ParseAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        string? type = null, id = null, data = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    yield return new SseEvent(type ?? "message", id ?? string.Empty, JsonNode.Parse(data)!);
                }

                type = id = data = null;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }
}
