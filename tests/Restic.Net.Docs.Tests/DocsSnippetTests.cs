using System.Text.RegularExpressions;
using Restic.Net.Extensions.DependencyInjection.Tests;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// Every C# block marked <c>&lt;!-- snippet: NAME --&gt;</c> in README.md and docs/*.md is the
/// compiled snippet NAME, and the getting-started and cookbook pages show no uncompiled C#.
/// <c>RESTIC_NET_UPDATE_SNIPPETS=1 dotnet test tests/Restic.Net.Docs.Tests</c> rewrites the pages.
/// </summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public partial class DocsSnippetTests
{
    public static TheoryData<string> Pages() => new(PagePaths());

    private static IEnumerable<string> PagePaths() =>
        ["README.md", .. Directory.EnumerateFiles(Path.Combine(SourceCheckout.Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(SourceCheckout.Root, p))];

    [Theory]
    [MemberData(nameof(Pages))]
    public void MarkedBlocks_AreTheCompiledSnippets(string page)
    {
        var path = Path.Combine(SourceCheckout.Root, page);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var updated = Marked().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            Assert.True(SnippetSource.All.ContainsKey(name), $"{page}: there is no snippet '{name}' in docs/snippets");
            return $"{match.Groups["head"].Value}{SnippetSource.All[name]}\n```";
        });

        if (updated != text && Environment.GetEnvironmentVariable("RESTIC_NET_UPDATE_SNIPPETS") == "1")
        {
            File.WriteAllText(path, updated);
            return;
        }

        Assert.True(updated == text, $"{page}: a snippet block differs from docs/snippets; run RESTIC_NET_UPDATE_SNIPPETS=1 dotnet test tests/Restic.Net.Docs.Tests. First difference near: {FirstDifference(text, updated)}");
    }

    [Theory]
    [InlineData("docs/getting-started.md")]
    [InlineData("docs/cookbook.md")]
    public void CSharpBlocks_OfTheGuides_AreAllCompiledSnippets(string page)
    {
        var text = File.ReadAllText(Path.Combine(SourceCheckout.Root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);

        var blocks = CSharpBlock().Matches(text);
        var unmarked = blocks.Where(b => !text[..b.Index].TrimEnd().EndsWith("-->", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(blocks);
        Assert.True(unmarked.Count == 0, $"{page}: C# blocks without a snippet marker: {string.Join(" | ", unmarked.Select(b => b.Value[..Math.Min(60, b.Value.Length)]))}");
    }

    [Fact]
    public void EverySnippet_IsShownOnSomePage()
    {
        var pages = string.Join('\n', PagePaths().Select(p => File.ReadAllText(Path.Combine(SourceCheckout.Root, p))));

        var unused = SnippetSource.All.Keys.Where(name => !pages.Contains($"<!-- snippet: {name} -->", StringComparison.Ordinal)).ToList();

        Assert.True(unused.Count == 0, "snippets no page shows: " + string.Join(", ", unused));
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Substring(Math.Max(0, i - 40), Math.Min(80, a.Length - Math.Max(0, i - 40)));
    }

    // A marker, blank space, then a ```csharp block; names with a dot are sample files with tests of their own.
    [GeneratedRegex(@"(?<head><!-- snippet: (?<name>[a-z0-9-]+) -->\n+```csharp\n)(?<code>(?:[^`]|`(?!``))*?)```", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex(@"```csharp\n.*?```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
