using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Restic.Net.Samples.WebApi.Problems;

/// <summary>
/// The members of an endpoint's JSON body as the serializer names them on the wire, so that a refusal
/// can name the member, say what it takes, and point from a misspelt name to the right one.
/// </summary>
internal sealed class BodyContract
{
    private readonly Dictionary<string, JsonPropertyInfo> _members;

    private BodyContract(Dictionary<string, JsonPropertyInfo> members) => _members = members;

    /// <summary>The contract of the endpoint the request was routed to; null when it takes no JSON body.</summary>
    public static BodyContract? Of(HttpContext context)
    {
        if (RoutedEndpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } type)
        {
            return null;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return new BodyContract(options.GetTypeInfo(type).Properties.ToDictionary(p => p.Name, StringComparer.Ordinal));
    }

    /// <summary>The endpoint the request was routed to; the exception handler has cleared the context's own.</summary>
    public static Endpoint? RoutedEndpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    public bool Has(string name) => _members.ContainsKey(name);

    /// <summary>The member that <paramref name="name"/> spells in other letter cases (<c>KEEP_DAILY</c>: <c>keep_daily</c>).</summary>
    public string? CaseVariantOf(string name) =>
        _members.Keys.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the member takes, in words: "a whole number (a JSON number, not a string)".</summary>
    public string? Describe(string name)
    {
        if (!_members.TryGetValue(name, out var member))
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType;
        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "a whole number (a JSON number, not a string)",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) => "a string",
            _ when type.IsEnum => "one of " + string.Join(", ", Endpoints.ExactEnumConverter.NamesOf(type).Select(n => $"\"{n}\"")) + " (exactly so written)",
            _ when typeof(IEnumerable<string>).IsAssignableFrom(type) => "an array of strings",
            _ => null,
        };
    }

    /// <summary>The top-level member names of a JSON object body that the contract does not have, in order.</summary>
    public IReadOnlyList<string> UnknownMembersOf(JsonElement body) =>
        body.ValueKind != JsonValueKind.Object ? [] : [.. body.EnumerateObject().Select(p => p.Name).Where(n => !Has(n)).Distinct(StringComparer.Ordinal)];
}
