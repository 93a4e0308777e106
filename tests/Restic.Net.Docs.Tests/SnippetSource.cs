using System.Text.RegularExpressions;
using Restic.Net.Extensions.DependencyInjection.Tests;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// The snippets of docs/snippets/**/*.cs: the lines between <c>// begin-snippet: NAME</c> and
/// <c>// end-snippet</c>, without lines marked <c>// snippet-hide</c>, de-indented. The files of
/// docs/snippets/Programs are whole programs: there the markers enclose the whole file.
/// </summary>
internal static partial class SnippetSource
{
    public static string Folder { get; } = Path.Combine(SourceCheckout.Root, "docs", "snippets");

    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    private static Dictionary<string, string> Load()
    {
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            string? name = null;
            var lines = new List<string>();
            foreach (var line in File.ReadAllLines(file))
            {
                if (Begin().Match(line) is { Success: true } begin)
                {
                    Assert.True(name is null, $"{file}: snippet '{begin.Groups[1].Value}' begins inside '{name}'");
                    name = begin.Groups[1].Value;
                    lines.Clear();
                }
                else if (line.Trim() == "// end-snippet")
                {
                    Assert.True(name is not null, $"{file}: end-snippet without begin-snippet");
                    Assert.True(snippets.TryAdd(name!, Dedent(lines)), $"snippet '{name}' is defined twice");
                    name = null;
                }
                else if (name is not null && !line.TrimEnd().EndsWith("// snippet-hide", StringComparison.Ordinal))
                {
                    lines.Add(line);
                }
            }

            Assert.True(name is null, $"{file}: snippet '{name}' has no end-snippet");
        }

        return snippets;
    }

    // The C# files of the folder and its subfolders, without the build's own (bin, obj).
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(Folder, f).Split(Path.DirectorySeparatorChar) is var parts && !parts.Contains("bin") && !parts.Contains("obj"))
            .Order(StringComparer.Ordinal);

    private static string Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).Trim('\n');
    }

    [GeneratedRegex(@"^\s*// begin-snippet: ([a-z0-9-]+)\s*$")]
    private static partial Regex Begin();
}
