using System.Diagnostics;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// A healthy repository whose file names are not all UTF-8, as Linux allows: two names that differ only in such a
/// byte (<c>collide-\xfe</c>, <c>collide-\xff</c>), an emoji cut short (<c>trunc4-\xf0\x9f\x98.txt</c>), a lone Latin-1
/// byte, and a literal U+FFFD next to a name that reads the same. .NET cannot create such names, so a shell does.
/// </summary>
public abstract class OddNamesRepository : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("restic-net-names-");

    protected OddNamesRepository(int formatVersion) => FormatVersion = formatVersion;

    public int FormatVersion { get; }

    public string Repository => _folder.Combine("repo");

    public string Source => _folder.Combine("src");

    public ResticClient Client { get; private set; } = null!;

    public ResticVersion Version { get; private set; } = null!;

    public LocalRepository Location => new(Repository);

    public ResticPassword Password { get; } = ResticPassword.FromValue(TestRestic.Password);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Source);

        // printf's octal escapes: \376 = 0xfe, \377 = 0xff, \360\237\230 = 0xf0 0x9f 0x98, \351 = 0xe9, \357\277\275 = U+FFFD.
        const string Script = """
            cd "$1" || exit 1
            printf 'the first collide\n' > "$(printf 'collide-\376')"
            printf 'the second collide\n' > "$(printf 'collide-\377')"
            printf 'a cut emoji\n' > "$(printf 'trunc4-\360\237\230.txt')"
            printf 'latin-1\n' > "$(printf 'lone-\351.txt')"
            printf 'a real replacement character\n' > "$(printf 'valid-\357\277\275')"
            printf 'a byte that reads as one\n' > "$(printf 'valid-\200')"
            mkdir "$(printf 'dir-\377')" && printf 'inside\n' > "$(printf 'dir-\377')/inner.txt"
            """;
        using (var shell = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", Script, "sh", Source } })!)
        {
            await shell.WaitForExitAsync();
            Assert.Equal(0, shell.ExitCode);
        }

        var cache = _folder.Combine("cache");
        await TestRestic.RunAsync(Repository, cache, "init", "--repository-version", FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TestRestic.RunAsync(Repository, cache, "backup", Source);
        Client = new ResticClient(TestRestic.Options(Repository, cache));
        Version = await Client.GetVersionAsync();
    }

    public async Task DisposeAsync()
    {
        // .NET cannot name these files to delete them.
        using (var remove = Process.Start("rm", ["-rf", Source])!)
        {
            await remove.WaitForExitAsync();
        }

        _folder.Dispose();
    }
}

public sealed class OddNamesVersion1Repository() : OddNamesRepository(1);

public sealed class OddNamesVersion2Repository() : OddNamesRepository(2);
