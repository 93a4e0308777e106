namespace Restic.Net.Extensions.DependencyInjection.Tests;

// Also linked into Restic.Net.Docs.Tests.

/// <summary>Paths in the source tree, for tests that compare docs with code.</summary>
internal static class SourceCheckout
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Restic.Net.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Restic.Net.sln not found above " + AppContext.BaseDirectory);
    }
}
