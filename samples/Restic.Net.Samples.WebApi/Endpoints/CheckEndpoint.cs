using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>POST /check</c> body.</summary>
internal sealed record CheckRequest : IPasswordSource
{
    public string? Repository { get; init; }

    /// <summary>Also read and verify every pack file (slow: downloads the whole repository).</summary>
    public bool ReadData { get; init; }

    /// <summary>Reads only a subset, in restic's syntax: <c>10%</c>, <c>1/5</c> or <c>500M</c>.</summary>
    public string? ReadDataSubset { get; init; }

    public string? Password { get; init; }

    public string? PasswordToken { get; init; }
}

/// <summary><c>POST /check</c> response: <c>success</c> is false when the repository has errors.</summary>
internal sealed record CheckResponse(bool Success, long ErrorCount, IReadOnlyList<string> Errors, string Message)
{
    public static CheckResponse From(CheckResult result) => new(
        result.IsHealthy,
        result.ErrorCount,
        result.Errors,
        result.IsHealthy ? "No errors were found." : $"The repository has {result.ErrorCount} errors.");
}

internal static class CheckEndpoint
{
    public static async Task<IResult> HandleAsync(
        CheckRequest request,
        HttpContext context,
        RepositoryClientFactory clients,
        CancellationToken cancellationToken)
    {
        var (_, client) = await clients.CreateAsync(context, request.Repository, request);
        if (request.ReadData && request.ReadDataSubset is not null)
        {
            throw ApiProblemException.Invalid("read_data_subset", "Give read_data or read_data_subset, not both.");
        }

        var subset = ParseSubset(request.ReadDataSubset);
        var result = await client.CheckAsync(new CheckOptions { ReadData = request.ReadData, ReadDataSubset = subset }, cancellationToken);
        return TypedResults.Ok(CheckResponse.From(result));
    }

    /// <summary>
    /// A read-data subset in restic's syntax (the API's JSON and the console's form keep it); Restic.Net's type parses
    /// it and refuses what restic would refuse, as a 400 naming <c>read_data_subset</c>.
    /// </summary>
    public static ReadDataSubset? ParseSubset(string? text) =>
        text is null ? null
        : Restic.Net.ReadDataSubset.TryParse(text, out var parsed) ? parsed
        : throw ApiProblemException.Invalid(
            "read_data_subset",
            $"read_data_subset is 'n/t' (1 <= n <= t <= 256, for example 1/5), a percentage above 0 and up to 100 (for example 10%), or a size with a unit b, k, m, g or t (for example 500M); got '{text}'.");
}
