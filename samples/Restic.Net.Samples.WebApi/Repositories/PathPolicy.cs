using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>Keeps backup sources and restore targets inside <see cref="ResticApiOptions.AllowedRoots"/>.</summary>
internal sealed class PathPolicy(IOptions<ResticApiOptions> options)
{
    /// <summary>More paths than this in one request is refused: restic takes them, but no console sends so many.</summary>
    public const int MaxPaths = 1000;

    /// <summary>Backup sources: allowed, and present on the server (restic would skip a missing one and call the backup partial).</summary>
    public IReadOnlyList<string> CheckSources(string field, IReadOnlyList<string>? paths)
    {
        Check(field, paths);
        var missing = paths!.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Source not found", $"Nothing to back up at {string.Join(", ", missing.Take(3).Select(p => $"'{p}'"))}{(missing.Count > 3 ? $" and {missing.Count - 3} more" : string.Empty)}: the path does not exist on the server.", field);
        }

        return paths!;
    }

    public IReadOnlyList<string> Check(string field, IReadOnlyList<string>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            throw ApiProblemException.Invalid(field, $"Give at least one path in {field}.");
        }

        if (paths.Count > MaxPaths)
        {
            throw ApiProblemException.Invalid(field, $"{field} has {paths.Count} entries; at most {MaxPaths} are accepted. Back up a common parent folder instead.");
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
