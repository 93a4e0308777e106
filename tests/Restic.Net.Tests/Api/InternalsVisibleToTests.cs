using System.Reflection;
using System.Runtime.CompilerServices;

namespace Restic.Net.Tests.Api;

/// <summary>
/// The core grants its internals to this repository's own projects only, never to a name another assembly could
/// take for granted (a mocking library's proxy assembly, say): a new grant is a decision, made here.
/// </summary>
public class InternalsVisibleToTests
{
    [Fact]
    public void Core_GrantsItsInternalsToThisRepositorysProjectsOnly()
    {
        var granted = typeof(ResticClient).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Restic.Net.Benchmarks", "Restic.Net.IntegrationTests", "Restic.Net.Repository", "Restic.Net.Repository.Tests", "Restic.Net.Tests"],
            granted);
    }
}
