using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.IntegrationTests.Real;

/// <summary>The password never reaches argv, the parent's restic variables never reach restic, and no log line holds a secret.</summary>
public sealed class SecretsTests : IAsyncLifetime
{
    private const string Password = "s3cret-Pa55word-for-proc-test";
    private const string InheritedMarker = "inherited-credential-marker-0451";
    private readonly TempDirectory _root = new();
    private readonly CapturingLoggerProvider _logs = new();
    private ResticClient _client = null!;

    static SecretsTests()
    {
        // Variables a service account might carry; the client must not pass them on. Unique names so that
        // no other test (running in parallel) depends on them.
        Environment.SetEnvironmentVariable("B2_ACCOUNT_KEY", InheritedMarker);
        Environment.SetEnvironmentVariable("RESTIC_NET_TEST_PARENT_MARKER_2", InheritedMarker);
    }

    public async Task InitializeAsync()
    {
        var options = TestRestic.Options(_root.Combine("repo"), _root.Combine("cache"));
        options.Password = ResticPassword.FromValue(Password);
        _client = new ResticClient(options, _logs.CreateFactory());
        await _client.InitAsync();
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 120000)]
    public async Task RunningRestic_HasNoSecretInArgvAndNothingInheritedInItsEnvironment()
    {
        var source = _root.Combine("src");
        SourceTree.WriteLargeFile(Path.Combine(source, "big.bin"), megabytes: 300, seed: 9);
        using var cts = new CancellationTokenSource();

        var backup = _client.BackupAsync([source], null, null, cts.Token);
        var pid = await ChildProcesses.WaitForChildAsync("restic", source, TimeSpan.FromSeconds(30));
        string[] argv;
        Dictionary<string, string> environment;
        try
        {
            argv = ChildProcesses.CommandLine(pid);
            environment = ChildProcesses.EnvironmentOf(pid);
        }
        finally
        {
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);
        }

        Assert.Equal("backup", argv[1]);
        Assert.DoesNotContain(argv, a => a.Contains(Password, StringComparison.Ordinal));
        Assert.Equal(Password, environment["RESTIC_PASSWORD"]);
        Assert.Equal(_root.Combine("repo"), environment["RESTIC_REPOSITORY"]);
        Assert.False(environment.ContainsKey("B2_ACCOUNT_KEY"));
        Assert.DoesNotContain(environment.Values, v => v.Contains(InheritedMarker, StringComparison.Ordinal));
        // Nothing beyond the documented allow-list (docs/design-decisions.md) and what the options set.
        string[] documented =
        [
            "PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TMP", "TEMP", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
            "XDG_RUNTIME_DIR", "SSH_AUTH_SOCK", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
            "no_proxy", "all_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR", "GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG",
            "RESTIC_PASSWORD", "RESTIC_REPOSITORY", "RESTIC_CACHE_DIR", "RESTIC_PROGRESS_FPS",
        ];
        Assert.All(environment.Keys, k => Assert.True(documented.Contains(k) || k.StartsWith("LC_", StringComparison.Ordinal), $"{k} reached restic"));
    }

    [Fact(Timeout = 120000)]
    public async Task LogsAtTraceAndExceptions_OfSuccessAndFailure_NeverContainThePassword()
    {
        var source = _root.Combine("small");
        SourceTree.WriteSmallFiles(source, count: 5);
        await _client.BackupAsync([source]);
        await _client.GetSnapshotsAsync();

        var wrong = TestRestic.Options(_root.Combine("repo"), _root.Combine("cache"));
        wrong.Password = ResticPassword.FromValue(Password + "-wrong");
        var ex = await Assert.ThrowsAsync<ResticWrongPasswordException>(() => new ResticClient(wrong, _logs.CreateFactory()).GetSnapshotsAsync());

        Assert.Contains(_logs.Lines, l => l.Contains("RawOutputLine", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains("OperationAudit", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, ex.ToString());
        Assert.DoesNotContain(Password, _client.ToString());
    }

    [Theory(Timeout = 60000)]
    [InlineData("pa/ss")] // unencoded '/': Go reads "pa" as a port, and restic echoes the URL as given
    [InlineData("pa@ss")] // unencoded '@'
    [InlineData("o")] // one character: masked as a token, never as every "o" of a message
    public async Task UrlPasswordOfAnyShape_OfAnUnreachableServer_AppearsInNoMessageOrLog(string urlPassword)
    {
        // A closed port: restic fails and prints the location in its error.
        var logs = new CapturingLoggerProvider();
        var options = TestRestic.Options(_root.Combine("unused"), _root.Combine("url-cache"));
        options.Repository = new GenericRepository($"rest:http://user:{urlPassword}@127.0.0.1:9/repo/");
        var client = new ResticClient(options, logs.CreateFactory());

        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());

        var texts = logs.Lines.Append(ex.Message).Append(ex.StandardError ?? string.Empty).Append(ex.ResticMessage ?? string.Empty).Append(client.Repository.ToString());
        foreach (var text in texts)
        {
            Assert.DoesNotContain($":{urlPassword}@", text);
            Assert.DoesNotContain("ss@127", text);
            Assert.DoesNotContain("***pen", text);
        }
    }

    [Theory(Timeout = 60000)]
    [InlineData("Qz7@Kx5/Wv3")] // Go reads Kx5 as the host: restic would print it in its DNS error
    [InlineData("Qz7 Kx5 Wv3")] // spaces: Go refuses the user info and restic prints the URL
    [InlineData("Qz7@:%/#? &Wv3")] // every character at once
    [InlineData("Qz7\"Kx5'Wv3")] // quotes end a URL in free text
    [InlineData("Qz7?Kx5#Wv3")]
    public async Task UrlPasswordWithRawSpecialCharacters_ParsedOrGiven_AppearsInNoMessageOrLog(string urlPassword)
    {
        var location = $"rest:http://user:{urlPassword}@127.0.0.1:9/repo/";
        var parts = urlPassword.Split(['@', '/', ' ', ':', '%', '#', '?', '&', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var texts = new List<string>();
        try
        {
            texts.Add(ResticRepository.Parse(location).ToString());
        }
        catch (ArgumentException refused)
        {
            // Refused: what it says is the whole story, and it repeats nothing of the URL.
            texts.Add(refused.ToString());
        }

        // The same location as a raw string reaches restic as is; whatever restic prints of it is masked.
        var logs = new CapturingLoggerProvider();
        var options = TestRestic.Options(_root.Combine("unused"), _root.Combine("url-cache"));
        options.Repository = new GenericRepository(location);
        var client = new ResticClient(options, logs.CreateFactory());
        var ex = await Assert.ThrowsAnyAsync<ResticException>(() => client.GetSnapshotsAsync());
        texts.AddRange(logs.Lines);
        texts.Add(ex.ToString());
        texts.Add(ex.StandardError ?? string.Empty);
        texts.Add(client.Repository.ToString());

        foreach (var text in texts)
        {
            foreach (var part in parts)
            {
                Assert.False(text.Contains(part, StringComparison.Ordinal), $"'{part}' of the password in: {text}");
            }
        }
    }
}
