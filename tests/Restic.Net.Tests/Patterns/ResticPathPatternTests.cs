using Restic.Net.Patterns;

namespace Restic.Net.Tests.Patterns;

/// <summary>
/// restic find's matcher: Go's glob on each part (its documented grammar and examples), and restic's rules for
/// paths (any run of parts, "/" anchors, "**" any folders). The conformance tests check it against restic itself.
/// </summary>
public class ResticPathPatternTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "b", false)]
    [InlineData("a*b*c*d*e*", "axbxcxdxexxx", true)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abe", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a[^a]b", "a☺b", true)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("?", "😀", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("*x", "xxx", true)]
    [InlineData("a?c", "abbc", false)]
    public void A_glob_matches_a_whole_name_as_Go_does(string pattern, string name, bool expected)
    {
        Assert.True(GoGlob.IsValid(pattern));
        Assert.Equal(expected, GoGlob.Match(pattern, name));
    }

    [Fact]
    public void Every_glob_of_up_to_four_tokens_matches_as_its_regular_expression_does()
    {
        // Stars, '?', classes, an escaped star and letters, against every name of up to four of 'a', 'b' and '*'.
        string[] tokens = ["a", "b", "?", "*", "[ab]", "[^a]", "\\*"];
        string[] regexOf = ["a", "b", ".", ".*", "[ab]", "[^a]", "\\*"];
        var names = Words(["a", "b", "*"], 4).ToList();
        foreach (var glob in Words(Enumerable.Range(0, tokens.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), 4))
        {
            var indexes = glob.Select(c => c - '0').ToArray();
            var pattern = string.Concat(indexes.Select(i => tokens[i]));
            var regex = new System.Text.RegularExpressions.Regex("^" + string.Concat(indexes.Select(i => regexOf[i])) + "$", System.Text.RegularExpressions.RegexOptions.Singleline);
            foreach (var name in names)
            {
                Assert.True(regex.IsMatch(name) == GoGlob.Match(pattern, name), $"'{pattern}' against '{name}'");
            }
        }
    }

    [Fact]
    public void Many_stars_against_a_long_name_are_answered_at_once()
    {
        // Trying every place for every star would take about C(250, 13) ≈ 10^21 steps here.
        var name = new string('a', 250);
        Assert.False(GoGlob.Match(string.Concat(Enumerable.Repeat("*?", 13)) + "x", name));
        Assert.True(GoGlob.Match(string.Concat(Enumerable.Repeat("*?", 13)) + "a", name));
        Assert.False(GoGlob.Match(string.Concat(Enumerable.Repeat("*a", 30)) + "*b", name));
    }

    // Every word of up to max letters.
    private static IEnumerable<string> Words(string[] letters, int max)
    {
        IEnumerable<string> words = [string.Empty];
        var all = new List<string> { string.Empty };
        for (var length = 1; length <= max; length++)
        {
            words = words.SelectMany(w => letters.Select(l => w + l)).ToList();
            all.AddRange(words);
        }

        return all;
    }

    [Theory]
    [InlineData("[")]
    [InlineData("[^")]
    [InlineData("[^bc")]
    [InlineData("a[")]
    [InlineData("[]a]")]
    [InlineData("[-]")]
    [InlineData("[x-]")]
    [InlineData("[-x]")]
    [InlineData("[a-b-c]")]
    [InlineData("\\")]
    [InlineData("a\\")]
    public void A_malformed_glob_is_refused(string pattern)
    {
        Assert.False(GoGlob.IsValid(pattern));
        var ex = Assert.Throws<FormatException>(() => ResticPathPattern.Parse(pattern));
        Assert.Contains(pattern, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.txt", "/home/a/b.txt", true)]
    [InlineData("*.txt", "/home/a.txt/c", true)] // any run of parts: what lies below a match matches too
    [InlineData("b.txt", "/home/a/b.txt", true)]
    [InlineData("a/b.txt", "/home/a/b.txt", true)]
    [InlineData("home/b.txt", "/home/a/b.txt", false)]
    [InlineData("/home", "/home/x", true)]
    [InlineData("/home", "/x/home", false)]
    [InlineData("home", "/x/home/y", true)]
    [InlineData("x/*/z", "/a/x/y/z", true)]
    [InlineData("/a/**/z", "/a/b/c/z", true)]
    [InlineData("/a/**/z", "/a/z", true)]
    [InlineData("/a/**/z", "/b/a/z", false)]
    [InlineData("**/z", "/a/b/z", true)]
    [InlineData("a/**", "/a", true)]
    [InlineData("!b.txt", "/a/b.txt", true)] // restic's matcher drops a leading "!"
    [InlineData("./a/../b.txt", "/a/b.txt", true)] // cleaned first
    [InlineData("/a//b", "/a/b", true)]
    [InlineData("B.TXT", "/a/b.txt", false)]
    public void A_pattern_matches_a_path_as_restic_find_does(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, ResticPathPattern.Parse(pattern).Matches(ResticPathPattern.Split(path)));
    }

    [Fact]
    public void Several_double_stars_match_as_their_expansions_into_single_stars_do()
    {
        // The reference: each "**" written out as no "*" part, one, two... (what restic's matcher tries), where a
        // pattern with one "**" at most is matched directly. Every pattern here against every path.
        string[] patterns =
        [
            "**/**", "**/**/z", "/**/**", "/**/a/**", "/a/**/**/z", "**/b/**/z", "a/**/**", "**/a/**/c/**", "/a/**/b/**/c",
            "**/*/**/z", "**/b*/**", "/**/**/**/z", "x/**/**", "**/a/b/**/**",
        ];
        string[] paths = ["/", "/z", "/a", "/a/z", "/a/b/z", "/a/b/c/z", "/b/a/z", "/a/x/b/y/c", "/a/b/c", "/q/a/b/c/b/z", "/x", "/x/y/z", "/a/a/a/a"];
        foreach (var pattern in patterns)
        {
            foreach (var path in paths)
            {
                var split = ResticPathPattern.Split(path);
                Assert.True(
                    Expansions(pattern, split.Length).Any(expanded => ResticPathPattern.Parse(expanded).Matches(split)) == ResticPathPattern.Parse(pattern).Matches(split),
                    $"{pattern} against {path}");
            }
        }
    }

    [Fact]
    public void Many_double_stars_against_a_deep_path_are_answered_at_once()
    {
        // 40 "**" within the console's 256 characters, against 80 folders: expanding them in turn would try about
        // C(81, 40) ≈ 10^23 patterns, a search that never ends. The answer takes parts × path steps.
        var pattern = ResticPathPattern.Parse(string.Concat(Enumerable.Repeat("**/", 40)) + "x.txt");
        var deep = "/" + string.Join('/', Enumerable.Range(0, 80).Select(i => "d" + i));

        Assert.True(pattern.Matches(ResticPathPattern.Split(deep + "/x.txt")));
        Assert.False(pattern.Matches(ResticPathPattern.Split(deep + "/y.txt")));
        Assert.True(ResticPathPattern.Parse("/**/d3/**/**/d70/**/x.txt").Matches(ResticPathPattern.Split(deep + "/x.txt")));
        Assert.False(ResticPathPattern.Parse("/**/d70/**/**/d3/**/x.txt").Matches(ResticPathPattern.Split(deep + "/x.txt")));
    }

    // Every way of writing each "**" of the pattern as 0 to max "*" parts, but the one that leaves no part.
    private static IEnumerable<string> Expansions(string pattern, int max)
    {
        var index = pattern.IndexOf("**", StringComparison.Ordinal);
        if (index < 0)
        {
            var cleaned = string.Join('/', pattern.Split('/').Where(p => p.Length > 0));
            if (cleaned.Length > 0)
            {
                yield return pattern.StartsWith('/') ? "/" + cleaned : cleaned;
            }

            yield break;
        }

        for (var stars = 0; stars <= max; stars++)
        {
            var written = pattern[..index] + string.Join('/', Enumerable.Repeat("*", stars)) + pattern[(index + 2)..];
            foreach (var expanded in Expansions(written, max))
            {
                yield return expanded;
            }
        }
    }

    [Theory]
    [InlineData("/a/b", "/a", true)]
    [InlineData("/a/b", "/c", false)]
    [InlineData("/a/**/z", "/a/q/r", true)]
    [InlineData("/x/**", "/y", false)]
    [InlineData("/x/y/z", "/x/y/z/w", true)]
    [InlineData("b", "/c", true)] // a pattern that is not anchored can match anywhere below
    public void Only_an_anchored_pattern_rules_out_a_folders_children(string pattern, string folder, bool expected)
    {
        Assert.Equal(expected, ResticPathPattern.Parse(pattern).ChildMayMatch(ResticPathPattern.Split(folder)));
    }

    [Fact]
    public void A_query_refuses_no_pattern_an_empty_one_and_a_malformed_one()
    {
        Assert.Throws<ArgumentException>(() => FindQuery.Validate([]));
        Assert.Throws<ArgumentException>(() => FindQuery.Validate(["a", ""]));
        var ex = Assert.Throws<ArgumentException>(() => FindQuery.Validate(["ok", "bad["]));
        Assert.Equal("patterns", ex.ParamName);
        Assert.Contains("bad[", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_ignores_case_and_bounds_time_to_whole_seconds_as_restic_receives_it()
    {
        var noon = new DateTimeOffset(2024, 5, 6, 12, 0, 0, TimeSpan.Zero);
        var query = FindQuery.Create(["*.TXT"], new FindOptions { IgnoreCase = true, Oldest = noon.AddMilliseconds(700), Newest = noon.AddSeconds(10).AddMilliseconds(300) });

        Assert.True(query.Matches(ResticPathPattern.Split("/a/b.txt")));
        Assert.True(query.IsInTime(noon)); // the bound is 12:00:00, not 12:00:00.7
        Assert.False(query.IsInTime(noon.AddMilliseconds(-1)));
        Assert.True(query.IsInTime(noon.AddSeconds(10)));
        Assert.False(query.IsInTime(noon.AddSeconds(10).AddMilliseconds(1)));
    }
}
