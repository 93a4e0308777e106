namespace Restic.Net.IntegrationTests.Process;

/// <summary>What restic receives: argv and the whole child environment, as the fake recorded them.</summary>
[Trait("Restic", "None")] // starts no restic: run once, not per restic version
public sealed class ChildEnvironmentTests
{
    // Restic-related variables of the test process itself. Set once and never unset, since other
    // tests run in parallel. Names that real restic ignores, so that an integration test elsewhere
    // that sets InheritEnvironment is not affected: one with the RESTIC_ prefix, one with a
    // backend credential prefix (B2_).
    private const string ParentResticVariable = "RESTIC_NET_TEST_PARENT_MARKER";
    private const string ParentCredentialVariable = "B2_ACCOUNT_KEY";
    private static readonly string s_parentResticValue = "parent-restic-" + Guid.NewGuid().ToString("N");
    private static readonly string s_parentCredentialValue = "parent-credential-" + Guid.NewGuid().ToString("N");
    private static readonly string[] s_paths = ["/data", "-starts-with-dash"];

    static ChildEnvironmentTests()
    {
        Environment.SetEnvironmentVariable(ParentResticVariable, s_parentResticValue);
        Environment.SetEnvironmentVariable(ParentCredentialVariable, s_parentCredentialValue);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_PasswordFromValue_ReachesResticOnlyThroughEnvironment()
    {
        var password = "s3cret-" + Guid.NewGuid().ToString("N");
        using var fake = new FakeRestic().WithStdout(ResticLines.Summary);
        var options = fake.CreateOptions(password);
        options.EnvironmentVariables["RESTIC_COMPRESSION"] = "max";
        var client = new ResticClient(options);

        await client.BackupAsync(s_paths);

        var run = fake.SingleRecord();
        Assert.DoesNotContain(run.Arguments, a => a.Contains(password, StringComparison.Ordinal));
        Assert.Equal("backup", run.Arguments[0]);
        Assert.Contains("--json", run.Arguments);
        // Positional values follow "--", so a path starting with '-' is never read as a flag.
        var separator = run.Arguments.ToList().IndexOf("--");
        Assert.True(separator > 0, "argv should contain '--' before the paths.");
        Assert.Equal(["/data", "-starts-with-dash"], run.Arguments.Skip(separator + 1));

        Assert.Equal(password, run.Environment["RESTIC_PASSWORD"]);
        Assert.Equal(fake.RepositoryPath, run.Environment["RESTIC_REPOSITORY"]);
        Assert.Equal("2", run.Environment["RESTIC_PROGRESS_FPS"]);
        Assert.Equal("max", run.Environment["RESTIC_COMPRESSION"]);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_ProgressInterval_SetsResticProgressFps()
    {
        using var fake = new FakeRestic().WithStdout(ResticLines.Summary);
        var client = fake.CreateClient(o => o.ProgressInterval = TimeSpan.FromMilliseconds(250));

        await client.BackupAsync(s_paths);

        Assert.Equal("4", fake.SingleRecord().Environment["RESTIC_PROGRESS_FPS"]);
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_ParentHasResticVariables_ChildDoesNotInheritThem()
    {
        using var fake = new FakeRestic().WithStdout(ResticLines.Summary);
        var client = fake.CreateClient();

        await client.BackupAsync(s_paths);

        var env = fake.SingleRecord().Environment;
        Assert.Equal(s_parentResticValue, Environment.GetEnvironmentVariable(ParentResticVariable));
        Assert.False(env.ContainsKey(ParentResticVariable), $"{ParentResticVariable} leaked into restic's environment.");
        Assert.False(env.ContainsKey(ParentCredentialVariable), $"{ParentCredentialVariable} leaked into restic's environment.");
        Assert.DoesNotContain(env.Values, v => v.Contains(s_parentResticValue, StringComparison.Ordinal) || v.Contains(s_parentCredentialValue, StringComparison.Ordinal));
        // Only restic-related variables are dropped; the rest of the environment is inherited.
        if (Environment.GetEnvironmentVariable("PATH") is { } path)
        {
            Assert.Equal(path, env["PATH"]);
        }
    }

    [Fact(Timeout = 30000)]
    public async Task BackupAsync_InheritEnvironment_ChildInheritsParentVariables()
    {
        using var fake = new FakeRestic().WithStdout(ResticLines.Summary);
        var client = fake.CreateClient(o => o.InheritEnvironment = true);

        await client.BackupAsync(s_paths);

        var env = fake.SingleRecord().Environment;
        Assert.Equal(s_parentResticValue, env[ParentResticVariable]);
        Assert.Equal(s_parentCredentialValue, env[ParentCredentialVariable]);
        Assert.Equal("fake-password", env["RESTIC_PASSWORD"]);
    }
}
