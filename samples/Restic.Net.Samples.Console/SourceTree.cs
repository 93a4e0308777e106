using System.Globalization;
using System.Text;

namespace Restic.Net.Samples.Console;

/// <summary>A deterministic sample tree: nested folders, small text files (some with identical content) and one larger binary file.</summary>
internal static class SourceTree
{
    private static readonly string[] s_folders = ["", "docs", "docs/2025", "docs/2026", "photos/raw", "src/app", "src/app/lib", "logs"];

    public static int Generate(string root)
    {
        var count = 0;
        for (var i = 0; i < 320; i++)
        {
            var folder = Path.Combine(root, s_folders[i % s_folders.Length]);
            Directory.CreateDirectory(folder);

            // Every fifth file repeats one of four templates: restic stores that content once.
            var content = i % 5 == 0 ? Content($"template-{i % 4}", 2048) : Content($"file-{i}", 256 + (i * 37 % 4096));
            File.WriteAllText(Path.Combine(folder, $"file-{i:000}.txt"), content);
            count++;
        }

        // One larger, incompressible file, so that the backup lasts long enough for restic to report progress.
        var noise = new byte[24 * 1024 * 1024];
        var state = 0x9E3779B97F4A7C15L;
        for (var i = 0; i < noise.Length; i += 8)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            BitConverter.TryWriteBytes(noise.AsSpan(i), state);
        }

        Directory.CreateDirectory(Path.Combine(root, "media"));
        File.WriteAllBytes(Path.Combine(root, "media", "video.bin"), noise);
        return count + 1;
    }

    public static (int Changed, int Added) Modify(string root)
    {
        var files = Directory.GetFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var changed = 0;
        for (var i = 0; i < files.Length; i += 25)
        {
            File.AppendAllText(files[i], $"appended after the first backup ({i}){Environment.NewLine}");
            changed++;
        }

        var added = Path.Combine(root, "added");
        Directory.CreateDirectory(added);
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(Path.Combine(added, $"new-{i}.txt"), Content($"new-{i}", 1024));
        }

        return (changed, 5);
    }

    /// <summary>Every file's bytes, by path relative to the root.</summary>
    public static Dictionary<string, byte[]> Capture(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Differences between the captured files and a folder: missing, extra and differing files.</summary>
    public static List<string> Compare(Dictionary<string, byte[]> expected, string root)
    {
        var problems = new List<string>();
        if (!Directory.Exists(root))
        {
            problems.Add($"{root} does not exist");
            return problems;
        }

        var actual = Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), StringComparer.Ordinal);
        foreach (var (relative, bytes) in expected)
        {
            if (!actual.TryGetValue(relative, out var path))
            {
                problems.Add($"{relative}: missing");
            }
            else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                problems.Add($"{relative}: content differs");
            }
        }

        problems.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k}: unexpected"));
        return problems;
    }

    private static string Content(string seed, int length)
    {
        var builder = new StringBuilder(length + 64);
        var line = 0;
        while (builder.Length < length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{seed} line {line:0000}: the quick brown fox jumps over the lazy dog {line * 7919 % 10007}\n");
            line++;
        }

        return builder.ToString(0, length);
    }
}
