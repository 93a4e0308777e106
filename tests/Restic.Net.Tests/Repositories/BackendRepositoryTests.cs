using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Secrets;

namespace Restic.Net.Tests.Repositories;

/// <summary>Golden rendering, parsing, redaction and validation of the typed backend records.</summary>
public sealed class BackendRepositoryTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(1500)]
    [InlineData(0)]
    public void Sftp_ConnectTimeoutThatIsNotWholePositiveSeconds_IsRejected(int milliseconds)
    {
        var repository = new SftpRepository("host", "/srv") { ConnectTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        var ex = Assert.ThrowsAny<ArgumentException>(() => Render(repository));

        Assert.Contains("whole number of seconds", ex.Message, StringComparison.Ordinal);
    }

    private static ResticEnvironment Render(ResticRepository repository)
    {
        var environment = new ResticEnvironment();
        repository.ApplyTo(environment);
        return environment;
    }

    private static string[] Argv(ResticRepository repository)
    {
        var settings = new ResticSettings(new ResticClientOptions { Repository = repository, Password = ResticPassword.FromValue("pw") });
        return ResticCommands.Snapshots(new SnapshotFilter(), null).ToArguments(settings, new ResticCapabilities(new Version(0, 14, 0))).ToArray();
    }

    [Fact]
    public void Rest_WithCredentials_PutsThemOnlyInTheRepositoryVariable_AndPrintsThemMasked()
    {
        var repository = new RestRepository(new Uri("https://backup.example.com:8000/host1/")) { UserName = "alice", Password = "p@ss:w/rd" };

        var environment = Render(repository);

        Assert.Equal("rest:https://alice:p%40ss%3Aw%2Frd@backup.example.com:8000/host1/", environment.Variables["RESTIC_REPOSITORY"]);
        Assert.Empty(environment.ExtendedOptions);
        Assert.Empty(environment.GlobalFlags);
        Assert.Equal("rest:https://alice:***@backup.example.com:8000/host1/", repository.ToString());
        Assert.Contains("p@ss:w/rd", repository.GetSecrets());
        Assert.DoesNotContain(Argv(repository), a => a.Contains("p@ss", StringComparison.Ordinal) || a.Contains("p%40ss", StringComparison.Ordinal));
    }

    [Fact]
    public void Rest_TlsOptions_BecomeGlobalFlagsOnEveryRepositoryCommand()
    {
        var repository = new RestRepository(new Uri("https://h/")) { CaCertificateFiles = ["/etc/ca.pem", "/etc/ca2.pem"], ClientCertificateFile = "/etc/client.pem", InsecureTls = true };

        Assert.Equal(
            ["snapshots", "--json", "--cacert=/etc/ca.pem", "--cacert=/etc/ca2.pem", "--tls-client-cert=/etc/client.pem", "--insecure-tls"],
            Argv(repository));
        Assert.Equal("rest:https://h/", repository.ToString());
    }

    [Theory]
    [InlineData("ftp://h/")]
    [InlineData("https://u:p@h/")]
    [InlineData("https://h/?x=1")]
    public void Rest_InvalidUrl_ThrowsArgumentException(string url)
    {
        var ex = Assert.Throws<ArgumentException>(() => new RestRepository(new Uri(url)));
        Assert.DoesNotContain(":p@", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rest_PasswordWithoutUser_ThrowsWhenTheClientIsCreated()
    {
        var repository = new RestRepository(new Uri("http://h/")) { Password = "x" };
        var ex = Assert.Throws<ArgumentException>(() => Render(repository));
        Assert.Contains("requires User", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sftp_AllSettings_RenderLocationAndSftpCommand()
    {
        var repository = new SftpRepository("backup.example.com", "/srv/restic")
        {
            UserName = "bob",
            Port = 2222,
            IdentityFile = "/keys/id_ed25519",
            KnownHostsFile = "/keys/known_hosts",
            HostKeyChecking = SftpHostKeyChecking.AcceptNew,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            SshArguments = ["-oCompression=yes"],
        };

        var environment = Render(repository);

        Assert.Equal("sftp:bob@backup.example.com:/srv/restic", environment.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal(
            ["sftp.command=ssh -p 2222 -i /keys/id_ed25519 -oIdentitiesOnly=yes -oUserKnownHostsFile=/keys/known_hosts -oStrictHostKeyChecking=accept-new -oBatchMode=yes -oConnectTimeout=5 -oCompression=yes bob@backup.example.com -s sftp"],
            environment.ExtendedOptions);
        Assert.Empty(repository.GetSecrets());
        Assert.Equal("sftp:bob@backup.example.com:/srv/restic", repository.ToString());
    }

    [Fact]
    public void Sftp_Defaults_KeepSshConfigurationAndBatchMode()
    {
        var environment = Render(new SftpRepository("h", "repo"));
        Assert.Equal(["sftp.command=ssh -oBatchMode=yes h -s sftp"], environment.ExtendedOptions);
        Assert.Equal("sftp:h:repo", environment.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal(
            ["sftp.command=ssh -oUserKnownHostsFile=/dev/null -oStrictHostKeyChecking=no h -s sftp"],
            Render(new SftpRepository("h", "/r") { HostKeyChecking = SftpHostKeyChecking.Off, BatchMode = false }).ExtendedOptions);
        Assert.Equal("sftp:u@[::1]:/r", new SftpRepository("::1", "/r") { UserName = "u" }.ToString());
    }

    [Fact]
    public void Sftp_InvalidSettings_ThrowActionableArgumentExceptions()
    {
        Assert.Contains("'~'", Assert.Throws<ArgumentException>(() => new SftpRepository("h", "~/repo")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SftpRepository("a b", "/r"));
        Assert.Throws<ArgumentException>(() => new SftpRepository("u@h", "/r"));
        Assert.Contains("between 1 and 65535", Assert.Throws<ArgumentException>(() => Render(new SftpRepository("h", "/r") { Port = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("spaces", Assert.Throws<ArgumentException>(() => Render(new SftpRepository("h", "/r") { IdentityFile = "/my keys/id" })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Render(new SftpRepository("h", "/r") { SshArguments = ["-o Foo=bar"] }));
    }

    [Fact]
    public void S3_AllSettings_RenderLocationEnvironmentAndOptions()
    {
        var repository = new S3Repository("http://127.0.0.1:9000", "bucket")
        {
            Prefix = "/hosts/web1/",
            Region = "eu-central-1",
            BucketLookup = S3BucketLookup.Path,
            AccessKeyId = "AKIAEXAMPLE",
            SecretAccessKey = "s3-secret-key",
            SessionToken = "s3-session-token",
            CaCertificateFiles = ["/ca.pem"],
        };

        var environment = Render(repository);

        Assert.Equal("s3:http://127.0.0.1:9000/bucket/hosts/web1", environment.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal("AKIAEXAMPLE", environment.Variables["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("s3-secret-key", environment.Variables["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("s3-session-token", environment.Variables["AWS_SESSION_TOKEN"]);
        Assert.Equal(["s3.region=eu-central-1", "s3.bucket-lookup=path"], environment.ExtendedOptions);
        Assert.Equal(["--cacert=/ca.pem"], environment.GlobalFlags);
        Assert.Equal(["s3-secret-key", "s3-session-token"], repository.GetSecrets());
        Assert.DoesNotContain("secret", repository.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Argv(repository), a => a.Contains("s3-secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public void S3_WithoutKeys_LeavesTheDefaultCredentialChain()
    {
        var environment = Render(new S3Repository("s3.amazonaws.com", "b") { Profile = "backup" });
        Assert.Equal("s3:s3.amazonaws.com/b", environment.Variables["RESTIC_REPOSITORY"]);
        Assert.False(environment.Variables.ContainsKey("AWS_ACCESS_KEY_ID"));
        Assert.Equal("backup", environment.Variables["AWS_PROFILE"]);
        Assert.Empty(environment.ExtendedOptions);
    }

    [Fact]
    public void S3_InvalidSettings_ThrowActionableArgumentExceptions()
    {
        Assert.Throws<ArgumentException>(() => new S3Repository("s3://x", "b"));
        Assert.Throws<ArgumentException>(() => new S3Repository("h", "a/b"));
        Assert.Contains("Set both AccessKeyId and SecretAccessKey", Assert.Throws<ArgumentException>(() => Render(new S3Repository("h", "b") { AccessKeyId = "k" })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Render(new S3Repository("h", "b") { SessionToken = "t" }));
    }

    [Fact]
    public void B2Azure_Gcs_Swift_RenderLocationAndCredentialVariables()
    {
        var b2 = Render(new B2Repository("bucket", "restic") { AccountId = "id", ApplicationKey = "b2-key" });
        Assert.Equal("b2:bucket:restic", b2.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal("id", b2.Variables["B2_ACCOUNT_ID"]);
        Assert.Equal("b2-key", b2.Variables["B2_ACCOUNT_KEY"]);

        var azure = Render(new AzureRepository("container", "/restic") { AccountName = "acct", SasToken = "sas-token", EndpointSuffix = "core.chinacloudapi.cn" });
        Assert.Equal("azure:container:/restic", azure.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal("acct", azure.Variables["AZURE_ACCOUNT_NAME"]);
        Assert.Equal("sas-token", azure.Variables["AZURE_ACCOUNT_SAS"]);
        Assert.Equal("core.chinacloudapi.cn", azure.Variables["AZURE_ENDPOINT_SUFFIX"]);
        Assert.False(azure.Variables.ContainsKey("AZURE_ACCOUNT_KEY"));

        var gcs = Render(new GcsRepository("bucket") { ProjectId = "p1", AccessToken = "gcs-token", Region = "EU" });
        Assert.Equal("gs:bucket:/", gcs.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal("gcs-token", gcs.Variables["GOOGLE_ACCESS_TOKEN"]);
        Assert.Equal(["gs.region=EU"], gcs.ExtendedOptions);

        var swift = Render(new SwiftRepository("container", "/restic") { AuthUrl = "https://keystone/v3", UserName = "u", Password = "os-pass", ProjectName = "p" });
        Assert.Equal("swift:container:/restic", swift.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal("os-pass", swift.Variables["OS_PASSWORD"]);
        Assert.Equal("https://keystone/v3", swift.Variables["OS_AUTH_URL"]);
    }

    [Fact]
    public void B2Azure_Gcs_Swift_InvalidSettings_ThrowActionableArgumentExceptions()
    {
        Assert.Throws<ArgumentException>(() => Render(new B2Repository("b") { AccountId = "id" }));
        Assert.Contains("must start with '/'", Assert.Throws<ArgumentException>(() => new GcsRepository("b", "x")).Message, StringComparison.Ordinal);
        Assert.Contains("must start with '/'", Assert.Throws<ArgumentException>(() => new AzureRepository("c", "x")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Render(new AzureRepository("c") { AccountKey = "k", SasToken = "s" }));
        Assert.Throws<ArgumentException>(() => new SwiftRepository("c", "/"));
        Assert.Throws<ArgumentException>(() => Render(new SwiftRepository("c", "/p") { AuthToken = "t" }));
    }

    [Fact]
    public void Secrets_OfEveryBackend_AreMaskedInTheClientsOutput()
    {
        ResticRepository[] repositories =
        [
            new B2Repository("b") { AccountId = "id", ApplicationKey = "secret-1" },
            new AzureRepository("c") { AccountName = "a", AccountKey = "secret-1" },
            new GcsRepository("b") { AccessToken = "secret-1" },
            new SwiftRepository("c", "/p") { Password = "secret-1" },
            new RcloneRepository("r", "p") { Environment = new Dictionary<string, string> { ["RCLONE_CONFIG_R_PASS"] = "secret-1" } },
        ];
        foreach (var repository in repositories)
        {
            Assert.Equal(["secret-1"], repository.GetSecrets());
            Assert.DoesNotContain("secret-1", repository.ToString(), StringComparison.Ordinal);
            var settings = new ResticSettings(new ResticClientOptions { Repository = repository, Password = ResticPassword.FromValue("pw") });
            Assert.Equal("x *** y", settings.Redactor.Redact("x secret-1 y"));
        }
    }

    [Fact]
    public void Rclone_AllSettings_RenderLocationOptionsAndVariables()
    {
        var repository = new RcloneRepository("local", "/srv/repo")
        {
            Program = "/opt/rclone/rclone",
            Arguments = ["serve", "restic", "--stdio", "--bwlimit=1M"],
            StartTimeout = TimeSpan.FromSeconds(30),
            Environment = new Dictionary<string, string> { ["RCLONE_CONFIG_LOCAL_TYPE"] = "local" },
        };

        var environment = Render(repository);

        Assert.Equal("rclone:local:/srv/repo", environment.Variables["RESTIC_REPOSITORY"]);
        Assert.Equal("local", environment.Variables["RCLONE_CONFIG_LOCAL_TYPE"]);
        Assert.Equal(["rclone.program=/opt/rclone/rclone", "rclone.args=serve restic --stdio --bwlimit=1M", "rclone.timeout=30s"], environment.ExtendedOptions);
        Assert.Equal("rclone:/srv/repo", new RcloneRepository(string.Empty, "/srv/repo").ToString());
        Assert.Contains("RCLONE_*", Assert.Throws<ArgumentException>(() => Render(repository with { Environment = new Dictionary<string, string> { ["AWS_X"] = "1" } })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RcloneRepository("a:b", "p"));
    }

    [Theory]
    [InlineData("rest:http://127.0.0.1:8000/repo", typeof(RestRepository), "rest:http://127.0.0.1:8000/repo")]
    [InlineData("rest:https://alice:s%40cret@h:8000/r/", typeof(RestRepository), "rest:https://alice:s%40cret@h:8000/r/")]
    [InlineData("rest:http+unix:///tmp/rest.socket:/repo/", typeof(GenericRepository), "rest:http+unix:///tmp/rest.socket:/repo/")]
    [InlineData("sftp:user@host:/srv/repo", typeof(SftpRepository), "sftp:user@host:/srv/repo")]
    [InlineData("sftp:host:relative/repo", typeof(SftpRepository), "sftp:host:relative/repo")]
    [InlineData("sftp://user@host:2222//srv/repo", typeof(SftpRepository), "sftp:user@host:/srv/repo")]
    [InlineData("sftp://user@domain@host/rel", typeof(SftpRepository), "sftp:user@domain@host:rel")]
    [InlineData("sftp://u@[::1]:2222//srv/repo", typeof(SftpRepository), "sftp:u@[::1]:/srv/repo")]
    [InlineData("s3:http://127.0.0.1:9000/bucket", typeof(S3Repository), "s3:http://127.0.0.1:9000/bucket")]
    [InlineData("s3:s3.us-east-1.amazonaws.com/bucket/a/b", typeof(S3Repository), "s3:s3.us-east-1.amazonaws.com/bucket/a/b")]
    [InlineData("b2:bucket", typeof(B2Repository), "b2:bucket")]
    [InlineData("b2:bucket:path/x", typeof(B2Repository), "b2:bucket:path/x")]
    [InlineData("azure:container:/", typeof(AzureRepository), "azure:container:/")]
    [InlineData("gs:bucket:/restic", typeof(GcsRepository), "gs:bucket:/restic")]
    [InlineData("swift:container:/restic", typeof(SwiftRepository), "swift:container:/restic")]
    [InlineData("rclone:remote:path/x", typeof(RcloneRepository), "rclone:remote:path/x")]
    [InlineData("rclone:/abs/path", typeof(RcloneRepository), "rclone:/abs/path")]
    [InlineData("webdav:x", typeof(GenericRepository), "webdav:x")]
    public void Parse_EachScheme_ReturnsTheTypedRecordThatRendersTheSameLocation(string location, Type expected, string rendered)
    {
        var repository = ResticRepository.Parse(location);
        Assert.IsType(expected, repository);
        Assert.Equal(rendered, repository.ToResticLocation());
    }

    [Fact]
    public void Parse_SftpUrlWithPort_KeepsThePortForTheSshCommand()
    {
        var repository = Assert.IsType<SftpRepository>(ResticRepository.Parse("sftp://user@host:2222//srv/repo"));
        Assert.Equal(2222, repository.Port);
        Assert.Equal("user", repository.UserName);
        Assert.Equal("/srv/repo", repository.Path);
        Assert.Equal("ssh -p 2222 -oBatchMode=yes user@host -s sftp", repository.SshCommand);
    }

    [Fact]
    public void Parse_RestUrlWithCredentials_MovesThemToUserAndPassword()
    {
        var repository = Assert.IsType<RestRepository>(ResticRepository.Parse("rest:https://alice:s%40cret@h:8000/r/"));
        Assert.Equal("alice", repository.UserName);
        Assert.Equal("s@cret", repository.Password);
        Assert.Equal(new Uri("https://h:8000/r/"), repository.Url);
        Assert.Equal("rest:https://alice:***@h:8000/r/", repository.ToString());
    }

    [Theory]
    [InlineData("gs:bucket", "gs:bucket:/path")]
    [InlineData("gs:bucket:", "gs:bucket:/path")]
    [InlineData("azure:container", "azure:container:/path")]
    [InlineData("swift:container", "swift:container:/prefix")]
    [InlineData("s3:127.0.0.1:9000", "needs a bucket")]
    [InlineData("s3://host/bucket", "'s3://' would make restic read the bucket as the endpoint")]
    [InlineData("sftp:hostonly", "sftp:user@host:/path")]
    [InlineData("sftp://host", "needs a path")]
    [InlineData("sftp://host:x//p", "not a number")]
    public void Parse_MalformedBackendString_ThrowsActionableArgumentException(string location, string hint)
    {
        var ex = Assert.Throws<ArgumentException>(() => ResticRepository.Parse(location));
        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RestPasswordWithAnUnencodedAt_SplitsAtTheLastAtAsResticDoes()
    {
        var repository = Assert.IsType<RestRepository>(ResticRepository.Parse("rest:http://user:pa@ss@host:8000/repo/"));

        Assert.Equal("user", repository.UserName);
        Assert.Equal("pa@ss", repository.Password);
        Assert.Equal(new Uri("http://host:8000/repo/"), repository.Url);
        Assert.Equal("rest:http://user:pa%40ss@host:8000/repo/", repository.ToResticLocation());
        Assert.Equal("rest:http://user:***@host:8000/repo/", repository.ToString());
    }

    [Fact]
    public void Parse_RestPasswordWithAnUnencodedSlash_IsRejectedWithoutEchoingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => ResticRepository.Parse("rest:http://user:pa/ss@host:8000/repo/"));

        Assert.Contains("percent-encode", ex.Message);
        Assert.DoesNotContain("pa/ss", ex.Message);
        Assert.DoesNotContain("ss@", ex.Message);
    }

    [Theory]
    [InlineData("rest:http://host:8000/repo@2024/")] // an '@' in the path is not user info
    [InlineData("rest:http://[::1]:8000/r@x/")]
    public void Parse_RestPathWithAnAt_IsAPath(string location)
    {
        var repository = Assert.IsType<RestRepository>(ResticRepository.Parse(location));

        Assert.Null(repository.UserName);
        Assert.Contains("@", repository.Url.AbsolutePath);
    }

    [Theory]
    [InlineData("@")]
    [InlineData(":")]
    [InlineData(" ")]
    [InlineData("%")]
    [InlineData("&")]
    [InlineData("'")]
    [InlineData("\"")]
    [InlineData("@ @:")]
    public void Parse_RestPasswordWithUnencodedCharactersThatCannotEndTheAuthority_KeepsThemAndNeverShowsThem(string special)
    {
        var secret = "Pw" + special + "Mid" + special + "Tail";

        var repository = Assert.IsType<RestRepository>(ResticRepository.Parse($"rest:http://user:{secret}@host:8000/repo/"));

        Assert.Equal("user", repository.UserName);
        Assert.Equal(secret, repository.Password);
        Assert.Equal(new Uri("http://host:8000/repo/"), repository.Url);
        Assert.Equal("rest:http://user:***@host:8000/repo/", repository.ToString());
        Assert.Equal(secret, Uri.UnescapeDataString(repository.ToResticLocation()["rest:http://user:".Length..repository.ToResticLocation().LastIndexOf('@')]));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("?")]
    [InlineData("#")]
    [InlineData("@:%/#? &")] // every character at once
    [InlineData("@")] // with a '/' after it: "pa@MID/TAIL@host" would send restic to the host MID
    public void Parse_RestPasswordWhoseSplitIsAGuess_IsRefusedWithoutRepeatingAnyOfIt(string special)
    {
        var secret = "Pw" + special + "Mid" + (special == "@" ? "/" : special) + "Tail";

        var ex = Assert.Throws<ArgumentException>(() => ResticRepository.Parse($"rest:http://user:{secret}@srv9:8000/rp7/"));

        Assert.Contains("percent-encode", ex.Message, StringComparison.Ordinal);
        foreach (var part in new[] { "Pw", "Mid", "Tail", "srv9", "rp7" })
        {
            Assert.DoesNotContain(part, ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("rest:http://user:Pw@Mid/Tail@host/repo")]
    [InlineData("rest:http://user:Pw@:%/#? &@host/repo")]
    [InlineData("rest:http://user:Pw Mid Tail@host/repo")]
    [InlineData("rest:http://user:Pw\"Mid'Tail@host/repo")]
    [InlineData("rest:http+unix://user:Pw /#?Mid@/run/rest.sock:/repo")]
    public void GenericRepository_MasksEverythingBetweenTheUserAndTheLastAt(string location)
    {
        var repository = new GenericRepository(location);

        Assert.EndsWith("user:***@" + location[(location.LastIndexOf('@') + 1)..], repository.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pw", repository.ToString(), StringComparison.Ordinal);
        Assert.Contains(location[(location.IndexOf("user:", StringComparison.Ordinal) + 5)..location.LastIndexOf('@')], repository.GetSecrets());
    }

    [Fact]
    public void GenericRepository_WithAnyUrlPassword_NeverShowsIt()
    {
        Assert.Equal("rest:http+unix://u:***@/run/rest.sock:/repo", new GenericRepository("rest:http+unix://u:pa/ss@/run/rest.sock:/repo").ToString());
    }
}
