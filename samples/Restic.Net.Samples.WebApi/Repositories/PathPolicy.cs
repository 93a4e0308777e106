using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>Keeps backup sources and restore targets inside <see cref="ResticApiOptions.AllowedRoots"/>.</summary>
internal sealed class PathPolicy(IOptions<ResticApiOptions> options)
{
    public IReadOnlyList<string> Check(string field, IReadOnlyList<string>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            throw ApiProblemException.Invalid(field, $"Give at least one path in {field}.");
        }

        foreach (var path in paths)
        {
            Check(field, path);
        }

        return paths;
    }

    public string Check(string field, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path))
        {
            throw ApiProblemException.Invalid(field, $"{field} must be absolute paths on the server.");
        }

        var roots = options.Value.AllowedRoots;
        var full = Path.GetFullPath(path);
        if (roots.Count > 0 && !roots.Any(root => IsBelow(full, Path.GetFullPath(root))))
        {
            throw ApiProblemException.Invalid(field, $"'{path}' is outside the folders this server may use (Restic:AllowedRoots).");
        }

        return path;
    }

    private static bool IsBelow(string path, string root)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        return string.Equals(path, trimmed, StringComparison.Ordinal) ||
            path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
