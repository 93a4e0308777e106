using System.Text;

namespace Restic.Net.Tests.Support;

/// <summary>One recorded restic run: TestData/restic-VERSION/NAME.{stdout,stderr,exitcode}.</summary>
internal sealed record Fixture(string Version, string Name, byte[] StandardOutput, string StandardError, int ExitCode)
{
    public static Fixture Load(string version, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "restic-" + version);
        var stdout = File.ReadAllBytes(Path.Combine(folder, name + ".stdout"));
        var stderr = File.ReadAllText(Path.Combine(folder, name + ".stderr"), Encoding.UTF8);
        var exit = int.Parse(File.ReadAllText(Path.Combine(folder, name + ".exitcode")).Trim());
        return new Fixture(version, name, stdout, stderr, exit);
    }

    /// <summary>A run made up in the test (for commands without a recording, such as cat config).</summary>
    public static Fixture Inline(string stdout, string stderr = "", int exitCode = 0) =>
        new("inline", "inline", Encoding.UTF8.GetBytes(stdout), stderr, exitCode);

    public IEnumerable<byte[]> StandardOutputLines() => SplitLines(StandardOutput);

    public IEnumerable<string> StandardErrorLines() =>
        SplitLines(Encoding.UTF8.GetBytes(StandardError)).Select(b => Encoding.UTF8.GetString(b));

    private static IEnumerable<byte[]> SplitLines(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                yield return bytes[start..i];
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            yield return bytes[start..];
        }
    }
}
