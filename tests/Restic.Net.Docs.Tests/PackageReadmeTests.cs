using System.Text.RegularExpressions;
using Restic.Net.Extensions.DependencyInjection.Tests;

namespace Restic.Net.Docs.Tests;

/// <summary>
/// The README inside each NuGet package is written for the package's users: nothing that needs this
/// repository (build commands, links to its files), and the platform and framework facts stated.
/// </summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public partial class PackageReadmeTests
{
    [Theory]
    [InlineData("src/Restic.Net/PACKAGE.md")]
    [InlineData("src/Restic.Net.Extensions.DependencyInjection/PACKAGE.md")]
    [InlineData("src/Restic.Net.Repository/PACKAGE.md")]
    public void PackageReadme_NeedsNothingOutsideThePackage(string page)
    {
        var text = File.ReadAllText(Path.Combine(SourceCheckout.Root, page));

        Assert.DoesNotContain("build.sh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("docs/", text, StringComparison.Ordinal);
        var relative = Link().Matches(text).Select(m => m.Groups["target"].Value).Where(t => !t.StartsWith("https://", StringComparison.Ordinal)).ToList();
        Assert.True(relative.Count == 0, $"{page} links outside the package: {string.Join(", ", relative)}");
        Assert.Contains("net10.0", text, StringComparison.Ordinal);
        Assert.Contains("Linux", text, StringComparison.Ordinal);
        Assert.Contains("0.19", text, StringComparison.Ordinal);
        // The promise a NuGet user reads before taking a dependency (docs/design-decisions.md, 1.0).
        Assert.Contains("## Versioning", text, StringComparison.Ordinal);
        Assert.Contains("Semantic versioning from 1.0.0", text, StringComparison.Ordinal);
        Assert.Contains("default implementation", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\((?<target>[^)]+)\)")]
    private static partial Regex Link();
}
