namespace Restic.Net.Patterns;

/// <summary>
/// Go's <c>path/filepath.Match</c> on one path component, as restic applies it to each part of a pattern:
/// <c>*</c> any run of characters, <c>?</c> one character, <c>[a-z]</c> and <c>[^a-z]</c> classes, <c>\</c> escapes
/// the next character. Characters are Unicode code points, as Go's runes. Written from Go's documented grammar.
/// </summary>
internal static class GoGlob
{
    /// <summary>Whether the pattern follows the grammar (Go's <c>ErrBadPattern</c> otherwise).</summary>
    public static bool IsValid(string pattern)
    {
        var p = CodePoints(pattern);
        var i = 0;
        while (i < p.Length)
        {
            switch (p[i])
            {
                case '\\':
                    if (i + 1 >= p.Length)
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case '[':
                    if (!TryMatchClass(p, i, character: -1, out _, out i))
                    {
                        return false;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return true;
    }

    /// <summary>Whether the whole of <paramref name="name"/> matches <paramref name="pattern"/>, which must be valid.</summary>
    public static bool Match(string pattern, string name) => MatchFrom(CodePoints(pattern), 0, CodePoints(name), 0);

    /// <summary>The same, with the pattern's code points taken once (<see cref="CodePoints"/>) for a pattern matched against many names.</summary>
    public static bool Match(int[] pattern, string name) => MatchFrom(pattern, 0, CodePoints(name), 0);

    // As Go matches: the pattern is a series of chunks (characters, '?', classes, escapes: one character each), each
    // after a run of stars or none. A chunk after stars is taken at the first place it matches, never tried at a later
    // one: with chunks of fixed length that loses no match, and keeps the time to chunks × characters (trying every
    // place for every star was exponential: "*?*?*?…x" against a long name). The last chunk must end the name.
    private static bool MatchFrom(int[] p, int pi, int[] s, int si)
    {
        while (pi < p.Length)
        {
            var star = false;
            while (pi < p.Length && p[pi] == '*')
            {
                star = true;
                pi++;
            }

            var chunkEnd = ChunkEnd(p, pi);
            if (star && chunkEnd == pi)
            {
                // Trailing stars take the rest of the name, which holds no separator.
                return Array.IndexOf(s, '/', si) < 0;
            }

            var last = chunkEnd == p.Length;
            if (MatchChunk(p, pi, chunkEnd, s, si, out var next) && (!last || next == s.Length))
            {
                si = next;
                pi = chunkEnd;
                continue;
            }

            if (!star)
            {
                return false;
            }

            // The stars take one character more each time, never a separator.
            var found = false;
            for (var taken = si; taken < s.Length && s[taken] != '/' && !found; taken++)
            {
                found = MatchChunk(p, pi, chunkEnd, s, taken + 1, out next) && (!last || next == s.Length);
            }

            if (!found)
            {
                return false;
            }

            si = next;
            pi = chunkEnd;
        }

        return si == s.Length;
    }

    // Where the chunk that starts at p[start] ends: at the next star outside a class, or at the pattern's end.
    private static int ChunkEnd(int[] p, int start)
    {
        var i = start;
        while (i < p.Length && p[i] != '*')
        {
            if (p[i] == '\\')
            {
                i += 2;
            }
            else if (p[i] == '[')
            {
                if (!TryMatchClass(p, i, character: -1, out _, out i))
                {
                    throw new FormatException("Malformed character class in a pattern.");
                }
            }
            else
            {
                i++;
            }
        }

        return Math.Min(i, p.Length);
    }

    // Whether p[start..end] (no stars) matches the characters of s from si on; next is where it stopped.
    private static bool MatchChunk(int[] p, int start, int end, int[] s, int si, out int next)
    {
        next = si;
        var pi = start;
        while (pi < end)
        {
            if (next >= s.Length)
            {
                return false;
            }

            switch (p[pi])
            {
                case '?':
                    if (s[next] == '/')
                    {
                        return false;
                    }

                    pi++;
                    break;
                case '[':
                    if (!TryMatchClass(p, pi, s[next], out var inClass, out pi))
                    {
                        throw new FormatException("Malformed character class in a pattern.");
                    }

                    if (!inClass)
                    {
                        return false;
                    }

                    break;
                case '\\':
                    if (pi + 1 >= end || p[pi + 1] != s[next])
                    {
                        return false;
                    }

                    pi += 2;
                    break;
                default:
                    if (p[pi] != s[next])
                    {
                        return false;
                    }

                    pi++;
                    break;
            }

            next++;
        }

        return true;
    }

    // '[' [ '^' ] { lo [ '-' hi ] } ']' from p[start]: false when malformed; else whether the character is in it
    // (-1: none, only checks the grammar) and the index after the ']'.
    private static bool TryMatchClass(int[] p, int start, int character, out bool matched, out int end)
    {
        matched = false;
        end = start;
        var i = start + 1;
        var negated = i < p.Length && p[i] == '^';
        if (negated)
        {
            i++;
        }

        var ranges = 0;
        while (true)
        {
            if (i < p.Length && p[i] == ']' && ranges > 0)
            {
                i++;
                break;
            }

            if (!TryClassCharacter(p, ref i, out var lo))
            {
                return false;
            }

            var hi = lo;
            if (i < p.Length && p[i] == '-')
            {
                i++;
                if (!TryClassCharacter(p, ref i, out hi))
                {
                    return false;
                }
            }

            matched |= lo <= character && character <= hi;
            ranges++;
        }

        matched ^= negated;
        end = i;
        return true;
    }

    // One character of a class: '-' and ']' must be escaped, and the class must go on after it.
    private static bool TryClassCharacter(int[] p, ref int i, out int character)
    {
        character = 0;
        if (i >= p.Length || p[i] == '-' || p[i] == ']')
        {
            return false;
        }

        if (p[i] == '\\')
        {
            i++;
            if (i >= p.Length)
            {
                return false;
            }
        }

        character = p[i++];
        return i < p.Length;
    }

    /// <summary>The Unicode code points of a text, as Go's runes.</summary>
    public static int[] CodePoints(string text)
    {
        var points = new int[text.Length];
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            points[count++] = rune.Value;
        }

        return points.AsSpan(0, count).ToArray();
    }
}
