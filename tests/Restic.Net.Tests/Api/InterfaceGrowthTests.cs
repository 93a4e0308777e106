using System.Reflection;

namespace Restic.Net.Tests.Api;

/// <summary>
/// How <see cref="IResticClient"/> grows after 1.0 (docs/design-decisions.md): the members of 1.0 are
/// listed in TestData/IResticClient.members.txt; every member added later has a default implementation,
/// so that a hand-written fake of the interface keeps compiling.
/// </summary>
public class InterfaceGrowthTests
{
    [Fact]
    public void IResticClient_EveryMemberNotIn1_0_HasADefaultImplementation()
    {
        var baseline = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "IResticClient.members.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

        var abstractNew = typeof(IResticClient).GetMethods()
            .Where(m => m.IsAbstract)
            .Select(Signature)
            .Where(s => !baseline.Contains(s))
            .ToList();

        Assert.True(abstractNew.Count == 0, "New IResticClient members need a default implementation (see docs/design-decisions.md): " + string.Join(", ", abstractNew));
    }

    [Fact]
    public void IResticClient_The1_0Members_AreStillThere()
    {
        var baseline = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "IResticClient.members.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'));
        var current = typeof(IResticClient).GetMethods().Select(Signature).ToHashSet(StringComparer.Ordinal);

        var missing = baseline.Where(s => !current.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "Members of the 1.0 list are gone (edit TestData/IResticClient.members.txt only deliberately): " + string.Join(", ", missing));
    }

    private static string Signature(MethodInfo method) =>
        $"{method.ReturnType.Name} {method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
