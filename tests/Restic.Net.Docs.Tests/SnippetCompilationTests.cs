using System.Text.RegularExpressions;
using Restic.Net.Extensions.DependencyInjection.Tests;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// Every C# block of README.md, docs/*.md and the packages' PACKAGE.md compiles as a reader uses it: a block that is a whole program
/// compiles on its own as the Program.cs of a new console project (its <c>using</c> lines included); any other
/// block compiles appended to the first whole program on its page, which the page shows first for that reason.
/// </summary>
[Trait("Restic", "None")] // compiles, starts no restic
public partial class SnippetCompilationTests
{
    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in Pages())
        {
            var count = CSharpBlocks(page).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(page, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void CSharpBlock_CompilesInANewConsoleProject(string page, int index)
    {
        var blocks = CSharpBlocks(page);
        var block = blocks[index];
        var alone = ConsoleProgram.Compile(block);
        if (alone.Errors.Count == 0)
        {
            return;
        }

        var program = blocks.Take(index).Select((b, i) => (Text: b, Index: i)).FirstOrDefault(b => ConsoleProgram.Compile(b.Text).Errors.Count == 0);
        Assert.True(
            program.Text is not null,
            $"{page}, C# block {index + 1} compiles neither alone nor after a whole program shown before it on its page:\n{string.Join('\n', alone.Errors)}\n---\n{block}");

        var continued = ConsoleProgram.Compile(ConsoleProgram.Continue(program.Text, block));
        Assert.True(
            continued.Errors.Count == 0,
            $"{page}, C# block {index + 1} does not compile after the program of block {program.Index + 1}:\n{string.Join('\n', continued.Errors)}\n---\n{block}");
    }

    [Fact]
    public void AWholeProgramWithoutItsUsingLine_DoesNotCompile()
    {
        // The check itself: the README's first program lost its using line once, and a new project said CS0246.
        var (errors, _) = ConsoleProgram.Compile("""var client = new ResticClient(new LocalRepository("/r"), ResticPassword.FromValue("p"));""");

        Assert.Contains(errors, e => e.Contains("CS0246", StringComparison.Ordinal));
    }

    // The pages a user reads: the README, the guides, and the README inside each NuGet package.
    internal static IEnumerable<string> Pages() =>
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(SourceCheckout.Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(SourceCheckout.Root, p)),
        .. Directory.EnumerateFiles(Path.Combine(SourceCheckout.Root, "src"), "PACKAGE.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(SourceCheckout.Root, p)),
    ];

    internal static IReadOnlyList<string> CSharpBlocks(string page)
    {
        var text = File.ReadAllText(Path.Combine(SourceCheckout.Root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return CSharpBlock().Matches(text).Select(m => m.Groups["code"].Value).ToList();
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
