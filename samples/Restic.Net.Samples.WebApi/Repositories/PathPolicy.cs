using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Configuration;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// Keeps backup sources and restore targets inside <see cref="ResticApiOptions.AllowedRoots"/> and away
/// from the server's own state, judged by where a path leads (<see cref="RealPath"/>), not by its text:
/// a symbolic link inside a root may point anywhere.
/// </summary>
internal sealed class PathPolicy(IOptions<ResticApiOptions> options, StateFolders state)
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

        return Refusal(path) is { } refusal ? throw ApiProblemException.Invalid(field, refusal) : path;
    }

    /// <summary>
    /// The symbolic links below <paramref name="folder"/> (not followed) that lead where this server may not
    /// write, at most <paramref name="max"/>: restic before 0.17 follows such a link when it restores over it.
    /// </summary>
    public IReadOnlyList<string> LinksLeadingOut(string folder, int max)
    {
        var found = new List<string>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(folder)]);
        var all = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true };
        while (found.Count < max && pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", all))
            {
                if (entry.LinkTarget is not null)
                {
                    if (Refusal(entry.FullName) is not null)
                    {
                        found.Add(entry.FullName);
                    }
                }
                else if (entry is DirectoryInfo subfolder)
                {
                    pending.Push(subfolder);
                }
            }
        }

        return [.. found.Take(max)];
    }

    /// <summary>Why <paramref name="path"/> (absolute) may not be used, or null when it may.</summary>
    private string? Refusal(string path)
    {
        // restic cleans a path's ".." before it opens it, the kernel applies ".." after following a link:
        // the path must stay inside by both readings.
        string[] leadsTo;
        try
        {
            leadsTo = [RealPath.Resolve(path), RealPath.Resolve(Path.GetFullPath(path))];
        }
        catch (IOException)
        {
            return $"'{path}' cannot be resolved: its symbolic links form a loop.";
        }

        var roots = options.Value.AllowedRoots.Select(root => RealPath.Resolve(Path.GetFullPath(root))).ToList();
        if (roots.Count > 0 && !leadsTo.All(real => roots.Any(root => RealPath.IsAtOrBelow(real, root))))
        {
            var how = leadsTo.Any(real => real != Path.GetFullPath(path)) ? " (through a symbolic link or '..')" : string.Empty;
            return $"'{path}' leads outside the folders this server may use (Restic:AllowedRoots){how}.";
        }

        return leadsTo.Any(real => state.Overlapping(real) is not null)
            ? $"'{path}' reaches into the server's own state (its database and key ring); it may not be backed up or restored into."
            : null;
    }
}
