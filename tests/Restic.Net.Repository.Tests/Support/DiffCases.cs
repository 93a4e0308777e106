namespace Restic.Net.Repository.Tests.Support;

/// <summary>The snapshot pairs the diff conformance tests compare with restic: each pair both ways and one with itself, with and without metadata.</summary>
public static class DiffCases
{
    public static TheoryData<int, int, bool> Pairs()
    {
        var pairs = new TheoryData<int, int, bool>();
        foreach (var metadata in new[] { false, true })
        {
            foreach (var (first, second) in new[] { (0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1), (0, 0) })
            {
                pairs.Add(first, second, metadata);
            }
        }

        return pairs;
    }
}
