using System.Reflection;
using System.Runtime.CompilerServices;

namespace Restic.Net.Repository.Tests.Units;

/// <summary>The reader grants its internals to this repository's own test and benchmark projects only.</summary>
[Trait("Restic", "None")]
public class InternalsVisibleToTests
{
    [Fact]
    public void Reader_GrantsItsInternalsToThisRepositorysProjectsOnly()
    {
        var granted = typeof(ResticRepositoryReader).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order(StringComparer.Ordinal);

        Assert.Equal(["Restic.Net.Benchmarks", "Restic.Net.Repository.Tests"], granted);
    }
}
