namespace Restic.Net.Samples.WebApi.Problems;

/// <summary>A request the API refuses with a specific status; rendered as RFC 7807 problem details.</summary>
internal sealed class ApiProblemException(int status, string title, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>The request field at fault, for a 400 <c>errors</c> entry.</summary>
    public string? Field { get; } = field;

    /// <summary>Members the problem details carry besides the standard ones (for example the entries a restore target holds).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public static ApiProblemException Invalid(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid request", detail, field);
}
