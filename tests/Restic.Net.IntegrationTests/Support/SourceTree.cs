namespace Restic.Net.IntegrationTests.Support;

/// <summary>Writes deterministic source folders and compares restored trees byte for byte.</summary>
internal static class SourceTree
{
    /// <summary>A few hundred small files in nested folders, every fifth one a duplicate of another.</summary>
    public static void WriteSmallFiles(string root, int count = 200, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var folder = Path.Combine(root, "dir" + (i % 7), "sub" + (i % 3));
            Directory.CreateDirectory(folder);
            var content = new byte[random.Next(100, 4000)];
            random.NextBytes(content);
            if (i % 5 == 4)
            {
                content = File.ReadAllBytes(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).First());
            }

            File.WriteAllBytes(Path.Combine(folder, $"file{i:D3}.bin"), content);
        }
    }

    /// <summary>A 64 GiB sparse file: restic reads its zeros for minutes, and it costs no disk. For runs a test interrupts.</summary>
    public static void WriteSparseFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var sparse = File.Create(path);
        sparse.SetLength(64L << 30);
    }

    /// <summary>One incompressible file, large enough that restic reports progress while reading it.</summary>
    public static void WriteLargeFile(string path, int megabytes, int seed = 7)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var stream = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(buffer);
            stream.Write(buffer);
        }
    }

    /// <summary>Asserts that both trees hold the same relative file names with the same bytes.</summary>
    public static void AssertSameFiles(string expectedRoot, string actualRoot)
    {
        var expected = RelativeFiles(expectedRoot);
        var actual = RelativeFiles(actualRoot);
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            var a = File.ReadAllBytes(Path.Combine(expectedRoot, file));
            var b = File.ReadAllBytes(Path.Combine(actualRoot, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs after restore");
        }
    }

    /// <summary>Where restic restores an absolute source path inside a target folder.</summary>
    public static string RestoredPath(string target, string source) =>
        Path.Combine(target, source.TrimStart(Path.DirectorySeparatorChar));

    private static string[] RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
