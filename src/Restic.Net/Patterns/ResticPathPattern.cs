namespace Restic.Net.Patterns;

/// <summary>
/// A pattern of <c>restic find</c> (restic's <c>internal/filter</c> semantics), written from its documented behaviour
/// and checked against restic itself: the pattern is cleaned and split at <c>/</c>; each part is a Go glob, and
/// <c>**</c> stands for any number of folders. A pattern that starts with <c>/</c> is anchored at the root; any
/// other matches any run of consecutive parts of the path. A leading <c>!</c> is dropped, as restic's matcher does.
/// Both sides match the whole part; a match of a folder's run also matches the paths below it.
/// </summary>
internal sealed class ResticPathPattern
{
    private readonly Part[] _parts;

    // Known once per pattern, not per path matched: a pattern with several "**" is matched by MatchRuns.
    private readonly bool _severalDoubleStars;

    private ResticPathPattern(Part[] parts)
    {
        _parts = parts;
        _severalDoubleStars = parts.Count(p => p.IsDoubleStar) > 1;
    }

    /// <summary>The pattern, or a <see cref="FormatException"/> that says which part is malformed.</summary>
    public static ResticPathPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var text = pattern[0] == '!' ? pattern[1..] : pattern;
        var parts = Split(GoClean(text)).Select(p => Part.Of(p == "**" ? string.Empty : p, p.IndexOfAny(['\\', '[', ']', '*', '?']) < 0)).ToArray();
        foreach (var part in parts.Where(p => !p.IsSimple))
        {
            if (!GoGlob.IsValid(part.Text))
            {
                throw new FormatException($"'{pattern}' is not a valid pattern: '{part.Text}' has an unclosed or empty character class, or ends in '\\'.");
            }
        }

        return new ResticPathPattern(parts);
    }

    /// <summary>Whether a path (split by <see cref="Split"/>) matches.</summary>
    public bool Matches(string[] path) => _severalDoubleStars ? MatchRuns(_parts, path) : Match(_parts, path);

    /// <summary>Whether a path below this folder can match; only an anchored pattern can rule that out.</summary>
    public bool ChildMayMatch(string[] folder)
    {
        if (_parts[0].Text != "/")
        {
            return true;
        }

        var path = folder;
        var doubleStar = Array.FindIndex(_parts, p => p.IsDoubleStar);
        if (doubleStar >= 0 && path.Length >= doubleStar)
        {
            path = path[..doubleStar];
        }

        return Match(_parts[..Math.Min(path.Length, _parts.Length)], path);
    }

    /// <summary>A path's parts; an absolute path's first part is "/".</summary>
    public static string[] Split(string path)
    {
        var parts = path.Split('/');
        if (parts[0].Length == 0)
        {
            parts[0] = "/";
        }

        return parts;
    }

    // A pattern with one "**" at most (ChildMayMatch's prefixes stop before the first).
    private static bool Match(Part[] parts, string[] path)
    {
        var doubleStar = Array.FindIndex(parts, p => p.IsDoubleStar);
        if (doubleStar >= 0)
        {
            // "**" becomes no part, then one "*", two, ... as long as the pattern is not longer than the path.
            for (var stars = 0; stars <= path.Length - parts.Length + 1; stars++)
            {
                var expanded = parts[..doubleStar]
                    .Concat(Enumerable.Repeat(Part.Star, stars))
                    .Concat(parts[(doubleStar + 1)..])
                    .ToArray();
                if (Match(expanded, path))
                {
                    return true;
                }
            }

            return false;
        }

        if (parts.Length == 0 || parts.Length > path.Length)
        {
            return parts.Length == 0 && path.Length == 0;
        }

        // Try each position of the pattern along the path, the last first: anchored only at the root, and a
        // relative pattern never stands on the root's "/".
        var last = parts[0].Text == "/" ? 0 : path.Length - parts.Length;
        var first = parts[0].Text != "/" && path[0] == "/" ? 1 : 0;
        for (var offset = last; offset >= first; offset--)
        {
            var all = true;
            for (var i = parts.Length - 1; i >= 0 && all; i--)
            {
                all = parts[i].IsSimple ? parts[i].Text == path[offset + i] : GoGlob.Match(parts[i].Glob, path[offset + i]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    // The match above for a pattern with several "**": expanding each into no "*", one, two... in turn takes time
    // exponential in their number (a search of "**/**/…/x" on a deep tree would never end), so this finds the same
    // answer in parts × path steps. runs[i, j]: parts[i..] match a run of the path that starts at part j; a "**"
    // takes no part, or one part and stays. The run must hold at least one part, as an expansion must.
    private static bool MatchRuns(Part[] parts, string[] path)
    {
        var anchored = parts[0].Text == "/";
        var first = !anchored && path[0] == "/" ? 1 : 0;
        if (parts.All(p => p.IsDoubleStar))
        {
            for (var j = first; j < path.Length; j++)
            {
                if (GoGlob.Match(Part.Star.Glob, path[j]))
                {
                    return true;
                }
            }

            return false;
        }

        var width = path.Length + 1;
        var runs = new bool[(parts.Length + 1) * width];
        for (var j = 0; j <= path.Length; j++)
        {
            runs[(parts.Length * width) + j] = true;
        }

        for (var i = parts.Length - 1; i >= 0; i--)
        {
            for (var j = path.Length; j >= 0; j--)
            {
                var part = parts[i];
                runs[(i * width) + j] = part.IsDoubleStar
                    ? runs[((i + 1) * width) + j] || (j < path.Length && GoGlob.Match(Part.Star.Glob, path[j]) && runs[(i * width) + j + 1])
                    : j < path.Length && (part.IsSimple ? part.Text == path[j] : GoGlob.Match(part.Glob, path[j])) && runs[((i + 1) * width) + j + 1];
            }
        }

        if (anchored)
        {
            return runs[0];
        }

        for (var j = first; j < path.Length; j++)
        {
            if (runs[j])
            {
                return true;
            }
        }

        return false;
    }

    // Go's path.Clean: no empty or "." parts, ".." removes the part before it (at the root, nothing), "" is ".".
    private static string GoClean(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var cleaned = (rooted ? "/" : string.Empty) + string.Join('/', parts);
        return cleaned.Length == 0 ? "." : cleaned;
    }

    // One part of the pattern; "**" is kept as the empty text. A glob's code points are taken once, not per path matched.
    private readonly record struct Part(string Text, bool IsSimple, int[] Glob)
    {
        public static Part Star { get; } = Of("*", isSimple: false);

        public bool IsDoubleStar => Text.Length == 0;

        public static Part Of(string text, bool isSimple) => new(text, isSimple, isSimple ? [] : GoGlob.CodePoints(text));
    }
}
